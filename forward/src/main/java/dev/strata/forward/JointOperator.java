package dev.strata.forward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Several operators on the same model stacked into one: y = [A_1(x), ..., A_k(x)], e.g. seismic and well data
 * conditioning one sample together, as in Seed 000 (arXiv 2507.15809).
 *
 * <pre>
 *   J dx    = [J_1 dx, ..., J_k dx]
 *   J^T dy  = sum_i J_i^T dy_i,      dy = [dy_1, ..., dy_k]
 * </pre>
 *
 * <p>Input shape: the parts' common input shape. Output shape {@code [m]}, m = sum of the parts' output sizes; per
 * sample, part i's data (flattened row-major) sit at {@link #blockOffset(int)} .. + {@link #blockSize(int)}, so a
 * batch is {@code [n][m]}. Immutable and thread-safe if the parts are.
 */
public final class JointOperator implements ForwardOperator {
    private final List<ForwardOperator> parts;
    private final int[] offsets;
    private final int[] inputShape;
    private final Optional<JacobianBlocks> blocks;
    /** The parts' blocks that make up each joint block, empty without a pattern. */
    private final Piece[][] pieces;
    /** |D_k| of each joint block k, empty without a pattern. */
    private final int[] jointRows;
    /** |M_k| of each joint block k, empty without a pattern. */
    private final int[] jointWidth;
    /** Each thread's room for one part's block before it moves into the joint one. */
    private final ThreadLocal<float[]> partBlock;

    /**
     * Block {@code block} of part {@code part} inside a joint block: its datum r is the joint block's datum
     * rowRank[r], its probe q the joint block's probe probeRank[q]; {@code whole} when it is the joint block.
     */
    private record Piece(int part, int block, int[] rowRank, int[] probeRank, boolean whole) {
        int size() {
            return rowRank.length * probeRank.length;
        }
    }

