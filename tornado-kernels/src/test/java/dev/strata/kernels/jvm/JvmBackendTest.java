package dev.strata.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.BackendUnavailableException;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackendContract;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.ReferenceWaves;
import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import org.junit.jupiter.api.Test;

class JvmBackendTest extends ComputeBackendContract {

    /** The JVM never contracts multiply-adds and splits only rows among threads: results are bitwise equal. */
    @Override
    protected double waveTolerance() {
        return 0.0;
    }

    @Override
    protected ComputeBackend openBackend() {
        return new JvmBackend(JvmConfig.defaults().withThreads(2));
    }

    @Test
    void vectorisedAndPerPointStencilsAgreeBitwise() {
        float[] perPoint;
        float[] vector;
        try (JvmBackend b = new JvmBackend(new JvmConfig(2, false, 1))) {
            perPoint = new ReferenceWaveProblem(77, 60).run(b).clone();
        }
        try (JvmBackend b = new JvmBackend(new JvmConfig(2, true, 1))) {
            vector = new ReferenceWaveProblem(77, 60).run(b).clone();
        }
        assertArrayEquals(perPoint, vector);
        assertTrue(ReferenceWaveProblem.checksum(perPoint) > 0);
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        float[] one = ReferenceWaves.serialReference(64, 50);
        try (JvmBackend b = new JvmBackend(new JvmConfig(3, true, 1))) {
            assertArrayEquals(one, new ReferenceWaveProblem(64, 50).run(b));
        }
    }

    @Test
    void serviceLoaderFindsJvmBackendFirst() {
        assertEquals("jvm", ComputeBackends.providers().get(0).name());
        try (ComputeBackend b = ComputeBackends.open("jvm")) {
            assertEquals("jvm", b.name());
        }
    }

    @Test
    void unknownBackendNameIsAClearError() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> ComputeBackends.open("cuda"));
        assertTrue(e.getMessage().contains("unknown backend 'cuda'"), e.getMessage());
    }

    @Test
    void devicePropertiesReportCoresAndLanes() {
        var p = new JvmBackendProvider().devices().get(0).properties();
        assertTrue((Integer) p.get("cores") >= 1);
        assertTrue((Integer) p.get("vectorLanesFloat") >= 1);
    }
}
