package dev.strata.forward.seismic;

import dev.strata.forward.LinearOperator;
import dev.strata.forward.Shapes;
import java.util.Arrays;

/**
 * Hard data (well logs): y = S x, the model values at the points a mask selects; the local conditioning data of
 * Seed 000 (arXiv 2507.15809). The adjoint S^T y scatters the values back and leaves every unobserved point 0.
 *
 * <p>Input shape is the mask's shape, e.g. {@code [channels, nz, nx]}; output shape {@code [m]}, m = number of
 * selected points, in row-major order of the mask. Instances are immutable and thread-safe.
 */
public final class HardDataOperator implements LinearOperator {

    private final int[] shape;
    private final int[] indices;

    /**
     * @param shape shape of one model, slowest index first; copied
     * @param mask  row-major flags over {@code shape}, true where a value is observed; at least one true; not modified
     */
    public HardDataOperator(int[] shape, boolean[] mask) {
        int size = Shapes.size(shape);
        if (mask == null || mask.length != size) {
            throw new IllegalArgumentException("mask must have " + size + " elements for shape "
                    + Arrays.toString(shape) + ", got " + (mask == null ? "null" : mask.length));
        }
        int m = 0;
        for (boolean observed : mask) {
            m += observed ? 1 : 0;
        }
        if (m == 0) {
            throw new IllegalArgumentException("mask selects no points: hard data need at least one observation");
        }
        this.shape = shape.clone();
        this.indices = new int[m];
        for (int i = 0, j = 0; i < size; i++) {
            if (mask[i]) {
                indices[j++] = i;
            }
        }
    }

    /**
     * Wells: every channel observed along whole depth columns of a {@code [channels, nz, nx]} model.
     *
     * @param columns x positions of the wells, each in [0, nx); repeats are observed once
     */
    public static HardDataOperator wells(int channels, int nz, int nx, int... columns) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("wells need at least one column");
        }
        int[] shape = {channels, nz, nx};
        boolean[] mask = new boolean[Shapes.size(shape)];
        for (int column : columns) {
            if (column < 0 || column >= nx) {
                throw new IllegalArgumentException("well column " + column + " outside [0, " + nx + ")");
            }
            for (int cz = 0; cz < channels * nz; cz++) {
                mask[cz * nx + column] = true;
            }
        }
        return new HardDataOperator(shape, mask);
    }

    /** Flat row-major indices (within one model) of the observed points, ascending; a copy. */
    public int[] observedIndices() {
        return indices.clone();
    }

    /** The mask's shape. */
    @Override
    public int[] inputShape() {
        return shape.clone();
    }

    /** {@code [m]}, m = observed points. */
    @Override
    public int[] outputShape() {
        return new int[] {indices.length};
    }

    /** y[b, j] = x[b, indices[j]] for {@code x} of {@code [n][inputSize()]}; returns new {@code [n][m]}. */
    @Override
    public float[] apply(float[] x, int n) {
        Shapes.requireBatch("hard data model", x, n, inputSize());
        int size = inputSize();
        int m = indices.length;
        float[] y = new float[n * m];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < m; j++) {
                y[b * m + j] = x[b * size + indices[j]];
            }
        }
        return y;
    }

    /** x[b, indices[j]] = y[b, j], 0 elsewhere, for {@code y} of {@code [n][m]}; returns new {@code [n][inputSize]}. */
    @Override
    public float[] adjoint(float[] y, int n) {
        Shapes.requireBatch("hard data values", y, n, indices.length);
        int size = inputSize();
        int m = indices.length;
        float[] x = new float[n * size];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < m; j++) {
                x[b * size + indices[j]] = y[b * m + j];
            }
        }
        return x;
    }
}
