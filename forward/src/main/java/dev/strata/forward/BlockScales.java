package dev.strata.forward;

/**
 * The diagonal scalings of Jacobian blocks that the wrappers of this package apply ({@link BlockJacobian}'s layout,
 * probe q's |D_k| entries contiguous): J diag(f) scales probe q by f at its model index, diag(g) J scales row r by
 * g at its datum.
 */
final class BlockScales {
    /** A factor per sample b and model index j. */
    @FunctionalInterface
    interface PerModelIndex {
        float at(int b, int j);
    }

    private BlockScales() {
    }

    /**
     * J_A diag(f) by blocks: {@code inner}'s blocks at {@code at} (its batch of n models), probe q of block k of
     * sample b times f(b, M_k[q]); {@code what} names the operator in the message when inner claims no pattern.
     */
    static BlockJacobian scaledProbes(ForwardOperator inner, float[] at, int n, String what, PerModelIndex f) {
        JacobianBlocks pattern = inner.jacobianBlocks().orElseThrow(() -> new IllegalStateException(
                what + " claims no block pattern of its Jacobian"));
        int[][] model = pattern.modelIndices();
        int[] rows = pattern.blockRows();
        BlockJacobian jacobian = inner.blockJacobian(at, n);
        return (b, k, out) -> {
            jacobian.block(b, k, out);
            int[] probes = model[k];
            int d = rows[k];
            for (int q = 0; q < probes.length; q++) {
                float s = f.at(b, probes[q]);
                for (int e = q * d, end = e + d; e < end; e++) {
                    out[e] *= s;
                }
            }
        };
    }

    /** out[q d + r] *= g[r] for the |probes| probes of a block of d = g.length rows. */
    static void scaleRows(float[] out, int probes, float[] g) {
        int d = g.length;
        for (int q = 0; q < probes; q++) {
            for (int r = 0; r < d; r++) {
                out[q * d + r] *= g[r];
            }
        }
    }
}
