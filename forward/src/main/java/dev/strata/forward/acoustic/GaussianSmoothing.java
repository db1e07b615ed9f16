package dev.strata.forward.acoustic;

/**
 * Gaussian smoothing of a velocity model for a starting or background model: v_s = G_sigma * v, the separable
 * convolution with exp(-r^2 / (2 sigma^2)) / (2 pi sigma^2) (e.g. Virieux and Operto 2009, Geophysics 74:WCC1, for
 * smooth starting models), truncated at 4 sigma and renormalised, edges extended by replication (as the propagator
 * pads). Computed in double.
 *
 * @param sigma standard deviation in m, finite and &gt;= 0 (0 returns a copy)
 */
public record GaussianSmoothing(double sigma) {

    public GaussianSmoothing {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("smoothing sigma must be finite and >= 0 m, got " + sigma);
        }
    }

    /** The smoothed copy of {@code v} {@code [nz][nx]} on {@code grid}. */
    public float[] apply(Grid grid, float[] v) {
        if (v == null || v.length != grid.size()) {
            throw new IllegalArgumentException("smoothing: model needs " + grid.size() + " values on " + grid
                    + ", got " + (v == null ? "null" : v.length));
        }
        double[] w = weights(sigma / grid.spacing());
        int nz = grid.nz();
        int nx = grid.nx();
        double[] rows = new double[v.length];
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                double s = 0;
                for (int k = -w.length + 1; k < w.length; k++) {
                    s += w[Math.abs(k)] * v[z * nx + clamp(x + k, nx)];
                }
                rows[z * nx + x] = s;
            }
        }
        float[] out = new float[v.length];
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                double s = 0;
                for (int k = -w.length + 1; k < w.length; k++) {
                    s += w[Math.abs(k)] * rows[clamp(z + k, nz) * nx + x];
                }
                out[z * nx + x] = (float) s;
            }
        }
        return out;
    }

    /** One-sided normalised weights w[0 .. ceil(4 s)] of a Gaussian of s points (w[0] = 1 for s = 0). */
    private static double[] weights(double s) {
        int half = (int) Math.ceil(4 * s);
        double[] w = new double[half + 1];
        double total = 0;
        for (int k = 0; k <= half; k++) {
            w[k] = s == 0 ? 1 : Math.exp(-0.5 * k * k / (s * s));
            total += k == 0 ? w[k] : 2 * w[k];
        }
        for (int k = 0; k <= half; k++) {
            w[k] /= total;
        }
        return w;
    }

    private static int clamp(int i, int n) {
        return Math.min(Math.max(i, 0), n - 1);
    }
}
