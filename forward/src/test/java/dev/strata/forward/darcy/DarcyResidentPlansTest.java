package dev.strata.forward.darcy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.CountingBackend;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On a backend that compiles, the Darcy operator builds its plans (assembly, PCG start and iterations, observation,
 * tangent source, gradient) once per batch size and reuses them: later calls compile nothing and give the numbers of
 * a fresh operator on the plain JVM backend; where the backend keeps no workspace, the operator keeps its own.
 */
class DarcyResidentPlansTest {

    /** Two batches of 2 models and a data cotangent, drawn from {@code seed}. */
    private record Inputs(float[] m1, float[] m2, float[] dy) {
        static Inputs draw(long seed, DarcyProblem p, int outputSize) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] m1 = GaussianRandomField.of(p.grid(), 1.0, 40.0).samples(random, 2);
            float[] m2 = GaussianRandomField.of(p.grid(), 1.0, 40.0).samples(random, 2);
            float[] dy = new float[2 * outputSize];
            for (int i = 0; i < dy.length; i++) {
                dy[i] = (float) random.nextGaussian();
            }
            return new Inputs(m1, m2, dy);
        }
    }

    @Test
    void laterCallsCompileNothingAndSeeTheirNewInputs() {
        DarcyProblem p = DarcyVerification.problem();
        DarcyOperator reference = new DarcyOperator(p, JvmBackend.common());
        Inputs in = Inputs.draw(5, p, reference.outputSize());
        float[] m1 = in.m1();
        float[] m2 = in.m2();
        float[] dy = in.dy();
        try (CountingBackend backend = new CountingBackend()) {
            DarcyOperator op = new DarcyOperator(p, backend);
            op.apply(m1, 2);
            assertEquals(5, backend.plans(), "assembly, PCG start, first and later iterations, observation");
            assertArrayEquals(reference.apply(m2, 2), op.apply(m2, 2));
            assertEquals(5, backend.plans(), "a second apply compiled again");
            assertArrayEquals(reference.vjp(m1, dy, 2), op.vjp(m1, dy, 2));
            assertArrayEquals(reference.vjp(m2, dy, 2), op.vjp(m2, dy, 2));
            assertEquals(6, backend.plans(), "the gradient plan is built once");
            assertArrayEquals(reference.jvp(m2, m1, 2), op.jvp(m2, m1, 2));
            op.jvp(m1, m2, 2);
            assertEquals(7, backend.plans(), "the tangent-source plan is built once");
            new DarcyOperator(p, backend).apply(m1, 2);
            assertEquals(7, backend.plans(), "an operator of the same problem shares the plans");
        }
    }

    @Test
    void anOperatorKeepsItsWorkspaceWhereTheBackendKeepsNone() {
        DarcyProblem p = DarcyVerification.problem();
        DarcyOperator reference = new DarcyOperator(p, JvmBackend.common());
        Inputs in = Inputs.draw(6, p, reference.outputSize());
        try (CountingBackend backend = new CountingBackend(false)) {
            DarcyOperator op = new DarcyOperator(p, backend);
            op.apply(in.m1(), 2);
            op.vjp(in.m1(), in.dy(), 2);
            int built = backend.plans();
            assertArrayEquals(reference.apply(in.m2(), 2), op.apply(in.m2(), 2),
                    "a kept workspace must see new models");
            assertArrayEquals(reference.vjp(in.m2(), in.dy(), 2), op.vjp(in.m2(), in.dy(), 2),
                    "a kept workspace must solve the new systems");
            assertEquals(built, backend.plans(), "the operator's second apply and vjp built their workspace again");
            new DarcyOperator(p, backend).apply(in.m1(), 2);
            assertTrue(backend.plans() > built, "the count must see another operator build its own workspace");
        }
    }
}
