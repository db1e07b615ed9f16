package dev.strata.forward;

import java.util.Arrays;
import java.util.List;

/**
 * A block-diagonal pattern of an operator's Jacobian, the same at every model: dy_i/dx_j = 0 unless
 * {@code dataBlock[i] == modelBlock[j] >= 0}. With data and model indices sorted by block,
 * J = blockdiag(J_0, ..., J_{B-1}), J_k of |D_k| x |M_k|; so J C J^T + C_d is block diagonal for diagonal C and
 * C_d and each block can be solved alone (the traces of the convolutional seismic of seed 000, arXiv 2507.15809).
 * Block -1 marks a model value no datum depends on, or a datum that depends on no model value.
 *
 * <p>Immutable; the index tables are made once, at construction.
 */
public final class JacobianBlocks {
    private final int count;
    private final int[] modelBlock;
    private final int[] dataBlock;
    private final int[][] modelIndices;
    private final int[][] dataIndices;
    private final int widest;
    private final int[] positionInBlock;

    /**
     * @param count      B, the number of blocks
     * @param modelBlock the block of each model index of one sample, in [-1, B); copied
     * @param dataBlock  the block of each datum of one sample, in [-1, B); copied
     */
    public JacobianBlocks(int count, int[] modelBlock, int[] dataBlock) {
        if (count < 0) {
            throw new IllegalArgumentException("block count must be >= 0, got " + count);
        }
        this.count = count;
        this.modelBlock = checked("model", modelBlock.clone(), count);
        this.dataBlock = checked("data", dataBlock.clone(), count);
        this.modelIndices = members(this.modelBlock, count);
        this.dataIndices = members(this.dataBlock, count);
        int w = 0;
        for (int[] block : modelIndices) {
            w = Math.max(w, block.length);
        }
        this.widest = w;
        this.positionInBlock = ranks(modelIndices, this.modelBlock.length);
    }

