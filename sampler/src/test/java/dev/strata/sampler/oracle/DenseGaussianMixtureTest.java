package dev.strata.sampler.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.DenoiserContract;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.SamplerContract;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.validate.MixtureLinearCase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dense mixture (here the exact GMM-linear posterior on 6 x 6): contract, moments, log density, sampling. */
class DenseGaussianMixtureTest extends DenoiserContract {
    private final MixtureLinearCase problem = MixtureLinearCase.of(6, 6, 8, 0.1, 2);

    @Override
    protected Denoiser denoiser() {
        return problem.posterior();
    }

    @Override
    protected float[] input(int n, long seed) {
        return problem.posterior().sample(n, seed);
    }

    @Test
    void posteriorIsGenuinelyMultimodal() {
        double[] w = problem.posterior().weights();
        int above = 0;
        for (double v : w) {
            assertTrue(v < 0.6, "one component dominates: " + v);
            above += v > 0.1 ? 1 : 0;
        }
        assertEquals(3, above, "every component should carry weight");
    }

    @Test
    void closedFormMomentsMatchExactDraws() {
        int n = 20_000;
        DenseGaussianMixture post = problem.posterior();
        PosteriorMetrics m = PosteriorMetrics.compare(post.sample(n, 1), n, post, 4000, 2);
        // n = 20000: meanErr ~ 0.007, stdErr ~ 0.005 by Monte Carlo
        assertTrue(m.meanErr() < 0.02 && m.stdErr() < 0.02, m.toString());
    }

    @Test
    void logDensityGradientMatchesDifferences() {
        DenseGaussianMixture post = problem.posterior();
        float[] x = post.sample(1, 4);
        float[] v = new Gaussian(5).array(x.length, 1);
        float[] grad = new float[x.length];
        post.logDensity(x, 1, grad);
        double h = 1e-3;
        float[] p = x.clone();
        float[] q = x.clone();
        double an = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = (float) (x[i] + h * v[i]);
            q[i] = (float) (x[i] - h * v[i]);
            an += grad[i] * ((double) p[i] - q[i]);
        }
        double fd = post.logDensity(p, 1, null)[0] - post.logDensity(q, 1, null)[0];
        assertEquals(an, fd, 1e-4 * Math.abs(an) + 1e-6);
    }

    @Test
    void singleComponentMixtureIsThatGaussian() {
        DenseGaussian g = problem.prior().component(1);
        DenseGaussianMixture one = new DenseGaussianMixture("one", List.of(g), null);
        float[] x = g.sample(3, 6);
        float[] a = one.denoise(x, 0.7, 3);
        float[] b = g.denoise(x, 0.7, 3);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-5);
        }
        double[] sa = one.std();
        double[] sb = g.std();
        for (int i = 0; i < sa.length; i++) {
            assertEquals(sb[i], sa[i], 1e-12);
        }
    }

    @Test
    void heunWithExactMixtureDenoiserMatchesMixturePosterior() {
        int n = 2000;
        DenseGaussianMixture post = problem.posterior();
        float[] s = EdmSampler.heun(post, KarrasSchedule.edm(32)).sample(n, 3);
        SamplerContract.assertMeetsExactBounds(PosteriorMetrics.compare(s, n, post, 4000, 4));
    }
}
