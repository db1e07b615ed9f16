package dev.strata.sampler.vp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;
import org.junit.jupiter.api.Test;

/** Deterministic DDIM (eta = 0), 250 of the 1000 linear-schedule steps (std short by ~0.04 at 100 steps). */
class DdimSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler(Denoiser denoiser, Guidance guidance) {
        return new DdimSampler(denoiser, BetaSchedule.linear(1000), 250, 0.0, guidance);
    }

    @Test
    void visitsEveryTenthLevelDownToZero() {
        BetaSchedule schedule = BetaSchedule.linear(1000);
        double[] all = schedule.sigmas();
        double[] s = new DdimSampler(problem.posterior(), schedule, 100, 0.0, Guidance.NONE).sigmas();
        assertEquals(101, s.length);
        assertEquals(all[1000], s[0]);
        assertEquals(all[990], s[1]);
        assertEquals(all[10], s[99]);
        assertEquals(0.0, s[100]);
        assertThrows(IllegalArgumentException.class, () -> new DdimSampler(problem.posterior(), schedule, 0, 0, Guidance.NONE));
    }
}
