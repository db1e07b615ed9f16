package dev.strata.sampler.guidance;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.DenoiserContract;
import dev.strata.sampler.validate.GaussianLinearCase;

/**
 * The posterior denoiser of a Gaussian prior, a linear operator and the Tweedie covariance is affine in x, so its VJP
 * with C, J and S held fixed is its exact transpose and the contract's central-difference check applies as is.
 */
class PosteriorDenoiserTest extends DenoiserContract {
    private final GaussianLinearCase problem = GaussianLinearCase.of(4, 4, 6, 0.1, 7);

    @Override
    protected Denoiser denoiser() {
        Denoiser prior = problem.prior().denoiser();
        return new PosteriorDenoiser(prior, new InnovationCovariance(problem.operator(), problem.data(),
                InnovationCovariance.uniformVariance(problem.data().length, problem.noise()),
                PosteriorCovariance.tweedie(prior), 1e-9, 100));
    }

    @Override
    protected float[] input(int n, long seed) {
        return problem.prior().sample(n, seed);
    }
}
