package dev.strata.sampler.guidance;

/**
 * The weight of a likelihood score in one reverse step from sigma to sigma_next, in EDM coordinates: the
 * probability-flow ODE dx/dsigma = -sigma grad log p gives (sigma - sigma_next) sigma (Euler); the ancestral (DDPM)
 * step x_next = x + (1 - sigma_next^2 / sigma^2) (x̂0 - x), with Tweedie's x̂0 - x = sigma^2 grad log p, gives
 * sigma^2 - sigma_next^2, about twice the ODE weight for fine steps.
 */
public enum LikelihoodStepWeight {
    /** (sigma - sigma_next) sigma: EDM Euler / Heun. */
    PROBABILITY_FLOW,
    /** sigma^2 - sigma_next^2: DDPM ancestral sampling. */
    ANCESTRAL;

    public double weight(double sigma, double sigmaNext) {
        return this == PROBABILITY_FLOW ? (sigma - sigmaNext) * sigma : sigma * sigma - sigmaNext * sigmaNext;
    }
}
