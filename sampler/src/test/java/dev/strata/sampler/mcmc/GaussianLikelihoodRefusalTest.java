package dev.strata.sampler.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import org.junit.jupiter.api.Test;

class GaussianLikelihoodRefusalTest {
    /** y = x on 2 values, refusing any negative value, like a physics operator refusing a non-physical model. */
    private static final ForwardOperator POSITIVE_IDENTITY = new ForwardOperator() {
        @Override
        public int[] inputShape() {
            return new int[] {2};
        }

        @Override
        public int[] outputShape() {
            return new int[] {2};
        }

        @Override
        public float[] apply(float[] x, int n) {
            for (float v : x) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative value " + v);
                }
            }
            return x.clone();
        }

        @Override
        public float[] vjp(float[] x, float[] dy, int n) {
            apply(x, n);
            return dy.clone();
        }

        @Override
        public float[] jvp(float[] x, float[] dx, int n) {
            apply(x, n);
            return dx.clone();
        }
    };

    @Test
    void refusedStateHasMinusInfinityAndTheOthersTheirValue() {
        GaussianLikelihood l = new GaussianLikelihood(POSITIVE_IDENTITY, new float[] {1, 1}, 1);
        float[] grad = new float[6];
        double[] v = l.evaluate(new float[] {1, 1, -1, 1, 3, 1}, 3, grad);
        assertEquals(0, v[0], 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, v[1]);
        assertEquals(-2, v[2], 1e-12);
        assertEquals(0, grad[2]);
        assertEquals(0, grad[3]);
        assertEquals(-2, grad[4], 1e-6);
        assertTrue(grad[0] == 0 && grad[1] == 0);
    }

    @Test
    void perStateDataGiveEachStateItsOwnLikelihoodAlsoWhenOneIsRefused() {
        float[] data = {1, 1, 0, 2, 3, 3};
        GaussianLikelihood l = GaussianLikelihood.perState(POSITIVE_IDENTITY, data, 3, 1);
        float[] x = {1, 1, 1, 1, 3, 1};
        float[] grad = new float[6];
        double[] v = l.evaluate(x, 3, grad);
        for (int b = 0; b < 3; b++) {
            float[] own = java.util.Arrays.copyOfRange(data, 2 * b, 2 * b + 2);
            float[] g = new float[2];
            double alone = new GaussianLikelihood(POSITIVE_IDENTITY, own, 1).evaluate(
                    java.util.Arrays.copyOfRange(x, 2 * b, 2 * b + 2), 1, g)[0];
            assertEquals(alone, v[b], 1e-12, "state " + b);
            assertEquals(g[0], grad[2 * b], 1e-6);
            assertEquals(g[1], grad[2 * b + 1], 1e-6);
        }
        double[] refused = l.evaluate(new float[] {1, 1, -1, 1, 3, 1}, 3, null);
        assertEquals(Double.NEGATIVE_INFINITY, refused[1]);
        assertEquals(-2, refused[2], 1e-12, "the state after a refused one keeps its own data row");
        assertThrows(IllegalArgumentException.class, () -> l.evaluate(new float[] {1, 1}, 1, null));
    }
}
