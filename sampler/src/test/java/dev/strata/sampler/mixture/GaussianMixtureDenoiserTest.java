package dev.strata.sampler.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.DenoiserContract;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.oracle.DenseGaussianMixture;
import org.junit.jupiter.api.Test;

/** The GMM denoiser with gamma = 0.3 over 40 examples of 4 x 5: contract, naive formula, dense-mixture agreement. */
class GaussianMixtureDenoiserTest extends DenoiserContract {
    private static final int[] SHAPE = {1, 4, 5};
    private final TrainingSet set = MixtureFixtures.set(SHAPE, 40, 3);

    @Override
    protected Denoiser denoiser() {
        return new GaussianMixtureDenoiser(set, 0.3, null);
    }

    @Override
    protected float[] input(int n, long seed) {
        // examples plus noise of 0.4: responsibilities mixed over a few neighbours
        float[] x = new float[n * set.size()];
        Gaussian g = new Gaussian(seed);
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < set.size(); i++) {
                x[b * set.size() + i] = (float) (set.value((b * 7) % set.count(), i) + 0.4 * g.next());
            }
        }
        return x;
    }

    @Test
    void matchesNaiveSoftmaxFormula() {
        float[] x = input(3, 5);
        for (double gamma : new double[] {0, 0.3}) {
            GaussianMixtureDenoiser den = new GaussianMixtureDenoiser(set, gamma, null);
            for (double sigma : new double[] {0.02, 0.3, 5}) {
                float[] fast = den.denoise(x, sigma, 3);
                for (int b = 0; b < 3; b++) {
                    double[] ref = MixtureFixtures.naiveDenoise(set, gamma, x, b, sigma);
                    for (int i = 0; i < set.size(); i++) {
                        assertEquals(ref[i], fast[b * set.size() + i], 1e-5, "gamma " + gamma + " sigma " + sigma);
                    }
                }
            }
        }
    }

    @Test
    void agreesWithDenseMixtureOfIsotropicComponents() {
        double[] logW = new double[set.count()];
        for (int k = 0; k < logW.length; k++) {
            logW[k] = 0.1 * k;
        }
        GaussianMixtureDenoiser fast = new GaussianMixtureDenoiser(set, 0.3, logW);
        DenseGaussianMixture dense = DenseGaussianMixture.isotropic("iso", SHAPE, set.examples(), set.count(), 0.3, logW);
        float[] x = input(2, 8);
        float[] v = new Gaussian(9).array(x.length, 1);
        for (double sigma : new double[] {0.05, 0.5, 5}) {
            float[] a = fast.denoise(x, sigma, 2);
            float[] b = dense.denoise(x, sigma, 2);
            float[] ja = fast.vjp(x, sigma, v, 2);
            float[] jb = dense.vjp(x, sigma, v, 2);
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 2e-5, "denoise, sigma " + sigma);
                assertEquals(jb[i], ja[i], 1e-4 * (1 + Math.abs(jb[i])), "vjp, sigma " + sigma);
            }
        }
    }

    @Test
    void staysExactOnLargeFieldsAtTinyAndHugeNoise() {
        // 2 x 80 x 100 values: at sigma = 0.002 the logits are ~1e9 apart, so any float accumulation would show
        TrainingSet big = MixtureFixtures.set(new int[] {2, 80, 100}, 64, 17);
        GaussianMixtureDenoiser den = GaussianMixturePrior.memorized(big).denoiser();
        int d = big.size();
        float[] x = new float[2 * d];
        Gaussian g = new Gaussian(4);
        for (int i = 0; i < d; i++) {
            x[i] = (float) (big.value(5, i) + 0.002 * g.next());
            x[d + i] = (float) (big.value(9, i) + 0.5 * g.next());
        }
        float[] tiny = den.denoise(x, 0.002, 2);
        for (int i = 0; i < d; i++) {
            assertEquals(big.value(5, i), tiny[i], 1e-6);
        }
        // in 16000 dimensions examples ~ 54 apart: sigma = 30 mixes several of them
        double[] ref = MixtureFixtures.naiveDenoise(big, 0, x, 1, 30.0);
        float[] mid = den.denoise(x, 30.0, 2);
        double[] w = den.responsibilities(x, 30.0, 2);
        double maxW = 0;
        for (int k = 0; k < big.count(); k++) {
            maxW = Math.max(maxW, w[big.count() + k]);
        }
        assertTrue(maxW < 0.9, "sigma 30 should mix several examples, max weight " + maxW);
        for (int i = 0; i < d; i++) {
            assertEquals(ref[i], mid[d + i], 1e-5);
        }
        // at sigma = 1e4 every example is equally likely: D is the training-set mean
        float[] huge = den.denoise(x, 1e4, 2);
        double[] setMean = big.weightedSums(1, uniform(big.count()))[0];
        for (int i = 0; i < d; i++) {
            assertEquals(setMean[i], huge[i], 1e-3);
        }
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }
}
