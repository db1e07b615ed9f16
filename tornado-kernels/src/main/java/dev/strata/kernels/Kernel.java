package dev.strata.kernels;

/**
 * A kernel: a per-point static body (the one definition every backend runs) plus what a backend needs to launch it.
 *
 * <p>Arguments are positional, as in a TornadoVM task: host arrays ({@code float[]}, {@code double[]}, {@code int[]}) and scalars
 * ({@link Integer}, {@link Float}). The index range over which the body runs follows from the arguments
 * ({@link #range}), just as the bounds of a TornadoVM {@code @Parallel} loop live inside the kernel.
 *
 * <p>An array that a kernel writes but never reads must be written in full over the kernel's range: a device
 * backend may not copy such an array to the device (TornadoVM does not), so elements left out come back undefined.
 */
public interface Kernel {

    /** Stable name; the TornadoVM backend maps it to its launcher. */
    String name();

    /** Checks the argument types and sizes; throws {@link IllegalArgumentException} with a clear message. */
    void check(Object[] args);

    /** The 2-D (or 1-D: one inner index) range the body is run over for these arguments. */
    IndexRange range(Object[] args);

    /** Runs the body for outer indices [outerStart, outerEnd) of {@link #range} on the calling thread. */
    void runRows(Object[] args, int outerStart, int outerEnd);
}