    private static int[] checked(String what, int[] blocks, int count) {
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] < -1 || blocks[i] >= count) {
                throw new IllegalArgumentException(what + " index " + i + " is in block " + blocks[i]
                        + ", outside [-1, " + count + ")");
            }
        }
        return blocks;
    }

    /** B, the number of blocks. */
    public int count() {
        return count;
    }

    /** The block of each model index of one sample. */
    public int[] modelBlock() {
        return modelBlock.clone();
    }

    /** The block of each datum of one sample. */
    public int[] dataBlock() {
        return dataBlock.clone();
    }

    /** M_k for each block k: the model indices in it, ascending. */
    public int[][] modelIndices() {
        return deepCopy(modelIndices);
    }

    /** D_k for each block k: the data indices in it, ascending. */
    public int[][] dataIndices() {
        return deepCopy(dataIndices);
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k].clone();
        }
        return out;
    }

    /** |D_k| for each block k: how many data it holds. */
    public int[] blockRows() {
        return Arrays.stream(dataIndices).mapToInt(d -> d.length).toArray();
    }

    /** |M_k| for each block k: how many model indices it holds, the probes of its {@link BlockJacobian} block. */
    public int[] blockWidths() {
        return Arrays.stream(modelIndices).mapToInt(j -> j.length).toArray();
    }

    /** The most model indices in one block: the probes of {@link #probe}. */
    public int widest() {
        return widest;
    }

    /**
     * The rank q of each model index among its block's model indices, -1 for one in no block. The table itself, for
     * the joint operator, which does not modify it.
     */
    int[] positionInBlock() {
        return positionInBlock;
    }

    private static int[] ranks(int[][] model, int size) {
        int[] rank = new int[size];
        Arrays.fill(rank, -1);
        for (int[] block : model) {
            for (int q = 0; q < block.length; q++) {
                rank[block[q]] = q;
            }
        }
        return rank;
    }

    /**
     * The block columns of {@code operator} at the batch x by probing: J e_q for q = 0 .. widest() - 1, e_q = 1 at
     * the q-th model index of every block, as one JVP of n * widest() members (Curtis, Powell and Reid 1974, J.
     * Inst. Math. Appl. 13): {@code [n][widest()][m]}, entry (b, q, i) = dy_i/dx_j at x_b for j the q-th model index
     * of datum i's block (0 where that block has fewer or datum i is in none).
     */
    public float[] probe(ForwardOperator operator, float[] x, int n) {
        int size = modelBlock.length;
        int probes = widest;
        int[][] model = modelIndices;
        float[] at = new float[n * probes * size];
        float[] dx = new float[n * probes * size];
        for (int b = 0; b < n; b++) {
            for (int q = 0; q < probes; q++) {
                int member = (b * probes + q) * size;
                System.arraycopy(x, b * size, at, member, size);
                for (int[] block : model) {
                    if (q < block.length) {
                        dx[member + block[q]] = 1;
                    }
                }
            }
        }
        return operator.jvp(at, dx, n * probes);
    }

    /**
     * The blocks of {@code operator} at the batch x from {@link #probe}: block k of sample b gathers entry (b, q,
     * D_k[r]) of the probed columns into (q, r). The default of {@link ForwardOperator#blockJacobian}.
     */
    public BlockJacobian probed(ForwardOperator operator, float[] x, int n) {
        float[] columns = probe(operator, x, n);
        int m = dataBlock.length;
        return (b, k, out) -> {
            int[] rows = dataIndices[k];
            int d = rows.length;
            for (int q = 0; q < modelIndices[k].length; q++) {
                int from = (b * widest + q) * m;
                for (int r = 0; r < d; r++) {
                    out[q * d + r] = columns[from + rows[r]];
                }
            }
        };
    }

    private static int[][] members(int[] blocks, int count) {
        int[] sizes = new int[count];
        for (int b : blocks) {
            if (b >= 0) {
                sizes[b]++;
            }
        }
        int[][] out = new int[count][];
        for (int k = 0; k < count; k++) {
            out[k] = new int[sizes[k]];
        }
        Arrays.fill(sizes, 0);
        for (int i = 0; i < blocks.length; i++) {
            int b = blocks[i];
            if (b >= 0) {
                out[b][sizes[b]++] = i;
            }
        }
        return out;
    }

    /**
     * The pattern of operators stacked on one model ({@link JointOperator}): data of part p follow those of parts
     * 0 .. p - 1, and two blocks of any parts that share a model index are one (union-find over the model indices).
     * A block of a part that holds no model index leaves its data in block -1.
     */
    public static JacobianBlocks stacked(List<JacobianBlocks> parts) {
        int size = parts.getFirst().modelBlock.length;
        int[] parent = new int[size];
        Arrays.setAll(parent, i -> i);
        int data = 0;
        boolean[] inBlock = new boolean[size];
        for (JacobianBlocks part : parts) {
            if (part.modelBlock.length != size) {
                throw new IllegalArgumentException("stacked Jacobian blocks need one model size, got " + size + " and "
                        + part.modelBlock.length);
            }
            int[] first = part.firstModelIndex();
            for (int j = 0; j < size; j++) {
                if (part.modelBlock[j] >= 0) {
                    union(parent, j, first[part.modelBlock[j]]);
                    inBlock[j] = true;
                }
            }
            data += part.dataBlock.length;
        }
        int[] id = new int[size];
        Arrays.fill(id, -1);
        int[] modelBlock = new int[size];
        int count = 0;
        for (int j = 0; j < size; j++) {
            int root = find(parent, j);
            if (inBlock[j] && id[root] < 0) {
                id[root] = count++;
            }
            modelBlock[j] = inBlock[j] ? id[root] : -1;
        }
        int[] dataBlock = new int[data];
        int offset = 0;
        for (JacobianBlocks part : parts) {
            int[] first = part.firstModelIndex();
            for (int i = 0; i < part.dataBlock.length; i++) {
                int b = part.dataBlock[i];
                dataBlock[offset + i] = b >= 0 && first[b] >= 0 ? modelBlock[first[b]] : -1;
            }
            offset += part.dataBlock.length;
        }
        return new JacobianBlocks(count, modelBlock, dataBlock);
    }

    /** The smallest model index of each block, -1 for a block without one. */
    private int[] firstModelIndex() {
        int[] first = new int[count];
        Arrays.fill(first, -1);
        for (int j = modelBlock.length - 1; j >= 0; j--) {
            if (modelBlock[j] >= 0) {
                first[modelBlock[j]] = j;
            }
        }
        return first;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
