package dev.strata.forward.darcy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.kernels.CountingBackend;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On a backend that compiles, the Darcy operator builds its plans (assembly, PCG start and iterations, observation,
 * tangent source, gradient) once per batch size and reuses them: later calls compile nothing and give the numbers of
 * a fresh operator on the plain JVM backend.
 */
class DarcyResidentPlansTest {

    @Test
    void laterCallsCompileNothingAndSeeTheirNewInputs() {
        DarcyProblem p = DarcyVerification.problem();
        SplittableRandom random = new SplittableRandom(5);
        float[] m1 = GaussianRandomField.of(p.grid(), 1.0, 40.0).samples(random, 2);
        float[] m2 = GaussianRandomField.of(p.grid(), 1.0, 40.0).samples(random, 2);
        DarcyOperator reference = new DarcyOperator(p, JvmBackend.common());
        float[] dy = new float[2 * reference.outputSize()];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) random.nextGaussian();
        }
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
}
