package dev.strata.kernels;

import java.util.List;

/**
 * One kernel bound to its arguments: what a {@link KernelGraph} holds and a backend runs. Written by the build from a
 * {@link dev.strata.kernels.annotations.Kernel} declaration (class {@code FooTasks} beside {@code FooKernels}), whose
 * factory checked the arguments; callers never implement it.
 */
public interface KernelTask {

    /** The kernel, as {@code Class.method} of its body, e.g. {@code SeismicKernels.reflectivity}. */
    String kernel();

    /** The points the body runs over: rows (all indices but the last, flattened) by the last index. */
    IndexRange range();

    /** Runs the body for rows [rowStart, rowEnd) of {@link #range} on the calling thread. */
    void runRows(int rowStart, int rowEnd);

    /** Whether {@link #runRowsVectorized} is a hand-vectorised version rather than {@link #runRows} itself. */
    default boolean vectorized() {
        return false;
    }

    /** Same contract as {@link #runRows}, vectorised along the inner index where the kernel declares a version. */
    default void runRowsVectorized(int rowStart, int rowEnd) {
        runRows(rowStart, rowEnd);
    }

    /** Whether each row is a large piece of work ({@code @Kernel(coarse = true)}): shared down to one row a thread. */
    default boolean coarse() {
        return false;
    }

    /** Every array argument, in order. */
    List<Object> arrays();

    /** The array arguments the body writes. */
    List<Object> written();
}
