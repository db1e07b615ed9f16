package dev.strata.tornado;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.edm.Churn;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EDM sampler's update arithmetic ({@code sampling.extrapolate}, {@code sampling.heun}) on TornadoVM against
 * the JVM: deterministic Euler and Heun runs (no churn) of 16 Karras steps from sigma 80 with the exact denoiser of
 * a spectral Gaussian prior on a 16 x 16 grid, 8 samples, same seed. Strict mode: no silent fallback to Java.
 */
class SamplerOnTornadoTest {

    /**
     * Samples, float: OpenCL (-cl-mad-enable) may contract the update's multiply-adds into fused ones, so each step
     * rounds differently from the JVM by about 1 ulp of x ~ sigma; the denoiser shrinks what the first steps at
     * sigma ~ 80 leave towards the prior, so the samples differ by rounding only. Measured max relative
     * difference (max |a - b| / max |b|) on PoCL: Euler 1.3e-7, Heun 2.2e-7 (about 1 ulp); 1e-5 bounds them with a
     * factor 45 of margin, far below what a wrong coefficient or an unwritten element gives.
     */
    static final double SAMPLE_TOLERANCE = 1e-5;

    private static ComputeBackend tornado;

    @BeforeAll
    static void open() {
        tornado = ComputeBackends.open("tornadovm");
    }

    @AfterAll
    static void close() {
        tornado.close();
    }

    private static Denoiser denoiser() {
        return new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, 16, 16, new double[] {0.3},
                new double[] {1.0}, 3.0, 3.0, 16, 16, 0.05)).denoiser();
    }

    @Test
    void eulerSamplesMatchTheJvm() {
        assertSamplesAgree(EdmSampler.Method.EULER);
    }

    @Test
    void heunSamplesMatchTheJvm() {
        assertSamplesAgree(EdmSampler.Method.HEUN);
    }

    private static void assertSamplesAgree(EdmSampler.Method method) {
        Denoiser d = denoiser();
        KarrasSchedule schedule = KarrasSchedule.edm(16);
        float[] onJvm = new EdmSampler(d, schedule, method, Churn.NONE, Guidance.NONE).sample(8, 11);
        float[] onDevice = new EdmSampler(d, schedule, method, Churn.NONE, Guidance.NONE, tornado).sample(8, 11);
        double err = Differences.maxRelative(onDevice, onJvm);
        assertTrue(err <= SAMPLE_TOLERANCE, method + ": samples differ by " + err);
    }
}
