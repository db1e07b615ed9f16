package dev.strata.kernels.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.CountingBackend;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import org.junit.jupiter.api.Test;

/**
 * The stencil benchmark's problem compiles once per backend and restarts from rest on the device at every run; its
 * temporally blocked run gives the plain run's field bit for bit.
 */
class ReferenceWaveProblemTest {

    @Test
    void laterRunsCompileNothingAndRestartFromRest() {
        for (int steps : new int[] {40, 41}) {
            float[] fresh = new ReferenceWaveProblem(64, steps).run(JvmBackend.common()).clone();
            assertTrue(ReferenceWaveProblem.checksum(fresh) > 0, "the source never fired");
            try (CountingBackend backend = new CountingBackend()) {
                ReferenceWaveProblem problem = new ReferenceWaveProblem(64, steps);
                assertArrayEquals(fresh, problem.run(backend).clone());
                assertEquals(2, backend.plans());
                assertArrayEquals(fresh, problem.run(backend).clone(), "a second run did not restart from rest");
                assertArrayEquals(fresh, problem.run(backend).clone());
                assertEquals(2, backend.plans(), "a later run compiled again");
            }
        }
    }

    @Test
    void blockedRunEqualsPlainRunBitForBit() {
        for (int steps : new int[] {24, 23, 1}) {
            float[] plain = new ReferenceWaveProblem(300, steps).run(JvmBackend.common()).clone();
            for (int threads = 1; threads <= 3; threads++) {
                for (boolean vector : new boolean[] {true, false}) {
                    JvmConfig config = JvmConfig.defaults().withThreads(threads).withVectorized(vector);
                    try (JvmBackend backend = new JvmBackend(config)) {
                        ReferenceWaveProblem problem = new ReferenceWaveProblem(300, steps);
                        for (int block : new int[] {4, 6, 4}) {
                            assertArrayEquals(plain, problem.runBlocked(backend, block).clone(), steps + " steps, "
                                    + threads + " threads, vector " + vector + ", blocks of " + block);
                        }
                    }
                }
            }
        }
    }

    @Test
    void blockedRunsHaveOneBandPerThreadWhereTheRowsAllowIt() {
        assertEquals(2, ReferenceWaveProblem.bands(300, 4, 2));
        assertEquals(1, ReferenceWaveProblem.bands(300, 4, 1));
        int rows = 300 - 2 * AcousticKernels.RADIUS;
        assertEquals(rows / WavefrontKernels.minBandRows(4), ReferenceWaveProblem.bands(300, 4, 64), "bands too thin");
        assertEquals(1, ReferenceWaveProblem.bands(40, 8, 4), "fewer rows than one band needs");
    }

    @Test
    void blockedRunNeedsHostArraysAndEvenBlocks() {
        ReferenceWaveProblem problem = new ReferenceWaveProblem(300, 10);
        try (CountingBackend device = new CountingBackend()) {
            assertThrows(IllegalArgumentException.class, () -> problem.runBlocked(device, 4));
        }
        assertThrows(IllegalArgumentException.class, () -> problem.runBlocked(JvmBackend.common(), 3));
        assertThrows(IllegalArgumentException.class, () -> problem.runBlocked(JvmBackend.common(), 0));
    }
}
