package dev.strata.sampler.edm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.SamplerContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EDM Heun with churn whose update arithmetic runs as kernels through a compute backend (here the JVM backend):
 * the sampler contract holds, and the samples are those of the direct JVM path bit for bit (same per-point bodies).
 */
class EdmBackendSamplerTest extends SamplerContract {
    private final JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2));

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Override
    protected Sampler sampler(Denoiser denoiser, Guidance guidance) {
        return new EdmSampler(denoiser, KarrasSchedule.edm(64), EdmSampler.Method.HEUN, new Churn(20, 0.01, 10, 1),
                guidance, backend);
    }

    @Test
    void backendAndDirectJvmGiveTheSameSamples() {
        for (EdmSampler.Method method : EdmSampler.Method.values()) {
            var direct = new EdmSampler(problem.posterior(), KarrasSchedule.edm(16), method, new Churn(10, 0.01, 10, 1),
                    Guidance.NONE);
            var kernels = new EdmSampler(problem.posterior(), KarrasSchedule.edm(16), method,
                    new Churn(10, 0.01, 10, 1), Guidance.NONE, backend);
            assertArrayEquals(direct.sample(50, 3), kernels.sample(50, 3), method.toString());
        }
    }
}
