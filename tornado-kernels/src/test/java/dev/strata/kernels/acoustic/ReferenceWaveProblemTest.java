package dev.strata.kernels.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.CountingBackend;
import dev.strata.kernels.jvm.JvmBackend;
import org.junit.jupiter.api.Test;

/** The stencil benchmark's problem compiles once per backend and restarts from rest on the device at every run. */
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
}
