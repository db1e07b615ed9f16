package dev.strata.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ComputeBackend} must do. A backend's test subclasses this in a few lines; results are compared
 * with the reference: the per-point bodies run serially on the JVM.
 */
public abstract class ComputeBackendContract {

    /**
     * Largest relative L2 difference allowed between this backend's wave field and the serial JVM reference after
     * {@link #STEPS} steps; devices may contract multiply-adds and reorder the Laplacian sums.
     */
    protected abstract double waveTolerance();

    protected abstract ComputeBackend openBackend();

    protected static final int N = 96;
    protected static final int STEPS = 121;

    protected ComputeBackend backend;

    @BeforeEach
    void open() {
        backend = openBackend();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void listsAtLeastOneAvailableDevice() {
        assertFalse(backend.devices().isEmpty());
        assertTrue(backend.device().available(), backend.device().toString());
        assertEquals(backend.name(), backend.device().backend());
    }

    @Test
    void waveStencilMatchesSerialJvmReference() {
        float[] reference = ReferenceWaves.serialReference(N, STEPS);
        float[] actual = new ReferenceWaveProblem(N, STEPS).run(backend).clone();
        double err = ReferenceWaves.relativeL2(actual, reference);
        assertTrue(ReferenceWaveProblem.checksum(reference) > 0, "reference field is zero: the source never fired");
        assertTrue(err <= waveTolerance(), "relative L2 difference " + err + " > " + waveTolerance());
    }

    @Test
    void repeatedRunsGiveTheSameField() {
        ReferenceWaveProblem problem = new ReferenceWaveProblem(N, 40);
        float[] first = problem.run(backend).clone();
        float[] second = problem.run(backend).clone();
        assertEquals(0.0, ReferenceWaves.relativeL2(second, first), 0.0);
    }
}
