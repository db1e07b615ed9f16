package dev.strata.kernels.jvm;

/**
 * Settings of the JVM backend.
 *
 * @param threads     worker threads (>= 1)
 * @param vectorized  use a kernel's Vector API version where it has one
 * @param minRowsPerChunk smallest number of rows a thread takes at once
 */
public record JvmConfig(int threads, boolean vectorized, int minRowsPerChunk) {
    public JvmConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (minRowsPerChunk < 1) {
            throw new IllegalArgumentException("minRowsPerChunk must be >= 1, got " + minRowsPerChunk);
        }
    }

    public static JvmConfig defaults() {
        return new JvmConfig(Runtime.getRuntime().availableProcessors(), true, 4);
    }

    public JvmConfig withThreads(int n) {
        return new JvmConfig(n, vectorized, minRowsPerChunk);
    }

    public JvmConfig withVectorized(boolean v) {
        return new JvmConfig(threads, v, minRowsPerChunk);
    }
}
