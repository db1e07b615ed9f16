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
 * seen). Where the backend keeps no workspaces (the JVM's), the operator keeps its last pass of each kind and a later
 * call reuses it with the same numbers; the negative case: another operator builds its own, which the same counts
 * catch ({@link #anOperatorKeepsItsPassesWhereTheBackendKeepsNone}).
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

    /** Two smooth models and a data cotangent, drawn from {@code seed}. */
    private record Inputs(float[] v1, float[] v2, float[] dd) {
        static Inputs draw(long seed, int outputSize) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] v1 = SmallProblems.smoothModels(random, 1);
            float[] v2 = SmallProblems.smoothModels(random, 1);
            float[] dd = new float[outputSize];
            for (int i = 0; i < dd.length; i++) {
                dd[i] = (float) random.nextGaussian();
            }
            return new Inputs(v1, v2, dd);
        }
    }

    private static void laterCallsCompileNothing(boolean cpml) {
        AcousticWaveOperator reference = new AcousticWaveOperator(setup(cpml), JvmBackend.common());
        Inputs in = Inputs.draw(3, reference.outputSize());
        float[] v1 = in.v1();
        float[] v2 = in.v2();
        float[] dd = in.dd();
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
    void anOperatorKeepsItsPassesWhereTheBackendKeepsNone() {
        AcousticWaveOperator reference = new AcousticWaveOperator(setup(false), JvmBackend.common());
        Inputs in = Inputs.draw(4, reference.outputSize());
        float[] v1 = in.v1();
        float[] v2 = in.v2();
        float[] dd = in.dd();
        try (CountingBackend backend = new CountingBackend(false)) {
            AcousticWaveOperator op = new AcousticWaveOperator(setup(false), backend);
            op.apply(v1, 1);
            op.vjp(v1, dd, 1);
            int built = backend.plans();
            assertArrayEquals(reference.apply(v2, 1), op.apply(v2, 1), "a kept pass must see its new input");
            assertArrayEquals(reference.vjp(v2, dd, 1), op.vjp(v2, dd, 1), "a kept gradient pass must start afresh");
            assertEquals(built, backend.plans(), "the operator's second apply and vjp built their passes again");
            new AcousticWaveOperator(setup(false), backend).apply(v1, 1);
            assertTrue(backend.plans() > built, "the count must see another operator build its own pass");
        }
    }
}
