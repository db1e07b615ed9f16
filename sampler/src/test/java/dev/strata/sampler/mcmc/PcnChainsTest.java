package dev.strata.sampler.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.validate.GaussianLinearCase;
import org.junit.jupiter.api.Test;

/** pCN on a 4 x 4 Gaussian-linear problem (6 measurements, noise 0.3): correct within its Monte Carlo error. */
class PcnChainsTest {
    private final GaussianLinearCase problem = GaussianLinearCase.of(4, 4, 6, 0.3, 3);
    private final PcnChains pcn = new PcnChains(problem.densePrior(),
            new GaussianLikelihood(problem.operator(), problem.data(), problem.noise()));

    @Test
    void matchesGaussianPosteriorWithinItsMonteCarloError() {
        McmcRun run = pcn.run(new ChainSettings(16, 1000, 4000, 4, 0.3), 1, ProgressListener.NONE);
        int n = run.chains() * run.kept();
        EffectiveSampleSize ess = run.ess();
        assertTrue(ess.min() > 100, "ESS " + ess.min());
        assertTrue(run.acceptance() > 0.15 && run.acceptance() < 0.35, "acceptance " + run.acceptance());
        McmcFixtures.assertWithinMonteCarloError(
                PosteriorMetrics.compare(run.draws(), n, problem.posterior(), 4000, 2), ess);
    }

    @Test
    void sameSeedGivesSameChains() {
        ChainSettings s = new ChainSettings(2, 10, 20, 2, 0.3);
        assertArrayEquals(pcn.run(s, 5, ProgressListener.NONE).draws(), pcn.run(s, 5, ProgressListener.NONE).draws());
    }
}
