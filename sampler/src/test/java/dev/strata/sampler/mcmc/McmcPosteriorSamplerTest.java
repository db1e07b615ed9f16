package dev.strata.sampler.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.WhitenedOutput;
import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import dev.strata.sampler.validate.Bound;
import dev.strata.sampler.validate.GaussianLinearCase;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * pCN and MALA as {@link Sampler}s on the whitened 4 x 4 Gaussian-linear problem (6 measurements, noise 0.3) with the
 * spectral prior. A sample is the last state of its own chain, so n samples are n independent draws and the Monte
 * Carlo bound is {@link Bound#monteCarlo} at ESS = n = 4000: meanErr, stdErr <= 3 / sqrt(4000) = 0.047, coverage90 in
 * 0.90 +- 0.02. The chains run 400 + 400 iterations, about 9 (pCN) and 13 (MALA) integrated autocorrelation times
 * (87 and 61 iterations, measured by {@link SpectralPriorChainsTest}), so the bias of starting at a prior draw is
 * negligible against that bound. A prior of twice the std (the posterior then spreads wider) must fail it.
 */
class McmcPosteriorSamplerTest {
    private static final int N = 4000;
    private static final McmcPosteriorSampler.Settings CHAIN = new McmcPosteriorSampler.Settings(400, 400, 0.1);
    private final GaussianLinearCase problem = GaussianLinearCase.of(4, 4, 6, 0.3, 3);
    private final ForwardOperator whitened = new WhitenedOutput(problem.operator(), noise());
    private final float[] whitenedData = whitened(problem.data());

    private double[] noise() {
        double[] s = new double[problem.data().length];
        Arrays.fill(s, problem.noise());
        return s;
    }

    private float[] whitened(float[] y) {
        float[] w = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = (float) (y[i] / problem.noise());
        }
        return w;
    }

    /** The case's prior with every std multiplied by {@code factor} (covariance by its square). */
    private SpectralGaussianPrior scaledPrior(double factor) {
        SpectralGaussianPrior.Config c = problem.prior().config();
        return new SpectralGaussianPrior(new SpectralGaussianPrior.Config(c.channels(), c.nz(), c.nx(), c.mean(),
                new double[] {factor * c.std()[0]}, c.corrZ(), c.corrX(), c.modesZ(), c.modesX(),
                c.nuggetFraction()));
    }

    private PosteriorMetrics metrics(Sampler sampler) {
        float[] s = sampler.sample(N, 1, 0, ProgressListener.NONE);
        assertEquals(N * problem.prior().size(), s.length);
        return PosteriorMetrics.compare(s, N, problem.posterior(), 4000, 2);
    }

    private void assertMatchesOnlyWithTheRightPrior(
            BiFunction<GaussianPrior, McmcPosteriorSampler.Settings, McmcPosteriorSampler> make) {
        Bound bound = Bound.monteCarlo(N);
        PosteriorMetrics right = metrics(make.apply(problem.prior(), CHAIN));
        assertTrue(bound.holds(right), right + " against " + bound.description());
        PosteriorMetrics wrong = metrics(make.apply(scaledPrior(2), CHAIN));
        assertFalse(bound.holds(wrong), "a prior of twice the std must fail: " + wrong);
    }

    @Test
    void pcnMatchesGaussianPosteriorOnlyWithTheRightPrior() {
        assertMatchesOnlyWithTheRightPrior((prior, s) -> McmcPosteriorSampler.pcn(prior, whitened, whitenedData, s));
    }

    @Test
    void malaMatchesGaussianPosteriorOnlyWithTheRightPrior() {
        assertMatchesOnlyWithTheRightPrior((prior, s) -> McmcPosteriorSampler.mala(prior, whitened, whitenedData, s));
    }

    private void assertShardsConcatenate(McmcPosteriorSampler sampler) {
        SamplerContract.assertShardsConcatenate(sampler, 4, 2);
        assertFalse(Arrays.equals(sampler.sample(2, 42, 0, ProgressListener.NONE),
                sampler.sample(2, 43, 0, ProgressListener.NONE)), "another seed gave the same samples");
    }

    @Test
    void pcnShardsConcatenateBitForBit() {
        assertShardsConcatenate(McmcPosteriorSampler.pcn(problem.prior(), whitened, whitenedData,
                McmcPosteriorSampler.Settings.ofBudget(40, 0.1)));
    }

    @Test
    void malaShardsConcatenateBitForBit() {
        assertShardsConcatenate(McmcPosteriorSampler.mala(problem.prior(), whitened, whitenedData,
                McmcPosteriorSampler.Settings.ofBudget(40, 0.1)));
    }

    @Test
    void budgetSplitsIntoBurnInAndFixedStepIterations() {
        McmcPosteriorSampler.Settings s = McmcPosteriorSampler.Settings.ofBudget(101, 0.2);
        assertEquals(50, s.burnIn());
        assertEquals(51, s.iterations());
        assertEquals(101, s.cost());
    }

    @Test
    void progressCountsEveryIterationOfTheBudget() {
        int[] last = {0, 0};
        McmcPosteriorSampler.pcn(problem.prior(), whitened, whitenedData, McmcPosteriorSampler.Settings.ofBudget(30,
                0.1)).sample(3, 1, 5, (done, total) -> {
                    last[0] = done;
                    last[1] = total;
                });
        assertArrayEquals(new int[] {30, 30}, last);
    }
}
