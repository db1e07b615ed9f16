package dev.strata.kernels;

/**
 * A kernel with a hand-vectorised JVM version (Vector API). The per-point body stays the definition: the vectorised
 * rows must agree with {@link #runRows} within the tolerance its tests state.
 */
public interface VectorizedKernel extends Kernel {

    /** Same contract as {@link #runRows}, vectorised along the inner index. */
    void runRowsVectorized(Object[] args, int outerStart, int outerEnd);
}
