package dev.strata.sampler.edm;

/**
 * Stochastic churn of Karras et al. (2022), Alg. 2: at levels sigma_i in [sTmin, sTmax] the state is first moved
 * up to sigma_hat = (1 + gamma_i) sigma_i, gamma_i = min(sChurn / N, sqrt(2) - 1), by adding fresh noise of std
 * sNoise sqrt(sigma_hat^2 - sigma_i^2); the ODE step then starts from sigma_hat.
 *
 * @param sChurn total churn S_churn (0: deterministic)
 * @param sTmin  lowest level that is churned
 * @param sTmax  highest level that is churned
 * @param sNoise noise inflation S_noise (1: exact; EDM used 1.003..1.007 to offset denoiser bias)
 */
public record Churn(double sChurn, double sTmin, double sTmax, double sNoise) {

    /** No churn: the deterministic sampler. */
    public static final Churn NONE = new Churn(0, 0, Double.POSITIVE_INFINITY, 1);

    public Churn {
        if (!(sChurn >= 0) || !(sTmin >= 0) || !(sTmax >= sTmin) || !(sNoise > 0)) {
            throw new IllegalArgumentException("need sChurn >= 0, 0 <= sTmin <= sTmax, sNoise > 0; got " + sChurn
                    + ", " + sTmin + ", " + sTmax + ", " + sNoise);
        }
    }

    /** Churn at every level with exact noise (S_noise = 1). */
    public static Churn everywhere(double sChurn) {
        return new Churn(sChurn, 0, Double.POSITIVE_INFINITY, 1);
    }

    /** gamma_i for level {@code sigma} of a schedule with {@code steps} levels. */
    public double gamma(double sigma, int steps) {
        if (sChurn == 0 || sigma < sTmin || sigma > sTmax) {
            return 0;
        }
        return Math.min(sChurn / steps, Math.sqrt(2) - 1);
    }
}