    /**
     * @param parts at least one operator, all with the same input shape; kept in this order
     * @throws IllegalArgumentException if there are none, or two input shapes differ (the message names both)
     */
    public JointOperator(List<? extends ForwardOperator> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a joint operator needs at least one part");
        }
        this.parts = List.copyOf(parts);
        this.inputShape = this.parts.getFirst().inputShape();
        this.offsets = new int[this.parts.size() + 1];
        for (int i = 0; i < this.parts.size(); i++) {
            int[] shape = this.parts.get(i).inputShape();
            if (!Arrays.equals(inputShape, shape)) {
                throw new IllegalArgumentException("joint operator parts must share one input shape: part 0 takes "
                        + Arrays.toString(inputShape) + ", part " + i + " takes " + Arrays.toString(shape));
            }
            offsets[i + 1] = Math.addExact(offsets[i], this.parts.get(i).outputSize());
        }
        List<Optional<JacobianBlocks>> each = this.parts.stream().map(ForwardOperator::jacobianBlocks).toList();
        this.blocks = each.stream().allMatch(Optional::isPresent)
                ? Optional.of(JacobianBlocks.stacked(each.stream().map(Optional::get).toList())) : Optional.empty();
        this.jointRows = blocks.map(JacobianBlocks::blockRows).orElse(new int[0]);
        this.jointWidth = blocks.map(JacobianBlocks::blockWidths).orElse(new int[0]);
        this.pieces = blocks.map(this::pieces).orElse(new Piece[0][]);
        int largest = Arrays.stream(pieces).flatMap(Arrays::stream).mapToInt(Piece::size).max().orElse(0);
        this.partBlock = ThreadLocal.withInitial(() -> new float[largest]);
    }

    private Piece[][] pieces(JacobianBlocks joint) {
        int[] probeRank = joint.positionInBlock();
        int[] jointBlock = joint.modelBlock();
        int[][] jointData = joint.dataIndices();
        int[] rowRank = new int[joint.dataBlock().length];
        for (int[] rows : jointData) {
            for (int r = 0; r < rows.length; r++) {
                rowRank[rows[r]] = r;
            }
        }
        List<List<Piece>> each = new ArrayList<>();
        for (int k = 0; k < joint.count(); k++) {
            each.add(new ArrayList<>());
        }
        for (int p = 0; p < parts.size(); p++) {
            JacobianBlocks own = parts.get(p).jacobianBlocks().orElseThrow();
            int[][] model = own.modelIndices();
            int[][] data = own.dataIndices();
            for (int k = 0; k < own.count(); k++) {
                if (model[k].length == 0 || data[k].length == 0) {
                    continue; // moves no datum of the joint block
                }
                int target = jointBlock[model[k][0]];
                int offset = offsets[p];
                int[] rows = Arrays.stream(data[k]).map(i -> rowRank[offset + i]).toArray();
                int[] probes = Arrays.stream(model[k]).map(j -> probeRank[j]).toArray();
                boolean whole = rows.length == jointRows[target] && probes.length == jointWidth[target]
                        && ascendingFromZero(rows) && ascendingFromZero(probes);
                each.get(target).add(new Piece(p, k, rows, probes, whole));
            }
        }
        return each.stream().map(list -> list.toArray(Piece[]::new)).toArray(Piece[][]::new);
    }

    private static boolean ascendingFromZero(int[] ranks) {
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** {@link #JointOperator(List)} of {@code parts}. */
    public static JointOperator of(ForwardOperator... parts) {
        return new JointOperator(parts == null ? null : Arrays.asList(parts));
    }

    /** The parts, in order; unmodifiable. */
    public List<ForwardOperator> parts() {
        return parts;
    }

    /** Where part i's data start within one joint data sample. */
    public int blockOffset(int i) {
        return offsets[checkPart(i)];
    }

    /** Elements of part i's data in one joint data sample, its outputSize(). */
    public int blockSize(int i) {
        return offsets[checkPart(i) + 1] - offsets[i];
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** {@code [m]}, m = sum of the parts' output sizes. */
    @Override
    public int[] outputShape() {
        return new int[] {offsets[parts.size()]};
    }

    /** [A_1(x), ..., A_k(x)] per sample; returns new {@code [n][m]}. */
    @Override
    public float[] apply(float[] x, int n) {
        Shapes.requireBatch("joint operator model", x, n, inputSize());
        return stack(i -> parts.get(i).apply(x, n), n);
    }

    /** sum_i J_i(x)^T dy_i; returns new {@code [n][inputSize()]}. */
    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        return linearise(x, n).vjp(dy);
    }

    /** [J_1(x) dx, ..., J_k(x) dx] per sample; returns new {@code [n][m]}. */
    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        return linearise(x, n).jvp(dx);
    }

    /** The parts' linearisations at x, stacked as {@link #jvp} and summed as {@link #vjp} stack and sum. */
    @Override
    public Linearisation linearise(float[] x, int n) {
        Shapes.requireBatch("joint operator model", x, n, inputSize());
        List<Linearisation> at = parts.stream().map(part -> part.linearise(x, n)).toList();
        return Linearisation.of(dx -> {
            Shapes.requireBatch("joint operator model tangent", dx, n, inputSize());
            return stack(i -> at.get(i).jvp(dx), n);
        }, dy -> {
            Shapes.requireBatch("joint operator data cotangent", dy, n, outputSize());
            float[] dx = new float[n * inputSize()];
            for (int i = 0; i < at.size(); i++) {
                float[] g = at.get(i).vjp(block(dy, i, n));
                for (int j = 0; j < dx.length; j++) {
                    dx[j] += g[j];
                }
            }
            return dx;
        });
    }

    /** The parts' patterns stacked ({@link JacobianBlocks#stacked}), if every part has one. */
    @Override
    public Optional<JacobianBlocks> jacobianBlocks() {
        return blocks;
    }

    /** Each joint block from the parts' blocks in it, their entries moved to the joint block's data and probes. */
    @Override
    public BlockJacobian blockJacobian(float[] x, int n) {
        if (blocks.isEmpty()) {
            throw new IllegalStateException("a part of this joint operator claims no block pattern of its Jacobian");
        }
        Shapes.requireBatch("joint operator model", x, n, inputSize());
        BlockJacobian[] own = new BlockJacobian[parts.size()];
        for (int p = 0; p < parts.size(); p++) {
            own[p] = parts.get(p).blockJacobian(x, n);
        }
        return (b, k, out) -> {
            Piece[] in = pieces[k];
            if (in.length == 1 && in[0].whole()) {
                own[in[0].part()].block(b, in[0].block(), out);
                return;
            }
            int d = jointRows[k];
            Arrays.fill(out, 0, jointWidth[k] * d, 0f);
            float[] partBlock = this.partBlock.get();
            for (Piece piece : in) {
                own[piece.part()].block(b, piece.block(), partBlock);
                int pd = piece.rowRank().length;
                for (int q = 0; q < piece.probeRank().length; q++) {
                    int to = piece.probeRank()[q] * d;
                    for (int r = 0; r < pd; r++) {
                        out[to + piece.rowRank()[r]] = partBlock[q * pd + r];
                    }
                }
            }
        };
    }

    /** Part i's data {@code [n][blockSize(i)]} of joint data {@code [n][m]}, a new array. */
    public float[] block(float[] y, int i, int n) {
        Shapes.requireBatch("joint operator data", y, n, outputSize());
        int size = blockSize(i);
        int m = offsets[parts.size()];
        float[] part = new float[n * size];
        for (int b = 0; b < n; b++) {
            System.arraycopy(y, b * m + offsets[i], part, b * size, size);
        }
        return part;
    }

    /** Joint data {@code [n][m]} with part i's {@code [n][blockSize(i)]}, {@code perPart.apply(i)}, in its block. */
    private float[] stack(IntFunction<float[]> perPart, int n) {
        int m = offsets[parts.size()];
        float[] y = new float[n * m];
        for (int i = 0; i < parts.size(); i++) {
            float[] part = perPart.apply(i);
            int size = blockSize(i);
            for (int b = 0; b < n; b++) {
                System.arraycopy(part, b * size, y, b * m + offsets[i], size);
            }
        }
        return y;
    }

    private int checkPart(int i) {
        if (i < 0 || i >= parts.size()) {
            throw new IndexOutOfBoundsException("part " + i + " of a joint operator of " + parts.size());
        }
        return i;
    }
}
