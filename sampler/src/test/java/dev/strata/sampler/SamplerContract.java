package dev.strata.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.Shapes;
import dev.strata.sampler.guidance.DpsGuidance;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.validate.GaussianLinearCase;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What every reverse-diffusion {@link Sampler} must do, inherited by each implementation's test: driven by the exact
 * denoiser of a Gaussian posterior it reproduces that posterior (meanErr <= 0.05, stdErr <= 0.05, coverage90 in
 * [0.88, 0.92]); the same seed gives the same samples; it consults its guidance on the way down to sigma = 0.
 *
 * <p>The problem is the 4 x 4 Gaussian-linear case (6 measurements, noise 0.1), small so that n = 4000 samples stay
 * cheap. Monte Carlo basis of the bounds: meanErr ~ 1/sqrt(n) = 0.016 and stdErr ~ 1/sqrt(2n) = 0.011 (RMS over 16
 * correlated pixels, so the spread of the RMS is that of a chi-square with a few degrees of freedom); the coverage
 * of a sample 90 % interval has standard error ~ 0.005 per pixel. Each subclass uses the step count of
 * {@code strata validate}, chosen so that the discretisation bias (std too small for first-order steps, halving as
 * the steps double) stays near 0.02 at most.
 */
public abstract class SamplerContract {
    protected static final int N = 4000;
    protected final GaussianLinearCase problem = GaussianLinearCase.of(4, 4, 6, 0.1, 7);

    /** The sampler under test driven by {@code denoiser}, with {@code guidance}. */
    protected abstract Sampler sampler(Denoiser denoiser, Guidance guidance);

    @Test
    void exactPosteriorDenoiserMatchesGaussianPosterior() {
        float[] s = sampler(problem.posterior(), Guidance.NONE).sample(N, 2);
        PosteriorMetrics m = PosteriorMetrics.compare(s, N, problem.posterior(), problem.posterior().sample(4000, 10), 4000);
        assertMeetsExactBounds(m);
    }

    @Test
    void sameSeedGivesSameSamples() {
        Sampler sampler = sampler(problem.prior().denoiser(), Guidance.NONE);
        float[] a = sampler.sample(3, 42);
        assertEquals(3 * problem.prior().size(), a.length);
        assertArrayEquals(a, sampler.sample(3, 42));
        assertFalse(Arrays.equals(a, sampler.sample(3, 43)), "another seed gave the same samples");
    }

    /**
     * Sample i's noise depends only on (seed, i): 6 samples as one batch equal the shards [0, 2) + [2, 6) bit for bit.
     * This relies on the denoiser (the exact spectral Gaussian one) and the guidance (DPS through a matrix) acting on
     * each sample alone.
     */
    @Test
    void shardsConcatenateToOneBatchBitForBit() {
        Sampler sampler = sampler(problem.prior().denoiser(), new DpsGuidance(problem.operator(), problem.data(), 0.5));
        assertShardsConcatenate(sampler, 6, 2);
    }

    /**
     * {@code n} samples of seed 42 as one batch equal the shards [0, split) + [split, n) bit for bit, and the first
     * two samples differ.
     */
    public static void assertShardsConcatenate(Sampler sampler, int n, int split) {
        int size = Shapes.size(sampler.shape());
        float[] whole = sampler.sample(n, 42, 0, ProgressListener.NONE);
        float[] shards = new float[n * size];
        System.arraycopy(sampler.sample(split, 42, 0, ProgressListener.NONE), 0, shards, 0, split * size);
        System.arraycopy(sampler.sample(n - split, 42, split, ProgressListener.NONE), 0, shards, split * size,
                (n - split) * size);
        assertArrayEquals(whole, shards);
        assertFalse(Arrays.equals(Arrays.copyOf(whole, size), Arrays.copyOfRange(whole, size, 2 * size)));
    }

    @Test
    void guidanceIsConsultedDownToSigmaZero() {
        int size = problem.prior().size();
        double[] last = {Double.NaN, Double.NaN};
        int[] calls = {0};
        Guidance recorder = (den, x, x0hat, sigma, sigmaNext, n) -> {
            assertEquals(n * size, x.length);
            assertEquals(n * size, x0hat.length);
            assertTrue(sigma > sigmaNext && sigmaNext >= 0, sigma + " -> " + sigmaNext);
            calls[0]++;
            last[0] = sigma;
            last[1] = sigmaNext;
            return null;
        };
        sampler(problem.prior().denoiser(), recorder).sample(2, 1);
        assertTrue(calls[0] > 0);
        assertEquals(0.0, last[1], "the last step must end at sigma = 0");
    }

    /** The bounds every exact sampler is held to. */
    public static void assertMeetsExactBounds(PosteriorMetrics m) {
        assertTrue(m.meanErr() <= 0.05, "meanErr " + m);
        assertTrue(m.stdErr() <= 0.05, "stdErr " + m);
        assertTrue(m.coverage90() >= 0.88 && m.coverage90() <= 0.92, "coverage90 " + m);
    }
}
