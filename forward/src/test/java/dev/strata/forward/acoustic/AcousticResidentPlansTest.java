package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.CountingBackend;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On a backend that compiles, the acoustic operator builds the graphs of each kind of pass (forward, Born,
 * checkpointed gradient, RTM) once per member count and reuses them with their arrays: later calls compile nothing and
 * give the numbers of a fresh operator on the plain JVM backend (so the reused state is reset and the new inputs
 * seen). The negative case: with the backend's workspaces turned off every call compiles again, which the same counts
 * catch ({@link #withoutKeptWorkspacesEveryCallCompilesAgain}).
 */
class AcousticResidentPlansTest {
    private static final int STEPS = 120;

    private static AcousticSetup setup(boolean cpml) {
        AcousticSetup s = SmallProblems.setup(STEPS);
        return cpml ? s.withBoundary(new CpmlBoundary(10, 1e-3)) : s;
    }

    @Test
    void secondApplyAndVjpCompileNothingWithTheSponge() {
        laterCallsCompileNothing(false);
    }

    @Test
    void secondApplyAndVjpCompileNothingWithTheCpml() {
        laterCallsCompileNothing(true);
    }

    private static void laterCallsCompileNothing(boolean cpml) {
        SplittableRandom random = new SplittableRandom(3);
        float[] v1 = SmallProblems.smoothModels(random, 1);
        float[] v2 = SmallProblems.smoothModels(random, 1);
        AcousticWaveOperator reference = new AcousticWaveOperator(setup(cpml), JvmBackend.common());
        float[] dd = new float[reference.outputSize()];
        for (int i = 0; i < dd.length; i++) {
            dd[i] = (float) random.nextGaussian();
        }
        try (CountingBackend backend = new CountingBackend()) {
            AcousticWaveOperator op = new AcousticWaveOperator(setup(cpml), backend);
            op.apply(v1, 1);
            assertEquals(2, backend.plans(), "forward: a first graph and its continuation");
            assertArrayEquals(reference.apply(v2, 1), op.apply(v2, 1), "a reused pass must see its new input");
            assertEquals(2, backend.plans(), "a second apply compiled again");
            assertArrayEquals(reference.vjp(v1, dd, 1), op.vjp(v1, dd, 1));
            assertEquals(8, backend.plans(), "gradient: forward and backward sweeps, three graphs each");
            assertArrayEquals(reference.vjp(v2, dd, 1), op.vjp(v2, dd, 1));
            assertEquals(8, backend.plans(), "a second vjp compiled again");
            assertArrayEquals(reference.jvp(v2, v1, 1), op.jvp(v2, v1, 1));
            op.jvp(v1, v2, 1);
            assertEquals(10, backend.plans(), "the Born pass is built once");
            assertArrayEquals(reference.rtmImage(v1, reference.apply(v2, 1)), op.rtmImage(v1, op.apply(v2, 1)));
            op.rtmImage(v2, op.apply(v1, 1));
            assertEquals(16, backend.plans(), "the RTM pass is built once");
            new AcousticWaveOperator(setup(cpml), backend).apply(v1, 1);
            assertEquals(16, backend.plans(), "an operator of the same setup shares the passes");
        }
    }

    @Test
    void withoutKeptWorkspacesEveryCallCompilesAgain() {
        float[] v = SmallProblems.smoothModels(new SplittableRandom(4), 1);
        try (CountingBackend backend = new CountingBackend(false)) {
            AcousticWaveOperator op = new AcousticWaveOperator(setup(false), backend);
            op.apply(v, 1);
            int first = backend.plans();
            op.apply(v, 1);
            assertTrue(backend.plans() > first, "the count must see a pass that is built again");
        }
    }
}
