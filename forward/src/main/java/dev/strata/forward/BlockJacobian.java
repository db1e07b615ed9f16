package dev.strata.forward;

/**
 * The blocks J_k of an operator's Jacobian at one batch of models x, for the pattern {@link JacobianBlocks} gives:
 * entry (q, r) of J_k at sample b is dy_i / dx_j at x_b for i = D_k[r], the r-th datum of block k, and j = M_k[q],
 * its q-th model index (both ascending). Made by {@link ForwardOperator#blockJacobian}, which does what depends on
 * x alone (model units, a clip, the kernels' model) once; each block is made when asked for, so a solver of
 * J C J^T + C_d can form and factor it while its entries are still in cache.
 *
 * <p>Thread-safe: a solver asks for the blocks of one batch from several threads at once.
 */
@FunctionalInterface
public interface BlockJacobian {

    /**
     * Writes J_k at sample b into {@code out} by probes: {@code out[q |D_k| + r]} = dy_{D_k[r]} / dx_{M_k[q]} for
     * q < |M_k| and r < |D_k|; nothing past those |M_k| |D_k| entries.
     */
    void block(int b, int k, float[] out);
}
