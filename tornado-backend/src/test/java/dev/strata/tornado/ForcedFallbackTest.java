package dev.strata.tornado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.acoustic.AcousticSetup;
import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.acoustic.Acquisition;
import dev.strata.forward.acoustic.Grid;
import dev.strata.forward.acoustic.RickerSource;
import dev.strata.forward.acoustic.TimeAxis;
import dev.strata.forward.acoustic.VelocityRange;
import dev.strata.forward.darcy.DarcyVerification;
import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.HardDataOperator;
import dev.strata.forward.seismic.RickerWavelet;
import dev.strata.kernels.BackendUnavailableException;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.edm.Churn;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every path refuses results that TornadoVM computed in plain Java. This class runs in its own surefire execution
 * (see the pom) with TornadoVM's fallback on ({@code tornado.recover.bailout=True}) and OpenCL compilation broken on
 * purpose (an invalid compiler flag): every kernel then falls back to Java, and each operator and the sampler must
 * fail with {@link BackendUnavailableException} rather than return numbers as if the device had made them.
 */
class ForcedFallbackTest {
    private static ComputeBackend tornado;

    @BeforeAll
    static void open() {
        assertEquals("True", System.getProperty("tornado.recover.bailout"), "this test needs TornadoVM's fallback on");
        assertTrue(System.getProperty("tornado.opencl.compiler.flags", "").contains("-cl-strata-broken-on-purpose"),
                "this test needs OpenCL compilation broken on purpose");
        tornado = ComputeBackends.open("tornadovm");
    }

    @AfterAll
    static void close() {
        tornado.close();
    }

    private static void assertRefused(Executable onDevice) {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, onDevice);
        assertTrue(e.getMessage().contains("fell back to Java"), e.getMessage());
    }

    private static float[] constant(int n, float value) {
        float[] x = new float[n];
        Arrays.fill(x, value);
        return x;
    }

    @Test
    void samplerUpdateRefusesAJavaFallback() {
        var prior = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, 8, 8, new double[] {0.3},
                new double[] {1.0}, 3.0, 3.0, 8, 8, 0.05));
        assertRefused(() -> new EdmSampler(prior.denoiser(), KarrasSchedule.edm(4), EdmSampler.Method.EULER,
                Churn.NONE, Guidance.NONE, tornado).sample(2, 1));
    }

    @Test
    void seismicRefusesAJavaFallback() {
        ForwardOperator op = ConvolutionalSeismic.defaultProblem(new RickerWavelet(25, 0.004, 31), tornado);
        assertRefused(() -> op.apply(constant(op.inputSize(), 6000f), 1));
    }

    @Test
    void hardDataRefusesAJavaFallback() {
        HardDataOperator op = HardDataOperator.wells(tornado, 2, 24, 16, 3, 11);
        assertRefused(() -> op.apply(constant(op.inputSize(), 1f), 1));
    }

    @Test
    void darcyRefusesAJavaFallback() {
        ForwardOperator op = new DarcyVerification().operator(tornado);
        assertRefused(() -> op.apply(constant(op.inputSize(), 0f), 1));
    }

    @Test
    void acousticRefusesAJavaFallback() {
        Grid grid = new Grid(20, 24, 10.0);
        AcousticWaveOperator op = new AcousticWaveOperator(AcousticSetup.of(grid, new TimeAxis(60, 1.5e-3),
                RickerSource.withPeak(12.0), Acquisition.surfaceLine(grid, 2, 2, 2, 2),
                new VelocityRange(1400, 2600)), tornado);
        assertRefused(() -> op.apply(constant(op.inputSize(), 2000f), 1));
    }
}
