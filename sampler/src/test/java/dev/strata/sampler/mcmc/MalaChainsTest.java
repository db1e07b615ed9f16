package dev.strata.sampler.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.validate.GaussianLinearCase;
import dev.strata.sampler.validate.MixtureLinearCase;
import org.junit.jupiter.api.Test;

/** Prior-preconditioned MALA on small Gaussian-linear and GMM-linear problems: correct within its Monte Carlo error. */
class MalaChainsTest {

    @Test
    void matchesGaussianPosteriorWithinItsMonteCarloError() {
        GaussianLinearCase problem = GaussianLinearCase.of(4, 4, 6, 0.3, 3);
        LogDensity target = LogDensity.sum(LogDensity.of(problem.densePrior()),
                new GaussianLikelihood(problem.operator(), problem.data(), problem.noise()));
        McmcRun run = new MalaChains(target, problem.densePrior())
                .run(new ChainSettings(16, 1000, 4000, 4, 0.05), 1, ProgressListener.NONE);
        EffectiveSampleSize ess = run.ess();
        assertTrue(ess.min() > 100, "ESS " + ess.min());
        assertTrue(run.acceptance() > 0.45 && run.acceptance() < 0.7, "acceptance " + run.acceptance());
        McmcFixtures.assertWithinMonteCarloError(PosteriorMetrics.compare(run.draws(), run.chains() * run.kept(),
                problem.posterior(), 4000, 2), ess);
    }

    @Test
    void matchesMixturePosteriorWithinItsMonteCarloError() {
        MixtureLinearCase problem = MixtureLinearCase.of(4, 4, 6, 0.3, 2);
        LogDensity target = LogDensity.sum(LogDensity.of(problem.prior()),
                new GaussianLikelihood(problem.operator(), problem.data(), problem.noise()));
        McmcRun run = new MalaChains(target, problem.prior().momentMatched())
                .run(new ChainSettings(16, 1000, 4000, 4, 0.05), 2, ProgressListener.NONE);
        EffectiveSampleSize ess = run.ess();
        assertTrue(ess.min() > 100, "ESS " + ess.min());
        McmcFixtures.assertWithinMonteCarloError(PosteriorMetrics.compare(run.draws(), run.chains() * run.kept(),
                problem.posterior(), 4000, 3), ess);
    }

    @Test
    void sameSeedGivesSameChains() {
        GaussianLinearCase problem = GaussianLinearCase.of(4, 4, 6, 0.3, 3);
        LogDensity target = LogDensity.sum(LogDensity.of(problem.densePrior()),
                new GaussianLikelihood(problem.operator(), problem.data(), problem.noise()));
        MalaChains mala = new MalaChains(target, problem.densePrior());
        ChainSettings s = new ChainSettings(2, 10, 20, 2, 0.05);
        assertArrayEquals(mala.run(s, 5, ProgressListener.NONE).draws(), mala.run(s, 5, ProgressListener.NONE).draws());
    }
}
