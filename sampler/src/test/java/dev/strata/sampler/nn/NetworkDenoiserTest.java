package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.DenoiserContract;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.prior.GaussianDenoiser;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shipped network against its known answer, the exact denoiser of the Gaussian prior it was trained on.
 * Errors are relative to the exact x̂0's distance from the prior mean, ||D_net - D|| / ||D - mu||, over 128 noisy prior
 * draws per sigma; the tolerances are the measured errors ({@link #MEASURED}) plus 20 %. In mean squared error the
 * network's x̂0 is worse than the exact one by 0.5 % (sigma 0.05), 1.6, 3.7, 4.7, 4.2, 2.9 % (sigma 5), 1.4 % (sigma 20)
 * and 7.7 % (sigma 80); the relative error grows with sigma because ||D - mu|| shrinks like 1 / sigma^2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkDenoiserTest extends DenoiserContract {
    static final double[] SIGMAS = {0.05, 0.2, 0.5, 1, 2, 5};
    /** Measured relative errors of the shipped network at {@link #SIGMAS}. */
    static final double[] MEASURED = {0.0036, 0.0196, 0.0500, 0.0813, 0.1193, 0.2062};
    private static final int N = 128;

    private NetworkDenoiser net;
    private SpectralGaussianPrior prior;
    private GaussianDenoiser exact;

    @BeforeAll
    void load() {
        net = NetworkDenoiser.loadShippedGaussian16();
        prior = new SpectralGaussianPrior(DenoiserTrainer.gaussian16Prior());
        exact = prior.denoiser();
    }

    @AfterAll
    void close() {
        net.close();
    }

    @Override
    protected Denoiser denoiser() {
        return net;
    }

    @Override
    protected float[] input(int n, long seed) {
        return noisy(prior, n, 0.5, seed);
    }

    /** x = x0 + sigma eps for {@code n} prior draws. */
    static float[] noisy(SpectralGaussianPrior prior, int n, double sigma, long seed) {
        float[] x = prior.sample(n, seed);
        Gaussian g = new Gaussian(seed + 1);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (sigma * g.next());
        }
        return x;
    }

    /** ||a - b|| / ||b - mu||. */
    static double relErr(float[] a, float[] b, double mu) {
        double e = 0;
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            e += Math.pow(a[i] - b[i], 2);
            d += Math.pow(b[i] - mu, 2);
        }
        return Math.sqrt(e / d);
    }

    /** A batch longer than one pass runs as several passes and gives each sample what it gets alone. */
    @Test
    void batchLongerThanOnePassMatchesSamplesDenoisedAlone() {
        int chunk = NetworkDenoiser.chunkSamples(new SmallUNet.Config(1, 16, 2, 4, 8, 8), new int[] {1, 16, 16});
        assertEquals(NetworkDenoiser.MAX_CHUNK, chunk, "a 16 x 16 sample fits the largest pass");
        assertEquals(21, NetworkDenoiser.chunkSamples(new SmallUNet.Config(2, 16, 3, 4, 16, 32),
                new int[] {2, 80, 104}), "the seismic U-Net: 32 MiB over 1.52 MiB a sample");
        int n = chunk + 3;
        int size = net.size();
        float[] x = input(n, 5);
        float[] v = input(n, 6);
        float[] all = net.denoise(x, 0.5, n);
        float[] allVjp = net.vjp(x, 0.5, v, n);
        for (int b : new int[] {0, chunk - 1, chunk, n - 1}) {
            float[] one = java.util.Arrays.copyOfRange(x, b * size, (b + 1) * size);
            float[] oneV = java.util.Arrays.copyOfRange(v, b * size, (b + 1) * size);
            float[] alone = net.denoise(one, 0.5, 1);
            float[] aloneVjp = net.vjp(one, 0.5, oneV, 1);
            for (int i = 0; i < size; i++) {
                assertEquals(alone[i], all[b * size + i], 1e-5, "sample " + b + ", point " + i);
                assertEquals(aloneVjp[i], allVjp[b * size + i], 1e-5, "vjp of sample " + b + ", point " + i);
            }
        }
    }

    @Test
    void networkMatchesExactDenoiserAtEachSigma() {
        double mu = prior.config().mean()[0];
        double[] err = new double[SIGMAS.length];
        for (int k = 0; k < SIGMAS.length; k++) {
            float[] x = noisy(prior, N, SIGMAS[k], 100 + k);
            err[k] = relErr(net.denoise(x, SIGMAS[k], N), exact.denoise(x, SIGMAS[k], N), mu);
        }
        for (int k = 0; k < SIGMAS.length; k++) {
            assertTrue(err[k] <= 1.2 * MEASURED[k], "sigma " + SIGMAS[k] + ": relative error " + Arrays.toString(err));
        }
    }

    /** Measured: relative differences 2e-5 (sigma 0.1), 1e-4 (sigma 1), 6e-5 (sigma 10), in float32. */
    @Test
    void vjpMatchesDirectionalDerivativeOfDenoise() {
        // u . J v by central differences of D against (J^T u) . v, at a few sigma, batch of 4
        int n = 4;
        for (double sigma : new double[] {0.1, 1, 10}) {
            float[] x = noisy(prior, n, sigma, 7);
            float[] u = new Gaussian(8).array(x.length, 1);
            float[] v = new Gaussian(9).array(x.length, 1);
            double h = 1e-2 * Math.max(1, sigma);
            double fd = (dot(u, net.denoise(shift(x, v, h), sigma, n)) - dot(u, net.denoise(shift(x, v, -h), sigma, n)))
                    / (2 * h);
            double ad = dot(net.vjp(x, sigma, u, n), v);
            assertEquals(ad, fd, 1e-3 * Math.abs(ad), "sigma " + sigma);
        }
    }

    /**
     * The network's Jacobian against the exact one (the Wiener filter), applied to a smooth direction (a centred prior
     * draw, like the directions guidance pulls in) and to white noise. Measured ||J_net^T u - J^T u|| / ||J^T u||:
     * smooth 0.051, 0.102, 0.235 and white 0.175, 0.694, 0.377 at sigma 0.2, 1, 5. White noise probes the rough
     * directions that the exact filter all but removes and that training never pins down.
     */
    @Test
    void vjpIsCloseToExactDenoisersVjp() {
        int n = 16;
        double[] sigmas = {0.2, 1, 5};
        double[] smooth = {0.0508, 0.1017, 0.2349};
        double[] white = {0.1749, 0.6941, 0.3770};
        for (int k = 0; k < sigmas.length; k++) {
            double sigma = sigmas[k];
            float[] x = noisy(prior, n, sigma, 11);
            float[] u = prior.sample(n, 12);
            for (int i = 0; i < u.length; i++) {
                u[i] -= (float) prior.config().mean()[0];
            }
            float[] w = new Gaussian(12).array(x.length, 1);
            double errSmooth = relErr(net.vjp(x, sigma, u, n), exact.vjp(x, sigma, u, n), 0);
            double errWhite = relErr(net.vjp(x, sigma, w, n), exact.vjp(x, sigma, w, n), 0);
            assertTrue(errSmooth <= 1.2 * smooth[k], "sigma " + sigma + ": smooth-direction VJP error " + errSmooth);
            assertTrue(errWhite <= 1.2 * white[k], "sigma " + sigma + ": white-noise VJP error " + errWhite);
        }
    }

    @Test
    void zeroNoiseIsIdentity() {
        float[] x = prior.sample(2, 3);
        assertArrayEquals(x, net.denoise(x, 0, 2));
        assertArrayEquals(x, net.vjp(new float[x.length], 0, x, 2));
    }

    private static float[] shift(float[] x, float[] v, double h) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] + h * v[i]);
        }
        return y;
    }
}
