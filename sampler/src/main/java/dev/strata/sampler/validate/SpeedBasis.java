package dev.strata.sampler.validate;

/**
 * What a validation row's samples-per-second figure counts, and whether it may be set beside MCMC's ESS per second.
 * Only samplers that see what MCMC sees (the prior and the likelihood) and whose draws are independent draws of the
 * posterior are comparable; a sampler handed the target's own denoiser or closed form has been given the answer.
 */
public enum SpeedBasis {
    /** ESS_min over pixels of the MCMC chains, per second. */
    MCMC_ESS(true, "ESS_min per second"),
    /** Independent draws from the prior's denoiser and the likelihood, held to the exact bound: ESS = n. */
    PRIOR_AND_LIKELIHOOD(true, "independent draws from prior + likelihood, ESS = n"),
    /** Independent draws of a known-biased approximation (DPS): not draws of the posterior, so not comparable. */
    BIASED_APPROXIMATION(false, "draws of a biased approximation, not comparable with MCMC"),
    /** A sampler handed the target's own denoiser or closed form: exact draws, not comparable with MCMC. */
    TARGET_GIVEN(false, "exact draws, sampler handed the target's own denoiser or closed form, not comparable with MCMC");

    private final boolean comparableWithMcmc;
    private final String meaning;

    SpeedBasis(boolean comparableWithMcmc, String meaning) {
        this.comparableWithMcmc = comparableWithMcmc;
        this.meaning = meaning;
    }

    /** Whether the row's ESS per second may be compared with MCMC's. */
    public boolean comparableWithMcmc() {
        return comparableWithMcmc;
    }

    /** One line for the output. */
    public String meaning() {
        return meaning;
    }
}
