package dev.strata.io;

import java.util.Arrays;

/**
 * A float32 array with a shape: {@code data} holds the values in row-major (C) order, the last dimension varying
 * fastest, e.g. samples {@code [n, c, nz, nx]} at {@code data[((i * c + k) * nz + z) * nx + x]}.
 *
 * <p>The record holds the arrays it is given (no copy); callers should not modify them afterwards.
 *
 * @param data  values, {@code data.length == product(shape)}
 * @param shape dimensions, each {@code >= 1}; rank {@code >= 1}
 */
public record FloatDataset(float[] data, int[] shape) {
    public FloatDataset {
        if (data == null || shape == null) {
            throw new IllegalArgumentException("data and shape must not be null");
        }
        long size = checkedSize(shape);
        if (data.length != size) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + data.length);
        }
    }

    /** Number of values, the product of the dimensions. */
    public int size() {
        return data.length;
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Product of {@code shape}, after checking that it is a valid dataset shape. */
    static long checkedSize(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("shape must have at least one dimension");
        }
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("every dimension must be >= 1, got " + Arrays.toString(shape));
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one array");
            }
        }
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatDataset f && Arrays.equals(data, f.data) && Arrays.equals(shape, f.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "FloatDataset" + Arrays.toString(shape);
    }
}
