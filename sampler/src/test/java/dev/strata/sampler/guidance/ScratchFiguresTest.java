package dev.strata.sampler.guidance;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.edm.EdmEulerSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.validate.GaussianLinearCase;
import org.junit.jupiter.api.Test;

class ScratchFiguresTest {
    @Test
    void print() {
        GaussianLinearCase p = GaussianLinearCase.of(8, 8, 12, 0.1, 7);
        Denoiser prior = p.prior().denoiser();
        float[] exact = p.posterior().sample(4000, 3);
        DenoiserErrorProfile prof = DenoiserErrorProfile.estimate(prior, p.prior().sample(1000, 21), 1000, 1, 0.002, 80, 24, 22);
        PosteriorCovariance[] cs = {PosteriorCovariance.tweedie(prior).scaled(0.5), PosteriorCovariance.tweedie(prior).scaled(0.25), PosteriorCovariance.tweedie(prior).scaled(2)};
        String[] names = {"tweedie x0.5 euler-128 n4000", "x0.25", "x2"};
        int[] steps = {128, 128, 128};
        for (int i = 0; i < 3; i++) {
            var s = new EdmEulerSampler(prior, KarrasSchedule.edm(steps[i]), new PosteriorDenoiserGuidance(
                    new InnovationCovariance(p.operator(), p.data(), InnovationCovariance.uniformVariance(12, 0.1), cs[i], 1e-6, 200)));
            PosteriorMetrics m = PosteriorMetrics.compare(s.sample(4000, 1), 4000, p.posterior(), exact, 4000);
            System.out.println("FIG " + names[i] + " " + m);
        }
    }
}
