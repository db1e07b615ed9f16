package dev.strata.forward;

import java.util.Arrays;

/** Small helpers for flat arrays with a shape. */
public final class Shapes {
    private Shapes() {
    }

    /** Product of the dimensions. */
    public static int size(int... shape) {
        long s = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            s *= d;
        }
        if (s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " too large for one array");
        }
        return (int) s;
    }

    /** Throws a clear error unless {@code array.length == n * per}. */
    public static void requireBatch(String what, float[] array, int n, int per) {
        if (n < 1) {
            throw new IllegalArgumentException(what + ": batch size must be >= 1, got " + n);
        }
        if (array == null || array.length != (long) n * per) {
            throw new IllegalArgumentException(what + ": expected " + n + " x " + per + " = " + ((long) n * per)
                    + " values, got " + (array == null ? "null" : array.length));
        }
    }
}
