package dev.strata.forward.seismic;

import dev.strata.forward.BlockJacobian;
import dev.strata.forward.JacobianBlocks;
import dev.strata.forward.LinearOperator;
import dev.strata.forward.Shapes;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ResidentGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.seismic.SeismicKernels;
import dev.strata.kernels.seismic.SeismicTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Hard data (well logs): y = S x, the model values at selected points; the local conditioning data of Seed 000
 * (arXiv 2507.15809). The adjoint S^T y scatters the values back, adding them where a point is observed more than
 * once, and leaves every unobserved point 0.
 *
 * <pre>
 *   y[j] = x[i_j],   (S^T y)[i] = sum over j with i_j = i of y[j]
 * </pre>
 *
 * <p>Input shape is the model's shape, e.g. {@code [channels, nz, nx]}; output shape {@code [m]}. The points
 * i_j ({@link #observedIndices()}) come from a mask (each once, row-major order) or from well paths
 * ({@link #alongWells}: well by well, labelled by {@link #wellObservations()}). The gather and scatter run as {@link SeismicKernels#gatherPoint} /
 * {@link SeismicKernels#scatterPoint} kernels on the operator's {@link ComputeBackend} (the JVM backend unless one is
 * given). Instances are immutable and thread-safe; the backend is not closed here.
 */
public final class HardDataOperator implements LinearOperator {

    private final int[] shape;
    private final int[] indices;
    /** slot[i] = the first j with indices[j] = i, else -1: what the SCATTER kernel writes. */
    private final int[] slot;
    /** The later j of points observed twice or more, which the adjoint adds on the host after the kernel. */
    private final int[] repeats;
    private final List<WellObservation> wellObservations;
    private final ComputeBackend backend;
    private final JacobianBlocks blocks;

    /** The operator on the shared JVM backend ({@link JvmBackend#common()}); see the full constructor. */
    public HardDataOperator(int[] shape, boolean[] mask) {
        this(shape, mask, null);
    }

    /**
     * @param shape   shape of one model, slowest index first; copied
     * @param mask    row-major flags over {@code shape}, true where a value is observed; at least one true; not
     *                modified
     * @param backend where the kernels run; null for the shared JVM backend; not closed here
     */
    public HardDataOperator(int[] shape, boolean[] mask, ComputeBackend backend) {
        this(shape, maskIndices(shape, mask), List.of(), backend);
    }

    /** indices[j] = i_j in [0, size(shape)), any order, repeats allowed; labels empty or one per datum. */
    private HardDataOperator(int[] shape, int[] indices, List<WellObservation> labels, ComputeBackend backend) {
        this.shape = shape.clone();
        this.indices = indices;
        this.slot = new int[Shapes.size(shape)];
        Arrays.fill(slot, -1);
        int[] later = new int[indices.length];
        int count = 0;
        for (int j = 0; j < indices.length; j++) {
            if (slot[indices[j]] < 0) {
                slot[indices[j]] = j;
            } else {
                later[count++] = j;
            }
        }
        this.repeats = Arrays.copyOf(later, count);
        this.wellObservations = labels;
        this.backend = backend != null ? backend : JvmBackend.common();
        this.blocks = pointBlocks();
    }

    /** The flat indices a mask selects, ascending; throws unless the mask fits the shape and selects a point. */
    private static int[] maskIndices(int[] shape, boolean[] mask) {
        int size = Shapes.size(shape);
        if (mask == null || mask.length != size) {
            throw new IllegalArgumentException("mask must have " + size + " elements for shape "
                    + Arrays.toString(shape) + ", got " + (mask == null ? "null" : mask.length));
        }
        int[] selected = IntStream.range(0, size).filter(i -> mask[i]).toArray();
        if (selected.length == 0) {
            throw new IllegalArgumentException("mask selects no points: hard data need at least one observation");
        }
        return selected;
    }

    /**
     * Well logs along (vertical or deviated) paths: the chosen channels of a {@code [channels, nz, nx]} model at the
     * cells each path passes ({@link WellGrid#cellOf}: nearest cell centre), each cell once per well. Data go well by
     * well, then channel by channel in the order given, then along the path; {@link #wellObservations()} labels
     * them. Where two wells pass one cell, it is observed once for each well: S stays linear and S^T adds both
     * residuals there.
     *
     * @param grid             the model's nz x nx cells and their size in metres
     * @param channels         channels of a model, at least 1
     * @param observedChannels channels logged, each in [0, channels), no repeats
     * @param wells            at least one path; a point outside the grid is refused, naming the well and point
     * @param backend          where the kernels run; null for the shared JVM backend; not closed here
     */
    public static HardDataOperator alongWells(WellGrid grid, int channels, int[] observedChannels,
                                              List<WellPath> wells, ComputeBackend backend) {
        List<WellObservation> labels = WellLogs.observations(grid, channels, observedChannels, wells);
        int[] idx = labels.stream().mapToInt(o -> (o.channel() * grid.nz() + o.z()) * grid.nx() + o.x()).toArray();
        return new HardDataOperator(new int[] {channels, grid.nz(), grid.nx()}, idx, labels, backend);
    }

    /** {@link #alongWells(WellGrid, int, int[], List, ComputeBackend)} on the shared JVM backend ({@link JvmBackend#common()}). */
    public static HardDataOperator alongWells(WellGrid grid, int channels, int[] observedChannels,
                                              List<WellPath> wells) {
        return alongWells(grid, channels, observedChannels, wells, null);
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

    /**
     * Flat row-major indices (within one model) of the observed points in data order, i_j for datum j: ascending for
     * a mask; for {@link #alongWells}, (channel nz + z) nx + x of {@link #wellObservations()} entry j. A copy.
     */
    public int[] observedIndices() {
        return indices.clone();
    }

    /** For {@link #alongWells}: well, point, channel and cell of each datum, in data order; empty for a mask. */
    public List<WellObservation> wellObservations() {
        return wellObservations;
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

    /** One block per observed point: datum j depends on x[i_j] alone. */
    @Override
    public Optional<JacobianBlocks> jacobianBlocks() {
        return Optional.of(blocks);
    }

    /** Each block in closed form: dy_j / dx_i = 1 for the data j observing point i, at every model. */
    @Override
    public BlockJacobian blockJacobian(float[] x, int n) {
        Shapes.requireBatch("hard data model", x, n, inputSize());
        int[] rows = blocks.blockRows();
        return (b, k, out) -> Arrays.fill(out, 0, rows[k], 1f);
    }

    private JacobianBlocks pointBlocks() {
        int[] model = new int[slot.length];
        int count = 0;
        for (int i = 0; i < slot.length; i++) {
            model[i] = slot[i] >= 0 ? count++ : -1;
        }
        int[] data = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            data[j] = model[indices[j]];
        }
        return new JacobianBlocks(count, model, data);
    }

    /** y[b, j] = x[b, indices[j]] for {@code x} of {@code [n][inputSize()]}; returns new {@code [n][m]}. */
    @Override
    public float[] apply(float[] x, int n) {
        Shapes.requireBatch("hard data model", x, n, inputSize());
        int size = inputSize();
        return ResidentGraph.on(backend, new GraphKey(this, false, n), "hard-data-gather", new int[] {x.length},
                n * indices.length, (g, in, out) -> g.transferToDevice(TransferMode.FIRST_EXECUTION, indices)
                        .task("gather", SeismicTasks.gatherPoint(indices, in[0], out, size, n)))
                .run(List.of(x));
    }

    /**
     * x[b, i] = sum of y[b, j] over the j with indices[j] = i, 0 elsewhere, for {@code y} of {@code [n][m]}; returns
     * new {@code [n][inputSize]}. The kernel writes the first such j; repeats are added here, in data order.
     */
    @Override
    public float[] adjoint(float[] y, int n) {
        Shapes.requireBatch("hard data values", y, n, indices.length);
        int size = inputSize();
        int m = indices.length;
        float[] x = ResidentGraph.on(backend, new GraphKey(this, true, n), "hard-data-scatter", new int[] {y.length},
                n * size, (g, in, out) -> g.transferToDevice(TransferMode.FIRST_EXECUTION, slot)
                        .task("scatter", SeismicTasks.scatterPoint(slot, in[0], out, m, n)))
                .run(List.of(y));
        for (int b = 0; b < n; b++) {
            for (int j : repeats) {
                x[b * size + indices[j]] += y[b * m + j];
            }
        }
        return x;
    }

    /** The gather or scatter graph of one operator (its points live on the device) for n models. */
    private record GraphKey(HardDataOperator operator, boolean adjoint, int n) {
    }
}
