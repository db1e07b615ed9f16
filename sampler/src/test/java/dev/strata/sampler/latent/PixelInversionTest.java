package dev.strata.sampler.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Gaussian;
import org.junit.jupiter.api.Test;

/**
 * The pixel baseline's smoothness term R(m) = 1/2 sum (m_i - m_j)^2 and its gradient, against central differences
 * on a 5 x 4 field; the check is shown to fail on a gradient with the x-neighbour terms dropped. Adam reaches the
 * minimum of a quadratic.
 */
class PixelInversionTest {
    private static final int NZ = 5;
    private static final int NX = 4;

    @Test
    void smoothnessGradientMatchesCentralDifferences() {
        assertTrue(worstGradientError(false) < 1e-3, "worst relative error " + worstGradientError(false));
    }

    @Test
    void aGradientMissingTheLateralTermsFailsTheCheck() {
        assertTrue(worstGradientError(true) > 0.1, "worst relative error " + worstGradientError(true));
    }

    @Test
    void adamReachesTheMinimumOfAQuadratic() {
        float[] x = AdamDescent.minimise((v, n, g) -> {
            double[] f = new double[n];
            for (int i = 0; i < v.length; i++) {
                g[i] = v[i] - 3;
                f[i / 2] += 0.5 * (v[i] - 3) * (v[i] - 3);
            }
            return f;
        }, new float[] {0, 10, -5, 1}, 2, new AdamDescent.Settings(2000, 0.05));
        for (float v : x) {
            assertEquals(3, v, 1e-2);
        }
    }

    /** Worst |g_i - (R(m + h e_i) - R(m - h e_i)) / 2h| / max |g|, with the x terms dropped when {@code wrong}. */
    private static double worstGradientError(boolean wrong) {
        float[] m = new Gaussian(3).array(NZ * NX, 1);
        float[] g = new float[m.length];
        PixelInversion.roughness(m, g, 0, NZ, NX, 1);
        if (wrong) {
            g = lateralOnlyRemoved(m);
        }
        double scale = 0;
        for (float v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        double h = 1e-2;
        for (int i = 0; i < m.length; i++) {
            float[] up = m.clone();
            float[] down = m.clone();
            up[i] += (float) h;
            down[i] -= (float) h;
            double fd = (PixelInversion.roughness(up, new float[m.length], 0, NZ, NX, 1)
                    - PixelInversion.roughness(down, new float[m.length], 0, NZ, NX, 1)) / (2 * h);
            worst = Math.max(worst, Math.abs(g[i] - fd) / scale);
        }
        return worst;
    }

    /** The gradient of the z-neighbour terms only. */
    private static float[] lateralOnlyRemoved(float[] m) {
        float[] g = new float[m.length];
        for (int iz = 0; iz + 1 < NZ; iz++) {
            for (int ix = 0; ix < NX; ix++) {
                float d = m[iz * NX + ix] - m[(iz + 1) * NX + ix];
                g[iz * NX + ix] += d;
                g[(iz + 1) * NX + ix] -= d;
            }
        }
        return g;
    }
}
