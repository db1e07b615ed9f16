package dev.strata.cli.invert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.invert.PhaseClock.Phase;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Linearisation;
import dev.strata.io.Observations;
import dev.strata.io.Observations.ModelGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inversion's timed operator: a linearisation made through it counts JVPs as physics forward, VJPs as adjoint. */
class RecordingOperatorTest {
    /** y = x^2 elementwise on 1 x 2 x 2 models; each derivative call sleeps 2 ms, so its time is never 0. */
    private static final class Square implements ForwardOperator {
        @Override
        public int[] inputShape() {
            return new int[] {1, 2, 2};
        }

        @Override
        public int[] outputShape() {
            return new int[] {4};
        }

        @Override
        public float[] apply(float[] x, int n) {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] * x[i];
            }
            return y;
        }

        @Override
        public float[] vjp(float[] x, float[] dy, int n) {
            return derivative(x, dy);
        }

        @Override
        public float[] jvp(float[] x, float[] dx, int n) {
            return derivative(x, dx);
        }

        private static float[] derivative(float[] x, float[] d) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = 2 * x[i] * d[i];
            }
            return out;
        }
    }

    @Test
    void linearisationJvpsCountAsPhysicsForwardAndVjpsAsAdjoint() {
        ModelGrid grid = new ModelGrid(2, 2, 1, 1, List.of("value"), List.of("1"));
        Observations obs = new Observations("square", grid, null, List.of(), null, null, null, null);
        PhysicalProblem physical = new PhysicalProblem(obs, new Square(), new float[4], new double[] {1, 2, 4, 8},
                List.of(new DataBlock("square", 0, 4)), new float[4], new float[] {1, 1, 1, 1});
        InverseProblem problem = new InverseProblem(physical, new float[] {0, 0, 0, 0}, new float[] {1, 1, 1, 1});
        PhaseClock clock = new PhaseClock();
        RecordingOperator recorded = new RecordingOperator(problem, clock);
        float[] x = {1, 2, 3, 4};
        float[] d = {1, 1, 1, 1};
        Linearisation at = recorded.linearise(x, 1);
        double forward = clock.seconds(Phase.PHYSICS_FORWARD);
        assertArrayEquals(problem.operator().jvp(x, d, 1), at.jvp(d));
        assertTrue(clock.seconds(Phase.PHYSICS_FORWARD) >= forward + 0.002, "the JVP counted as physics forward");
        assertEquals(0, clock.seconds(Phase.PHYSICS_ADJOINT));
        forward = clock.seconds(Phase.PHYSICS_FORWARD);
        assertArrayEquals(problem.operator().vjp(x, d, 1), at.vjp(d));
        assertTrue(clock.seconds(Phase.PHYSICS_ADJOINT) >= 0.002, "the VJP counted as physics adjoint");
        assertEquals(forward, clock.seconds(Phase.PHYSICS_FORWARD), "and not as physics forward");
    }
}
