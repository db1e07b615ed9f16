package dev.strata.sampler.latent;

import dev.strata.sampler.mcmc.LogDensity;
import dev.strata.sampler.nn.BatchObjective;

/**
 * The pixel-space baseline of seed 002 (arXiv 2512.22421): minimise over the field m itself
 * <pre>
 *   J(m) = -ln p(y | m) + alpha / 2 sum over neighbouring cells (m_i - m_j)^2
 * </pre>
 * (Tikhonov smoothing of the first differences in z and x), by {@link AdamDescent}; dJ/dm adds alpha times the
 * graph Laplacian of m (zero-flux at the edges) to the likelihood's gradient.
 */
public final class PixelInversion {

    private PixelInversion() {
    }

    /**
     * Runs from {@code m0} ({@code [n][nz][nx]}, one restart per sample).
     *
     * @param smoothness alpha >= 0
     * @param truth      the true field {@code [nz][nx]} for the error trace, or null
     */
    public static InversionTrace run(LogDensity likelihood, int nz, int nx, double smoothness, float[] m0, int n,
                                     AdamDescent.Settings descent, float[] truth) {
        if (!(smoothness >= 0)) {
            throw new IllegalArgumentException("smoothness must be >= 0, got " + smoothness);
        }
        TraceRecorder recorder = new TraceRecorder(truth);
        BatchObjective data = LatentInversion.negated(likelihood);
        BatchObjective j = (m, batch, g) -> {
            double[] v = data.evaluate(m, batch, g);
            recorder.record(m, batch, v.clone());
            for (int b = 0; b < batch; b++) {
                v[b] += smoothness * roughness(m, g, b * nz * nx, nz, nx, smoothness);
            }
            return v;
        };
        float[] m = AdamDescent.minimise(j, m0, n, descent);
        return recorder.trace(m);
    }

    /** 1/2 sum (m_i - m_j)^2 over neighbours of one field at {@code from}; adds alpha d/dm of it to {@code g}. */
    static double roughness(float[] m, float[] g, int from, int nz, int nx, double alpha) {
        double r = 0;
        for (int iz = 0; iz < nz; iz++) {
            for (int ix = 0; ix < nx; ix++) {
                int i = from + iz * nx + ix;
                if (ix + 1 < nx) {
                    r += pair(m, g, i, i + 1, alpha);
                }
                if (iz + 1 < nz) {
                    r += pair(m, g, i, i + nx, alpha);
                }
            }
        }
        return r;
    }

    private static double pair(float[] m, float[] g, int i, int j, double alpha) {
        double d = m[i] - m[j];
        g[i] += (float) (alpha * d);
        g[j] -= (float) (alpha * d);
        return 0.5 * d * d;
    }
}
