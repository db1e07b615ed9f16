package dev.strata.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
     * Every block of {@link ForwardOperator#blockJacobian} at the batch x equals the probed JVPs ({@link
     * JacobianBlocks#probe}, read here entry by entry) to 1e-5 of their largest entry, writes every one of its
     * |M_k| |D_k| entries and nothing past them.
     */
    public static void assertBlocksEqualProbed(ForwardOperator op, float[] x, int n) {
        JacobianBlocks blocks = op.jacobianBlocks().orElseThrow();
        float[] probed = blocks.probe(op, x, n);
        int[][] model = blocks.modelIndices();
        int[][] data = blocks.dataIndices();
        int m = op.outputSize();
        int widest = blocks.widest();
        BlockJacobian jacobian = op.blockJacobian(x, n);
        double scale = 0;
        double worst = 0;
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < blocks.count(); k++) {
                int d = data[k].length;
                float[] out = new float[model[k].length * d + 1];
                Arrays.fill(out, Float.NaN); // every entry the block leaves unwritten stays NaN and fails below
                jacobian.block(b, k, out);
                assertTrue(Float.isNaN(out[out.length - 1]), "block " + k + " wrote past its entries");
                for (int q = 0; q < model[k].length; q++) {
                    for (int r = 0; r < d; r++) {
                        float expected = probed[(b * widest + q) * m + data[k][r]];
                        scale = Math.max(scale, Math.abs(expected));
                        assertFalse(Float.isNaN(out[q * d + r]), "block " + k + " left entry (" + q + ", " + r
                                + ") unwritten");
                        worst = Math.max(worst, Math.abs(out[q * d + r] - expected));
                    }
                }
            }
        }
        assertTrue(scale > 0, "every probed entry is 0");
        assertTrue(worst <= 1e-5 * scale, "blocks differ from the probed JVPs by " + worst / scale
                + " of their largest entry");
    }
}
