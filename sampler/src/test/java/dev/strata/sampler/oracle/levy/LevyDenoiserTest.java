package dev.strata.sampler.oracle.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Gaussian;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.GaussianLinearPosterior;
import org.junit.jupiter.api.Test;

/** The Gibbs MMSE denoiser: exact for Gaussian increments, and Monte Carlo error small against a long chain. */
class LevyDenoiserTest {
    private static final int D = 64;

    private static float[] noisy(LevyPrior prior, int n, double sigma, long seed) {
        float[] x = prior.sample(n, seed);
        Gaussian g = new Gaussian(seed + 1);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (sigma * g.next());
        }
        return x;
    }

    private static double maxRelative(float[] a, float[] b) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(b[i]));
            err = Math.max(err, Math.abs(a[i] - b[i]));
        }
        return err / scale;
    }

    /** With Gaussian increments there are no latents: D and its VJP are the dense Gaussian's, to float precision. */
    @Test
    void gibbsDenoiserIsTheExactGaussianDenoiserWhenIncrementsAreGaussian() {
        LevyPrior prior = new LevyPrior(new IncrementLaw.Gauss(0.25), D);
        DenseGaussian exact = prior.matchedGaussian();
        double[] a = BenchmarkOperator.BLUR.matrix(D);
        double[] y = new double[D];
        float[] truth = prior.sample(1, 3);
        for (int r = 0; r < D; r++) {
            for (int j = 0; j < D; j++) {
                y[r] += a[r * D + j] * truth[j];
            }
        }
        DenseGaussian post = GaussianLinearPosterior.of(exact, a, y, 0.3);
        LevyDenoiser dPrior = prior.denoiser(NormalEquations.none(D), 0, 2, 1);
        LevyDenoiser dPost = prior.denoiser(NormalEquations.of(a, D, y, 0.3), 0, 2, 1);
        for (double sigma : new double[] {0.01, 0.5, 20}) {
            float[] x = noisy(prior, 8, sigma, 5);
            float[] v = noisy(prior, 8, 1, 7);
            assertEquals(0, maxRelative(dPrior.denoise(x, sigma, 8), exact.denoise(x, sigma, 8)), 1e-5, "D " + sigma);
            assertEquals(0, maxRelative(dPrior.vjp(x, sigma, v, 8), exact.vjp(x, sigma, v, 8)), 1e-4, "J " + sigma);
            assertEquals(0, maxRelative(dPost.denoise(x, sigma, 8), post.denoise(x, sigma, 8)), 1e-5, "D_y " + sigma);
        }
    }

    /**
     * Laplace increments: the 30-sweep estimate is within its stated error of a 4000-sweep one, where the error is
     * set by the posterior std at sigma over sqrt(30 / tau), tau ~ a few sweeps of autocorrelation.
     */
    @Test
    void laplaceDenoiserAgreesWithALongChain() {
        LevyPrior prior = new LevyPrior(new IncrementLaw.Laplace(1), D);
        int n = 16;
        for (double sigma : new double[] {0.05, 1, 10}) {
            float[] x = noisy(prior, n, sigma, 9);
            long t0 = System.nanoTime();
            float[] quick = prior.denoiser(NormalEquations.none(D), 10, 30, 1).denoise(x, sigma, n);
            double ms = (System.nanoTime() - t0) / 1e6 / n;
            float[] slow = prior.denoiser(NormalEquations.none(D), 200, 4000, 2).denoise(x, sigma, n);
            double rms = 0;
            for (int i = 0; i < x.length; i++) {
                rms += Math.pow(quick[i] - slow[i], 2);
            }
            rms = Math.sqrt(rms / x.length);
            System.out.printf("sigma %.2f: RMS(D_30 - D_4000) = %.4f = %.3f sigma, %.2f ms per sample%n", sigma, rms,
                    rms / sigma, ms);
            assertTrue(rms < 0.2 * sigma, "sigma " + sigma + ": " + rms);
        }
    }
}
