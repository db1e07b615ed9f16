package dev.strata.sampler.edm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;
import org.junit.jupiter.api.Test;

/** EDM Heun without churn, 32 Karras steps (63 denoiser calls). */
class EdmHeunSamplerTest extends SamplerContract {

    @Override
    protected Sampler sampler(Denoiser denoiser, Guidance guidance) {
        return new EdmSampler(denoiser, KarrasSchedule.edm(32), EdmSampler.Method.HEUN, Churn.NONE, guidance);
    }

    @Test
    void heunConvergesAtSecondOrderAndEulerAtFirst() {
        // deterministic ODE from the same initial noise: error against a 1024-step Heun solution
        Denoiser den = problem.posterior();
        float[] reference = EdmSampler.heun(den, KarrasSchedule.edm(1024)).sample(20, 5);
        double heun16 = rms(EdmSampler.heun(den, KarrasSchedule.edm(16)).sample(20, 5), reference);
        double heun32 = rms(EdmSampler.heun(den, KarrasSchedule.edm(32)).sample(20, 5), reference);
        double euler16 = rms(euler(den, 16).sample(20, 5), reference);
        double euler32 = rms(euler(den, 32).sample(20, 5), reference);
        assertTrue(heun16 / heun32 > 3.0, "Heun error ratio " + heun16 / heun32);
        assertTrue(euler16 / euler32 > 1.6 && euler16 / euler32 < 2.6, "Euler error ratio " + euler16 / euler32);
        assertTrue(heun32 < euler32 / 4, "Heun " + heun32 + " Euler " + euler32);
    }

    private static Sampler euler(Denoiser den, int steps) {
        return new EdmSampler(den, KarrasSchedule.edm(steps), EdmSampler.Method.EULER, Churn.NONE, Guidance.NONE);
    }

    private static double rms(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.pow(a[i] - b[i], 2);
        }
        return Math.sqrt(s / a.length);
    }
}
