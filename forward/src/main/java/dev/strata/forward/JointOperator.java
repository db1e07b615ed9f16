package dev.strata.forward;

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
    /**
     * Per part, where entry (q, i) of a sample's block columns goes in the joint ones: (rank of its model index in
     * the joint block) m + the part's offset + i, or -1; empty without a pattern.
     */
    private final int[][] columnDestination;

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
        this.columnDestination = blocks.map(this::destinations).orElse(new int[0][]);
    }

    private int[][] destinations(JacobianBlocks joint) {
        int[] rank = joint.positionInBlock();
        int m = offsets[parts.size()];
        int[][] dest = new int[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            int[] table = parts.get(p).jacobianBlocks().orElseThrow().columnModelIndex();
            int size = blockSize(p);
            dest[p] = new int[table.length];
            for (int e = 0; e < table.length; e++) {
                dest[p][e] = table[e] >= 0 ? rank[table[e]] * m + offsets[p] + e % size : -1;
            }
        }
        return dest;
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

    /** Each part's block columns, moved to their data's rows and their model indices' ranks in the joint blocks. */
    @Override
    public float[] jacobianBlockColumns(float[] x, int n) {
        JacobianBlocks joint = jacobianBlocks().orElseThrow(() -> new IllegalStateException("a part of this joint"
                + " operator claims no block pattern of its Jacobian"));
        int probes = joint.widest();
        int m = offsets[parts.size()];
        float[] columns = new float[n * probes * m];
        for (int p = 0; p < parts.size(); p++) {
            int[] dest = columnDestination[p];
            float[] own = parts.get(p).jacobianBlockColumns(x, n);
            MemberChunks.forEach(n, dest.length, (b, start, end) -> { // entries move to distinct places
                int to = b * probes * m;
                int from = b * dest.length;
                for (int e = start; e < end; e++) {
                    if (dest[e] >= 0) {
                        columns[to + dest[e]] = own[from + e];
                    }
                }
            });
        }
        return columns;
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
