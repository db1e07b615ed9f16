package dev.strata.sampler.mcmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.validate.GaussianLinearCase;
import org.junit.jupiter.api.Test;

/**
 * pCN and MALA with the spectral prior on the 4 x 4 Gaussian-linear problem of {@link PcnChainsTest} (6 measurements,
 * noise 0.3), as independent chains (one stream and one step adaptation each, as the {@link McmcPosteriorSampler} runs
 * them), 16 chains of 1000 + 4000 iterations kept every 4th: correct within their Monte Carlo error at the measured
 * ESS ({@link McmcFixtures}). Prints the ESS (minimum and median over pixels) per second of wall time, burn-in
 * included, and the integrated autocorrelation time in iterations (kept states x thinning / ESS_min).
 */
class SpectralPriorChainsTest {
    private final GaussianLinearCase problem = GaussianLinearCase.of(4, 4, 6, 0.3, 3);
    private final GaussianLikelihood likelihood = new GaussianLikelihood(problem.operator(), problem.data(),
            problem.noise());

    private void assertCorrectAndReport(String name, MetropolisHastings chains, double step) {
        chains.run(new ChainSettings(4, 100, 100, 1, step), 99, 0, ProgressListener.NONE); // JIT warm-up
        McmcRun run = chains.run(new ChainSettings(16, 1000, 4000, 4, step), 1, 0, ProgressListener.NONE);
        EffectiveSampleSize ess = run.ess();
        System.out.printf("ESS %s spectral prior gaussian-linear 4x4: min %.0f median %.0f of %d states in %.3f s"
                + " -> %.0f (min) / %.0f (median) per s; IAT %.0f iterations; acceptance %.3f step %.4f%n", name, ess.min(),
                ess.median(), run.chains() * run.kept(), run.seconds(), ess.min() / run.seconds(),
                ess.median() / run.seconds(), run.chains() * run.kept() * 4 / ess.min(), run.acceptance(),
                run.stepSize());
        assertTrue(ess.min() > 100, name + " ESS " + ess.min());
        McmcFixtures.assertWithinMonteCarloError(PosteriorMetrics.compare(run.draws(), run.chains() * run.kept(),
                problem.posterior(), 4000, 2), ess);
    }

    @Test
    void pcnIsCorrectWithinItsMonteCarloError() {
        assertCorrectAndReport("pcn", new PcnChains(problem.prior(), likelihood), 0.1);
    }

    @Test
    void malaIsCorrectWithinItsMonteCarloError() {
        assertCorrectAndReport("mala", new MalaChains(LogDensity.sum(LogDensity.of(problem.prior()), likelihood),
                problem.prior()), 0.01);
    }
}
