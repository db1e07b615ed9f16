package dev.strata.sampler.latent;

/**
 * The course of a batch of deterministic inversions (one per sample, e.g. restarts from different starting points).
 *
 * @param misfit   the data term -ln p(y | m) at each evaluation, {@code [evaluations][n]}
 * @param error    ||m - m_true|| / ||m_true|| at each evaluation, {@code [evaluations][n]} (NaN without a truth)
 * @param fields   the fields m of the last evaluation, {@code [n][nz][nx]}
 * @param unknowns the point reached in the space optimised over (latent noise, VAE latent or the field),
 *                 {@code [n][size]}
 */
public record InversionTrace(double[][] misfit, double[][] error, float[] fields, float[] unknowns) {

    /** Evaluations recorded (iterations + 1). */
    public int evaluations() {
        return misfit.length;
    }

    /** Samples in the batch. */
    public int samples() {
        return misfit[0].length;
    }

    /** ||a[from .. from + b.length) - b|| / ||b||. */
    public static double relativeError(float[] a, int from, float[] b) {
        double d = 0;
        double r = 0;
        for (int i = 0; i < b.length; i++) {
            double e = a[from + i] - b[i];
            d += e * e;
            r += (double) b[i] * b[i];
        }
        return Math.sqrt(d / r);
    }
}
