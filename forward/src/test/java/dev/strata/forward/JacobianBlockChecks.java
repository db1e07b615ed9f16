package dev.strata.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/** The two promises of an operator's {@link JacobianBlocks}, as assertions for the tests of any operator. */
public final class JacobianBlockChecks {
    private JacobianBlockChecks() {
    }

    /**
     * A JVP at the model x (one sample) of a Gaussian tangent on the model values of block k moves no datum outside
     * block k and some datum inside it, for the blocks -1, 0, the middle one and the last.
     */
    public static void assertDerivativesStayInBlocks(ForwardOperator op, float[] x) {
        JacobianBlocks blocks = op.jacobianBlocks().orElseThrow();
        int[] modelBlock = blocks.modelBlock();
        int[] dataBlock = blocks.dataBlock();
        SplittableRandom random = new SplittableRandom(5);
        for (int k : new int[] {-1, 0, blocks.count() / 2, blocks.count() - 1}) {
            float[] dx = new float[op.inputSize()];
            for (int j = 0; j < dx.length; j++) {
                dx[j] = modelBlock[j] == k ? (float) random.nextGaussian() : 0;
            }
            float[] dy = op.jvp(x, dx, 1);
            double inside = 0;
            for (int i = 0; i < dy.length; i++) {
                if (dataBlock[i] == k && k >= 0) {
                    inside += Math.abs(dy[i]);
                } else {
                    assertEquals(0f, dy[i], "datum " + i + " of block " + dataBlock[i] + " moved with block " + k);
                }
            }
            assertTrue(k < 0 || inside > 0, "block " + k + " moves none of its data");
        }
    }

    /**
     * {@link ForwardOperator#jacobianBlockColumns} at the batch x equals the probed JVPs to 1e-5 of their largest
     * entry.
     */
    public static void assertColumnsEqualProbed(ForwardOperator op, float[] x, int n) {
        float[] closed = op.jacobianBlockColumns(x, n);
        float[] probed = op.jacobianBlocks().orElseThrow().probe(op, x, n);
        assertEquals(probed.length, closed.length);
        double scale = 0;
        double worst = 0;
        for (int e = 0; e < probed.length; e++) {
            scale = Math.max(scale, Math.abs(probed[e]));
            worst = Math.max(worst, Math.abs(closed[e] - probed[e]));
        }
        assertTrue(scale > 0, "every probed column is 0");
        assertTrue(worst <= 1e-5 * scale, "block columns differ from the probed JVPs by " + worst / scale
                + " of their largest entry");
    }
}
