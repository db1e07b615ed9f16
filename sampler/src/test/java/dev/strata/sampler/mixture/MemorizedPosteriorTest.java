package dev.strata.sampler.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.NoiseStreams;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The memorized posterior is the likelihood-reweighted training set, and a diffusion sampler on it finds that. */
class MemorizedPosteriorTest {
    private static final int[] SHAPE = {1, 4, 4};
    private final TrainingSet set = MixtureFixtures.set(SHAPE, 6, 21);
    private final MatrixOperator operator = new MatrixOperator(SHAPE, 3, gaussianMatrix(3 * 16, 22));
    private final float[] data = {0.5f, -0.2f, 0.1f};
    private final double noise = 0.7;
    private final MemorizedPosterior post =
            MemorizedPosterior.of("mem", GaussianMixturePrior.memorized(set), operator, data, noise);

    /** ExactSampler's per-sample streams: sample i is the draw of seed seedOf(seed, i), so shards equal one batch. */
    @Test
    void shardedExactDrawsEqualOneBatch() {
        float[] whole = post.sample(5, 3, 0, ProgressListener.NONE);
        float[] tail = post.sample(3, 3, 2, ProgressListener.NONE);
        assertArrayEquals(Arrays.copyOfRange(whole, 2 * 16, 5 * 16), tail);
        assertArrayEquals(
                post.sample(1, NoiseStreams.seedOf(3, 4)), Arrays.copyOfRange(whole, 64, 80));
    }

    @Test
    void weightsAreNormalisedLikelihoods() {
        double[] w = post.weights();
        float[] pred = operator.apply(set.examples(), set.count());
        double[] lik = new double[set.count()];
        double total = 0;
        for (int k = 0; k < set.count(); k++) {
            double r2 = 0;
            for (int j = 0; j < 3; j++) {
                r2 += Math.pow(data[j] - pred[k * 3 + j], 2);
            }
            lik[k] = Math.exp(-r2 / (2 * noise * noise));
            total += lik[k];
        }
        for (int k = 0; k < set.count(); k++) {
            assertEquals(lik[k] / total, w[k], 1e-12);
        }
        assertTrue(post.effectiveSize() > 1.5, "data this weak should leave several examples: " + post.effectiveSize());
    }

    @Test
    void drawsAreTrainingExamplesAtTheirWeights() {
        assertFrequenciesMatchWeights(post.sample(4000, 1), 4000);
    }

    @Test
    void heunWithThePosteriorDenoiserSamplesTheReweightedSet() {
        // seed 001: a diffusion sampler driven by the memorized posterior's exact denoiser returns training examples
        // with the likelihood weights
        int n = 2000;
        float[] s = EdmSampler.heun(post.denoiser(), KarrasSchedule.edm(24)).sample(n, 2);
        assertEquals(1.0, MemorizationMetric.of(s, n, set, 5, 0.5).share());
        assertFrequenciesMatchWeights(s, n);
    }

    private void assertFrequenciesMatchWeights(float[] s, int n) {
        double[] w = post.weights();
        double[] d2 = set.squaredDistances(s, n);
        int[] hits = new int[set.count()];
        for (int b = 0; b < n; b++) {
            int best = 0;
            for (int k = 1; k < set.count(); k++) {
                if (d2[b * set.count() + k] < d2[b * set.count() + best]) {
                    best = k;
                }
            }
            assertTrue(d2[b * set.count() + best] < 1e-3, "sample " + b + " is no training example");
            hits[best]++;
        }
        for (int k = 0; k < set.count(); k++) {
            double se = Math.sqrt(w[k] * (1 - w[k]) / n);
            assertEquals(w[k], (double) hits[k] / n, 4 * se + 1e-3, "example " + k);
        }
    }

    static double[] gaussianMatrix(int len, long seed) {
        Gaussian g = new Gaussian(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = g.next() / 4;
        }
        return a;
    }
}
