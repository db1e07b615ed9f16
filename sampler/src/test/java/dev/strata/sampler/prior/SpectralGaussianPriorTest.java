package dev.strata.sampler.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.sampler.Gaussian;
import dev.strata.sampler.oracle.DenseGaussian;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The spectral prior as a {@link dev.strata.sampler.GaussianPrior} against its dense covariance on a 6 x 5 grid with
 * truncated modes (4 x 3 of 6 x 5) and two channels of different mean and std.
 */
class SpectralGaussianPriorTest {
    private static final int NZ = 6;
    private static final int NX = 5;
    private static final int PLANE = NZ * NX;
    private final SpectralGaussianPrior prior = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(2, NZ, NX,
            new double[] {0.3, -1.0}, new double[] {1.0, 0.5}, 2.0, 1.5, 4, 3, 0.1));

    private static double[] white(int n, long seed) {
        Gaussian g = new Gaussian(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = g.next();
        }
        return v;
    }

    /** One channel of one sample as a dense Gaussian. */
    private DenseGaussian channel(int c) {
        double[] mean = new double[PLANE];
        Arrays.fill(mean, prior.config().mean()[c]);
        return new DenseGaussian(new int[] {1, NZ, NX}, mean, prior.denseCovariance(c));
    }

    @Test
    void covarianceTimesMatchesDenseCovariance() {
        int n = 3;
        double[] v = white(n * prior.size(), 1);
        double[] cv = prior.covarianceTimes(v, n);
        for (int bc = 0; bc < n * 2; bc++) {
            double[] cov = prior.denseCovariance(bc % 2);
            for (int i = 0; i < PLANE; i++) {
                double s = 0;
                for (int j = 0; j < PLANE; j++) {
                    s += cov[i * PLANE + j] * v[bc * PLANE + j];
                }
                assertEquals(s, cv[bc * PLANE + i], 1e-6, "block " + bc + " point " + i);
            }
        }
    }

    @Test
    void squareRootIsSymmetric() {
        double[] a = white(prior.size(), 2);
        double[] b = white(prior.size(), 3);
        double[] sa = prior.colour(a, 1);
        double[] stb = prior.colourTranspose(b, 1);
        double[] sb = prior.colour(b, 1);
        double left = 0;
        double right = 0;
        for (int i = 0; i < a.length; i++) {
            left += sa[i] * b[i];
            right += a[i] * sb[i];
            assertEquals(sb[i], stb[i], 0.0);
        }
        assertEquals(left, right, 1e-9 * Math.abs(left) + 1e-12);
    }

    @Test
    void logDensityAndGradientMatchDenseGaussian() {
        int n = 2;
        float[] x = prior.sample(n, 4);
        float[] grad = new float[x.length];
        double[] logp = prior.logDensity(x, n, grad);
        DenseGaussian[] dense = {channel(0), channel(1)};
        for (int b = 0; b < n; b++) {
            double expected = 0;
            for (int c = 0; c < 2; c++) {
                int off = (b * 2 + c) * PLANE;
                float[] plane = Arrays.copyOfRange(x, off, off + PLANE);
                float[] g = new float[PLANE];
                expected += dense[c].logDensity(plane, 1, g)[0];
                for (int i = 0; i < PLANE; i++) {
                    assertEquals(g[i], grad[off + i], 1e-4 * (1 + Math.abs(g[i])), "gradient at " + (off + i));
                }
            }
            assertEquals(expected, logp[b], 1e-6 * Math.abs(expected), "log density of sample " + b);
        }
    }

    @Test
    void meanIsBroadcastPerChannel() {
        double[] m = prior.mean();
        assertEquals(2 * PLANE, m.length);
        assertEquals(0.3, m[PLANE - 1]);
        assertEquals(-1.0, m[PLANE]);
    }
}
