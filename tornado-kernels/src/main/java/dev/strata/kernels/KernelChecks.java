package dev.strata.kernels;

/** The argument checks a generated task factory runs, with messages that name the kernel and the argument. */
public final class KernelChecks {
    private KernelChecks() {
    }

    /** An array argument is given. */
    public static void present(String kernel, String name, Object array) {
        if (array == null) {
            throw new IllegalArgumentException(kernel + ": " + name + " is null");
        }
    }

    /** An array has at least {@code needed} elements. */
    public static void length(String kernel, String name, int length, long needed) {
        if (length < needed) {
            throw new IllegalArgumentException(kernel + ": " + name + " has " + length + " elements, needs " + needed);
        }
    }

    /**
     * A read-only argument of fixed length is not also an array the kernel writes: the JVM row loop reads it once,
     * before its points, so a body that wrote it would see the old values there and the new ones on a device.
     */
    public static void distinct(String kernel, String name, Object read, String writtenName, Object written) {
        if (read == written) {
            throw new IllegalArgumentException(kernel + ": " + name + " is also " + writtenName
                    + ", which the kernel writes; pass a separate array");
        }
    }

    /** A declared condition holds. */
    public static void require(String kernel, boolean holds, String condition, String values) {
        if (!holds) {
            throw new IllegalArgumentException(kernel + ": requires " + condition + " (" + values + ")");
        }
    }

    /** An index bound is not below its start. */
    public static void bounds(String kernel, String index, int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException(kernel + ": index " + index + " runs over [" + from + ", " + to
                    + "), an empty-negative range");
        }
    }

    /** Whether every value lies in [lo, hi). */
    public static boolean allWithin(int[] values, int lo, int hi) {
        for (int v : values) {
            if (v < lo || v >= hi) {
                return false;
            }
        }
        return true;
    }
}
