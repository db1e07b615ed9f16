package dev.strata.sampler;

/**
 * The noise levels a reverse-diffusion sampler visits, in the EDM parameterisation x = x0 + sigma eps (Karras et al.
 * 2022, eq. 1): the EDM levels of {@link dev.strata.sampler.edm.KarrasSchedule} and the VP beta schedules of
 * {@link dev.strata.sampler.vp.BetaSchedule} (sigma_t = sqrt((1 - abar_t) / abar_t)) alike.
 */
public interface NoiseSchedule {

    /** Number of steps. */
    int steps();

    /** The steps + 1 levels in the order a sampler visits them: decreasing, the last one 0. */
    double[] levels();
}
