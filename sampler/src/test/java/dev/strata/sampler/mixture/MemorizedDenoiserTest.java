package dev.strata.sampler.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.DenoiserContract;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import org.junit.jupiter.api.Test;

/** The memorized prior (gamma = 0) over 30 examples of 6 x 6: contract, and a sampler on it only returns copies. */
class MemorizedDenoiserTest extends DenoiserContract {
    private static final int[] SHAPE = {1, 6, 6};
    private final TrainingSet set = MixtureFixtures.set(SHAPE, 30, 8);

    @Override
    protected Denoiser denoiser() {
        return GaussianMixturePrior.memorized(set).denoiser();
    }

    @Override
    protected float[] input(int n, long seed) {
        float[] x = new float[n * set.size()];
        Gaussian g = new Gaussian(seed);
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < set.size(); i++) {
                x[b * set.size() + i] = (float) (set.value(b, i) + 0.8 * g.next());
            }
        }
        return x;
    }

    @Override
    protected double[] sigmas() {
        return new double[] {0.3, 1.0, 5.0};
    }

    @Test
    void atZeroNoiseReturnsTheNearestExample() {
        float[] x = input(1, 3);
        float[] d = denoiser().denoise(x, 0.0, 1);
        double[] dist = set.squaredDistances(x, 1);
        int best = 0;
        for (int k = 1; k < dist.length; k++) {
            if (dist[k] < dist[best]) {
                best = k;
            }
        }
        assertArrayEquals(set.example(best), d);
    }

    @Test
    void diffusionSamplerOnMemorizedPriorOnlyReproducesTrainingExamples() {
        int n = 200;
        float[] s = EdmSampler.heun(denoiser(), KarrasSchedule.edm(32)).sample(n, 1);
        MemorizationMetric m = MemorizationMetric.of(s, n, set, 10, 0.5);
        assertEquals(1.0, m.share(), "every sample should be a copy");
        for (double r : m.ratios()) {
            assertTrue(r < 0.01, "ratio " + r);
        }
    }
}
