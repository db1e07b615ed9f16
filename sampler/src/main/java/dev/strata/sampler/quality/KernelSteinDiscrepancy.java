package dev.strata.sampler.quality;

/**
 * Kernel Stein discrepancy of samples against a target known only through its score s = grad log p (Gorham and
 * Mackey 2017, eq. 2, with their inverse multiquadric kernel k(x, y) = (c^2 + |x - y|^2)^beta, beta = -1/2):
 * KSD^2 = (1 / n^2) sum_ij u(x_i, x_j), u(x, y) = s(x).s(y) k + s(x).grad_y k + s(y).grad_x k + tr(grad_x grad_y k).
 * Zero (as n grows) exactly when the samples come from the target; no ground truth is needed, only the score at
 * the samples, so it judges posterior samples of problems without a closed form (the posterior score is the prior
 * score plus the likelihood gradient). A V-statistic: non-negative, with a positive bias of order 1 / n.
 */
public final class KernelSteinDiscrepancy {
    /** beta of the inverse multiquadric kernel. */
    public static final double BETA = -0.5;

    private KernelSteinDiscrepancy() {
    }

    /**
     * {@link #of(float[], float[], int, int, double)} with c = sqrt(d), the distance scale of samples with unit
     * variance per value (normalised models): with c = 1 in many dimensions the kernel sees every pair as far apart
     * and the statistic loses most of its power to tell a too-wide posterior.
     */
    public static double of(float[] samples, float[] scores, int n, int d) {
        return of(samples, scores, n, d, Math.sqrt(d));
    }

    /**
     * KSD (the square root of the V-statistic) of {@code n} samples {@code [n][d]} with their scores {@code [n][d]}.
     *
     * @param c the kernel's scale, in the samples' units (1 for normalised models)
     */
    public static double of(float[] samples, float[] scores, int n, int d, double c) {
        if (n < 1 || samples.length != (long) n * d || scores.length != samples.length || !(c > 0)) {
            throw new IllegalArgumentException("KSD needs n >= 1 samples [n][d] and scores of the same shape and c > 0,"
                    + " got n " + n + ", d " + d + ", " + samples.length + " and " + scores.length + " values, c " + c);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum += stein(samples, scores, i, j, d, c);
            }
        }
        return Math.sqrt(Math.max(0, sum / ((double) n * n)));
    }

    /** u(x_i, x_j) for the inverse multiquadric kernel. */
    private static double stein(float[] x, float[] s, int i, int j, int d, double c) {
        int a = i * d;
        int b = j * d;
        double r2 = 0;
        double ss = 0;
        double sir = 0;
        double sjr = 0;
        for (int k = 0; k < d; k++) {
            double r = (double) x[a + k] - x[b + k];
            r2 += r * r;
            ss += (double) s[a + k] * s[b + k];
            sir += s[a + k] * r;
            sjr += s[b + k] * r;
        }
        double q = c * c + r2;
        double k0 = Math.pow(q, BETA);
        double k1 = BETA * Math.pow(q, BETA - 1);
        double k2 = BETA * (BETA - 1) * Math.pow(q, BETA - 2);
        // grad_y k = -2 k1 r, grad_x k = 2 k1 r, tr(grad_x grad_y k) = -2 k1 d - 4 k2 |r|^2
        return ss * k0 - 2 * k1 * sir + 2 * k1 * sjr - 2 * k1 * d - 4 * k2 * r2;
    }
}
