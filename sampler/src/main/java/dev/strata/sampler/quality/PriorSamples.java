package dev.strata.sampler.quality;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.prior.ChannelNormalisation;

/** Unguided draws from a prior denoiser in normalised units, returned in physical units. */
public final class PriorSamples {
    private PriorSamples() {
    }

    /**
     * {@code n} samples {@code [n, C, nz, nx]} by the deterministic EDM Heun sampler on
     * {@link KarrasSchedule#edm(int) the EDM schedule} of {@code steps} levels, mapped to physical units by
     * {@code normalisation}.
     */
    public static float[] draw(Denoiser denoiser, ChannelNormalisation normalisation, int n, int steps, long seed,
                               ProgressListener listener) {
        float[] x = EdmSampler.heun(denoiser, KarrasSchedule.edm(steps)).sample(n, seed, 0, listener);
        return normalisation.physical(x);
    }
}
