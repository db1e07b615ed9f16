package dev.strata.forward.seismic;

import dev.strata.forward.LinearOperator;
import dev.strata.forward.Shapes;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.Kernel;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.seismic.SeismicLaunchers;
import java.util.Arrays;

/**
 * Hard data (well logs): y = S x, the model values at the points a mask selects; the local conditioning data of
 * Seed 000 (arXiv 2507.15809). The adjoint S^T y scatters the values back and leaves every unobserved point 0.
 *
 * <p>Input shape is the mask's shape, e.g. {@code [channels, nz, nx]}; output shape {@code [m]}, m = number of
 * selected points, in row-major order of the mask. The gather and scatter run as {@link SeismicLaunchers#GATHER} /
 * {@link SeismicLaunchers#SCATTER} kernels on the operator's {@link ComputeBackend} (the JVM backend unless one is
 * given). Instances are immutable and thread-safe; the backend is not closed here.
 */
public final class HardDataOperator implements LinearOperator {

    private final int[] shape;
    private final int[] indices;
    /** Inverse of indices: slot[i] = j where point i is observed as value j, else -1. */
    private final int[] slot;
    private final ComputeBackend backend;

    /** The operator on a JVM backend of its own; see the full constructor. */
    public HardDataOperator(int[] shape, boolean[] mask) {
        this(shape, mask, null);
    }

    /**
     * @param shape   shape of one model, slowest index first; copied
     * @param mask    row-major flags over {@code shape}, true where a value is observed; at least one true; not
     *                modified
     * @param backend where the kernels run; null for a JVM backend of its own; not closed here
     */
    public HardDataOperator(int[] shape, boolean[] mask, ComputeBackend backend) {
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
        this.slot = new int[size];
        for (int i = 0, j = 0; i < size; i++) {
            slot[i] = mask[i] ? j : -1;
            if (mask[i]) {
                indices[j++] = i;
            }
        }
        this.backend = backend != null ? backend : JvmBackend.withDefaults();
    }

    /**
     * Wells: every channel observed along whole depth columns of a {@code [channels, nz, nx]} model.
     *
     * @param columns x positions of the wells, each in [0, nx); repeats are observed once
     */
    public static HardDataOperator wells(int channels, int nz, int nx, int... columns) {
        return wells(null, channels, nz, nx, columns);
    }

    /** {@link #wells(int, int, int, int...)} on {@code backend} (null: the JVM). */
    public static HardDataOperator wells(ComputeBackend backend, int channels, int nz, int nx, int... columns) {
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
        return new HardDataOperator(shape, mask, backend);
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
        float[] y = new float[n * indices.length];
        run("hard-data-gather", SeismicLaunchers.GATHER, indices, x, y, n, inputSize());
        return y;
    }

    /** x[b, indices[j]] = y[b, j], 0 elsewhere, for {@code y} of {@code [n][m]}; returns new {@code [n][inputSize]}. */
    @Override
    public float[] adjoint(float[] y, int n) {
        Shapes.requireBatch("hard data values", y, n, indices.length);
        float[] x = new float[n * inputSize()];
        run("hard-data-scatter", SeismicLaunchers.SCATTER, slot, y, x, n, indices.length);
        return x;
    }

    /** Runs {@code kernel (points, in, out, n, count)} once on the backend; {@code out} comes back to the host. */
    private void run(String name, Kernel kernel, int[] points, float[] in, float[] out, int n, int count) {
        KernelGraph g = KernelGraph.builder(name)
                .transferToDevice(TransferMode.FIRST_EXECUTION, points, in, out)
                .task(name, kernel, points, in, out, n, count)
                .transferToHost(TransferMode.UNDER_DEMAND, out)
                .build();
        try (ExecutionPlan plan = backend.plan(g)) {
            plan.execute();
            plan.transferToHost(out);
        }
    }
}
