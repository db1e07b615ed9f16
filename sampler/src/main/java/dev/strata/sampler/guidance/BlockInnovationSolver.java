package dev.strata.sampler.guidance;

import dev.strata.forward.BlockJacobian;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.JacobianBlocks;
import dev.strata.sampler.linalg.UpperCholesky;
import dev.strata.sampler.linalg.UpperGram;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * w = S^-1 r exactly, per sample, for S = J diag(c) J^T + diag(C_d) when J has a block-diagonal pattern
 * ({@link JacobianBlocks}): S = blockdiag(S_k), S_k = J_k diag(c on M_k) J_k^T + diag(C_d on D_k), and w = r / C_d
 * on the data in no block. Each J_k comes from {@link ForwardOperator#blockJacobian} (in closed form, or probed by
 * JVPs, a few samples a call) where its block is solved: S_k is summed from its columns ({@link UpperGram}) and
 * solved by its Cholesky factor ({@link UpperCholesky}), the blocks in parallel.
 */
final class BlockInnovationSolver {
    /** Most model or data indices in a block the solver takes; wider blocks are left to conjugate gradients. */
    static final int MAX_BLOCK = 1024;
    /**
     * Most model values (samples times probes times model size) of one {@link ForwardOperator#blockJacobian}, which
     * holds two copies of them when it probes by JVPs (64 MB of floats each): whole samples, at least one. Each call
     * is one parallel loop over its samples' blocks; builtin:seismic's 8 samples are one call.
     */
    private static final long VALUES_PER_CALL = 1L << 24;

    private final ForwardOperator operator;
    private final double[] dataVariance;
    private final int[][] model;
    private final int[][] data;
    private final int[] unblocked;
    private final int probes;
    private final long valuesPerCall;
    /** Each thread's arrays for its blocks, kept from block to block and call to call. */
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    /**
     * The arrays of a block's solve: J_k as the operator gives it, its non-zero columns of J_k diag(sqrt c), packed,
     * with the rows each reaches, and S_k, both in {@link UpperGram}'s layout; grown to the largest block a thread
     * has solved.
     */
    static final class Workspace {
        float[] block = new float[0];
        double[] columns = new double[0];
        int[] lo = new int[0];
        int[] hi = new int[0];
        double[] gram = new double[0];

        /** Room for p columns of d rows and S at this stride, S zeroed. */
        Workspace fit(int p, int d, int stride) {
            if (block.length < p * d) {
                block = new float[p * d];
            }
            if (columns.length < p * stride) {
                columns = new double[p * stride];
            }
            if (lo.length < p) { // a block of more, shorter columns may fit the columns of the last
                lo = new int[p];
                hi = new int[p];
            }
            if (gram.length < stride * stride) {
                gram = new double[stride * stride];
            } else {
                Arrays.fill(gram, 0, stride * stride, 0.0);
            }
            return this;
        }
    }

    private BlockInnovationSolver(ForwardOperator operator, JacobianBlocks blocks, double[] dataVariance,
                                  long valuesPerCall) {
        this.operator = operator;
        this.valuesPerCall = valuesPerCall;
        this.dataVariance = dataVariance;
        this.model = blocks.modelIndices();
        this.data = blocks.dataIndices();
        int[] dataBlock = blocks.dataBlock();
        this.unblocked = IntStream.range(0, dataBlock.length).filter(i -> dataBlock[i] < 0).toArray();
        this.probes = blocks.widest();
    }

    /**
     * The solver for {@code operator}'s pattern, if it has one whose blocks hold at most {@link #MAX_BLOCK} model
     * and data indices each.
     */
    static Optional<BlockInnovationSolver> of(ForwardOperator operator, double[] dataVariance) {
        return of(operator, dataVariance, VALUES_PER_CALL);
    }

    /** As {@link #of(ForwardOperator, double[])} with at most {@code valuesPerCall} model values a call. */
    static Optional<BlockInnovationSolver> of(ForwardOperator operator, double[] dataVariance, long valuesPerCall) {
        return operator.jacobianBlocks().filter(b -> b.dataBlock().length == dataVariance.length
                && b.widest() <= MAX_BLOCK && Arrays.stream(b.dataIndices()).allMatch(d -> d.length <= MAX_BLOCK))
                .map(b -> new BlockInnovationSolver(operator, b, dataVariance, valuesPerCall));
    }

    /**
     * w = S^-1 r for each of the {@code n} samples, J the operator's Jacobian at x̂0.
     *
     * @param x0hat x̂0, [n, size]
     * @param c     diag(C) per sample, [n, size]
     * @param r     [n, m]
     */
    double[] solve(float[] x0hat, float[] c, double[] r, int n) {
        int size = operator.inputSize();
        int m = dataVariance.length;
        double[] w = new double[n * m];
        int perCall = (int) Math.clamp(valuesPerCall / ((long) Math.max(1, probes) * size), 1, Math.max(1, n));
        for (int first = 0; first < n; first += perCall) {
            int count = Math.min(perCall, n - first);
            BlockJacobian jacobian = operator.blockJacobian(
                    Arrays.copyOfRange(x0hat, first * size, (first + count) * size), count);
            int from = first;
            IntStream.range(0, count * model.length).parallel().forEach(job -> {
                int b = from + job / model.length;
                solveBlock(job % model.length, jacobian, job / model.length, c, b * size, r, w, b * m);
            });
            for (int b = first; b < first + count; b++) {
                for (int j : unblocked) {
                    w[b * m + j] = r[b * m + j] / dataVariance[j];
                }
            }
        }
        return w;
    }

    /** w on D_k = S_k^-1 r on D_k for sample b of {@code jacobian}, diag(C) at {@code cOffset}. */
    private void solveBlock(int k, BlockJacobian jacobian, int b, float[] c, int cOffset, double[] r, double[] w,
                            int rOffset) {
        int[] rows = data[k];
        int[] cols = model[k];
        int d = rows.length;
        if (d == 0) {
            return;
        }
        int stride = UpperGram.stride(d);
        Workspace ws = workspaces.get().fit(cols.length, d, stride);
        jacobian.block(b, k, ws.block);
        float[] entries = ws.block;
        double[] a = ws.columns;
        int[] lo = ws.lo;
        int[] hi = ws.hi;
        int p = 0;
        for (int q = 0; q < cols.length; q++) {
            int from = q * d;
            int first = 0;
            while (first < d && entries[from + first] == 0) {
                first++;
            }
            if (first == d) {
                continue; // J_k's column q is 0: it adds nothing to S_k
            }
            int last = d - 1;
            while (entries[from + last] == 0) {
                last--;
            }
            double scale = Math.sqrt(c[cOffset + cols[q]]);
            int base = p * stride;
            for (int i = 0; i < d; i++) {
                a[base + i] = scale * entries[from + i];
            }
            Arrays.fill(a, base + d, base + stride, 0.0);
            lo[p] = first;
            hi[p] = last;
            p++;
        }
        double[] sum = ws.gram;
        UpperGram.add(sum, d, a, p, lo, hi);
        double[] rhs = new double[d];
        for (int i = 0; i < d; i++) {
            sum[i * stride + i] += dataVariance[rows[i]];
            rhs[i] = r[rOffset + rows[i]];
        }
        if (!UpperCholesky.factor(sum, d, stride)) {
            throw new IllegalStateException("J C J^T + C_d of block " + k + " is not positive definite");
        }
        UpperCholesky.solve(sum, d, stride, rhs);
        for (int i = 0; i < d; i++) {
            w[rOffset + rows[i]] = rhs[i];
        }
    }
}
