package dev.strata.sampler.edm;

import dev.strata.sampler.NoiseSchedule;

/**
 * The EDM noise levels of Karras et al. (2022), eq. 5:
 * sigma_i = (sigma_max^(1/rho) + i / (N - 1) (sigma_min^(1/rho) - sigma_max^(1/rho)))^rho, i = 0..N-1, sigma_N = 0.
 *
 * @param steps    N, number of noise levels before 0
 * @param sigmaMax largest noise level (80 in EDM)
 * @param sigmaMin smallest non-zero noise level (0.002 in EDM)
 * @param rho      spacing exponent (7 in EDM)
 */
public record KarrasSchedule(int steps, double sigmaMax, double sigmaMin, double rho) implements NoiseSchedule {

    public KarrasSchedule {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(sigmaMax > sigmaMin && sigmaMin > 0)) {
            throw new IllegalArgumentException("need sigmaMax > sigmaMin > 0, got " + sigmaMax + ", " + sigmaMin);
        }
        if (!(rho > 0)) {
            throw new IllegalArgumentException("rho must be > 0, got " + rho);
        }
    }

    /** The EDM defaults: sigma_max 80, sigma_min 0.002, rho 7. */
    public static KarrasSchedule edm(int steps) {
        return new KarrasSchedule(steps, 80.0, 0.002, 7.0);
    }

    /** N + 1 levels, decreasing, the last one 0. */
    public double[] sigmas() {
        double[] s = new double[steps + 1];
        double a = Math.pow(sigmaMax, 1 / rho);
        double b = Math.pow(sigmaMin, 1 / rho);
        for (int i = 0; i < steps; i++) {
            double f = steps == 1 ? 0 : (double) i / (steps - 1);
            s[i] = Math.pow(a + f * (b - a), rho);
        }
        s[steps] = 0;
        return s;
    }

    /** {@link #sigmas()}: already in visiting order. */
    @Override
    public double[] levels() {
        return sigmas();
    }
}
