package dev.strata.sampler.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.DenoiserContract;
import dev.strata.sampler.GaussianLinearProblem;
import org.junit.jupiter.api.Test;

/** The dense Gaussian's denoiser (here the exact Gaussian posterior of the 8 x 8 problem). */
class DenseGaussianTest extends DenoiserContract {
    private final GaussianLinearProblem problem = new GaussianLinearProblem(7);

    @Override
    protected Denoiser denoiser() {
        return problem.posterior;
    }

    @Override
    protected float[] input(int n, long seed) {
        return problem.posterior.sample(n, seed);
    }

    @Test
    void covarianceRoundTripsThroughEigendecomposition() {
        double[] c = problem.densePrior.covariance();
        double[] original = problem.prior.denseCovariance(0);
        for (int i = 0; i < c.length; i++) {
            assertEquals(original[i], c[i], 1e-9);
        }
        double[] sd = problem.densePrior.std();
        for (int i = 0; i < sd.length; i++) {
            assertEquals(Math.sqrt(original[i * sd.length + i]), sd[i], 1e-9);
        }
    }

    @Test
    void drawsAreSeeded() {
        assertArrayEquals(problem.posterior.sample(5, 3), problem.posterior.sample(5, 3));
    }
}
