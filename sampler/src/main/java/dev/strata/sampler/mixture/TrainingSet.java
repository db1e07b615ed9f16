package dev.strata.sampler.mixture;

import dev.strata.forward.Shapes;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * A stored set of training examples {x_k}, k = 0..N-1, each of {@link #size()} values, with the two batched
 * products every memorized / Gaussian-mixture computation needs: inner products G[b, k] = x_b . x_k of a batch with
 * all examples, and weighted sums S[b] = sum_k W[b, k] x_k. Squared distances follow as ||x_b||^2 - 2 G[b, k] +
 * ||x_k||^2 with the norms precomputed ({@link #squaredNorm(int)}).
 *
 * <p>Examples are stored as float; every product of two floats is exact in double and every sum is accumulated in
 * double (Vector API, float lanes widened to double), because at small noise levels softmax logits divide these
 * sums by sigma^2 ~ 1e-6 and float accumulation would swamp them. Work is blocked so that a block of examples stays
 * in cache while the batch streams past it, and runs in parallel over example blocks (inner products) or over
 * blocks of the sample dimension (weighted sums). At 2 x 80 x 100 values and 4000 examples the set takes 256 MB.
 */
public final class TrainingSet {
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DS.vectorBitSize() / 2));
    private static final int LANES = DS.length();
    private static final int ROWS = 4; // examples per register block
    private static final int CHUNK = 1024; // values per weighted-sum block (fits L1/L2 with 8 accumulators)
    private static final int BATCH_BLOCK = 8; // weighted-sum rows per pass over the examples
    private static final int GROUP = 4; // examples folded into each accumulator update

    private final int[] shape;
    private final int count;
    private final int size;
    private final float[] data;
    private final double[] norms;

    /**
     * @param shape shape of one example
     * @param data  examples, flat [count, size] (copied, not modified)
     * @param count N, at least 1
     */
    public TrainingSet(int[] shape, float[] data, int count) {
        this.size = Shapes.size(shape);
        Shapes.requireBatch("training set", data, count, size);
        this.shape = shape.clone();
        this.count = count;
        this.data = data.clone();
        this.norms = new double[count];
        IntStream.range(0, count).parallel().forEach(k -> norms[k] = dot(this.data, k * size, this.data, k * size, size));
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Values per example. */
    public int size() {
        return size;
    }

    /** N, the number of examples. */
    public int count() {
        return count;
    }

    /** ||x_k||^2 in double. */
    public double squaredNorm(int k) {
        return norms[k];
    }

    /** A copy of example {@code k}. */
    public float[] example(int k) {
        float[] e = new float[size];
        System.arraycopy(data, k * size, e, 0, size);
        return e;
    }

    /** Value {@code i} of example {@code k}. */
    public float value(int k, int i) {
        return data[k * size + i];
    }

    /** A copy of all examples, flat [count, size]. */
    public float[] examples() {
        return data.clone();
    }

    /**
     * G[b, k] = x_b . x_k for a batch of {@code n}; each of {@code xs} is [n, size] and gets its own [n, count] result
     * (several inputs share one pass over the examples). Inputs are not modified.
     */
    public double[][] inner(int n, float[]... xs) {
        for (float[] x : xs) {
            Shapes.requireBatch("TrainingSet.inner input", x, n, size);
        }
        double[][] out = new double[xs.length][n * count];
        int blocks = (count + ROWS - 1) / ROWS;
        IntStream.range(0, blocks).parallel().forEach(blk -> {
            int k0 = blk * ROWS;
            int rows = Math.min(ROWS, count - k0);
            double[] r = new double[ROWS];
            for (int q = 0; q < xs.length; q++) {
                for (int b = 0; b < n; b++) {
                    if (rows == ROWS) {
                        dot4(xs[q], b * size, k0, r);
                    } else {
                        for (int j = 0; j < rows; j++) {
                            r[j] = dot(xs[q], b * size, data, (k0 + j) * size, size);
                        }
                    }
                    for (int j = 0; j < rows; j++) {
                        out[q][b * count + k0 + j] = r[j];
                    }
                }
            }
        });
        return out;
    }

    /** ||x_b||^2 in double for a batch of {@code n} (not modified). */
    public double[] squaredNorms(float[] x, int n) {
        Shapes.requireBatch("TrainingSet.squaredNorms input", x, n, size);
        double[] s = new double[n];
        for (int b = 0; b < n; b++) {
            s[b] = dot(x, b * size, x, b * size, size);
        }
        return s;
    }

    /** d^2[b, k] = ||x_b - x_k||^2 = ||x_b||^2 - 2 x_b . x_k + ||x_k||^2 (clipped at 0), [n, count]. */
    public double[] squaredDistances(float[] x, int n) {
        double[] g = inner(n, x)[0];
        double[] xn = squaredNorms(x, n);
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < count; k++) {
                g[b * count + k] = Math.max(0, xn[b] - 2 * g[b * count + k] + norms[k]);
            }
        }
        return g;
    }

    /**
     * S[b] = sum_k W[b, k] x_k for each weight matrix of {@code ws} ([n, count] each, not modified); returns one
     * [n, size] double array per weight matrix. Groups of four examples whose weights are all exactly zero are
     * skipped, so sparse (peaked) weights are cheap.
     */
    public double[][] weightedSums(int n, double[]... ws) {
        for (double[] w : ws) {
            if (w.length != (long) n * count) {
                throw new IllegalArgumentException("weights need " + n + " x " + count + " values, got " + w.length);
            }
        }
        int rowsTotal = ws.length * n;
        double[][] out = new double[ws.length][n * size];
        int chunks = (size + CHUNK - 1) / CHUNK;
        int rowBlocks = (rowsTotal + BATCH_BLOCK - 1) / BATCH_BLOCK;
        IntStream.range(0, chunks * rowBlocks).parallel().forEach(task -> {
            int c = task % chunks;
            int rb = task / chunks;
            int lo = c * CHUNK;
            int len = Math.min(CHUNK, size - lo);
            int r0 = rb * BATCH_BLOCK;
            int rows = Math.min(BATCH_BLOCK, rowsTotal - r0);
            double[][] acc = new double[rows][len];
            double[] wk = new double[rows * GROUP];
            int[] active = new int[rows];
            for (int k0 = 0; k0 < count; k0 += GROUP) {
                int g = Math.min(GROUP, count - k0);
                int na = 0;
                for (int r = 0; r < rows; r++) {
                    int row = r0 + r;
                    double[] w = ws[row / n];
                    int off = (row % n) * count + k0;
                    boolean any = false;
                    for (int j = 0; j < GROUP; j++) {
                        double v = j < g ? w[off + j] : 0;
                        wk[na * GROUP + j] = v;
                        any |= v != 0;
                    }
                    if (any) {
                        active[na++] = r;
                    }
                }
                if (na > 0) {
                    axpyRows(k0, g, lo, len, acc, active, wk, na);
                }
            }
            for (int r = 0; r < rows; r++) {
                int row = r0 + r;
                System.arraycopy(acc[r], 0, out[row / n], (row % n) * size + lo, len);
            }
        });
        return out;
    }

    // acc[active[a]][i] += sum_j wk[a * GROUP + j] * x_{k0+j}[lo + i], i < len: GROUP examples per pass over acc
    private void axpyRows(int k0, int g, int lo, int len, double[][] acc, int[] active, double[] wk, int na) {
        int o0 = k0 * size + lo;
        int o1 = g > 1 ? o0 + size : o0;
        int o2 = g > 2 ? o0 + 2 * size : o0;
        int o3 = g > 3 ? o0 + 3 * size : o0; // missing examples carry weight 0 and reread example k0
        int i = 0;
        for (; i <= len - LANES; i += LANES) {
            DoubleVector t0 = widen(data, o0 + i);
            DoubleVector t1 = widen(data, o1 + i);
            DoubleVector t2 = widen(data, o2 + i);
            DoubleVector t3 = widen(data, o3 + i);
            for (int a = 0; a < na; a++) {
                double[] row = acc[active[a]];
                int w = a * GROUP;
                DoubleVector s = DoubleVector.fromArray(DS, row, i);
                s = t0.fma(DoubleVector.broadcast(DS, wk[w]), s);
                s = t1.fma(DoubleVector.broadcast(DS, wk[w + 1]), s);
                s = t2.fma(DoubleVector.broadcast(DS, wk[w + 2]), s);
                s = t3.fma(DoubleVector.broadcast(DS, wk[w + 3]), s);
                s.intoArray(row, i);
            }
        }
        for (; i < len; i++) {
            double t0 = data[o0 + i];
            double t1 = data[o1 + i];
            double t2 = data[o2 + i];
            double t3 = data[o3 + i];
            for (int a = 0; a < na; a++) {
                int w = a * GROUP;
                acc[active[a]][i] += wk[w] * t0 + wk[w + 1] * t1 + wk[w + 2] * t2 + wk[w + 3] * t3;
            }
        }
    }

    // r[j] = x[xo..xo+size) . x_{k0+j}, j < 4
    private void dot4(float[] x, int xo, int k0, double[] r) {
        int o0 = k0 * size;
        int o1 = o0 + size;
        int o2 = o1 + size;
        int o3 = o2 + size;
        DoubleVector a0 = DoubleVector.zero(DS);
        DoubleVector a1 = DoubleVector.zero(DS);
        DoubleVector a2 = DoubleVector.zero(DS);
        DoubleVector a3 = DoubleVector.zero(DS);
        int i = 0;
        for (; i <= size - LANES; i += LANES) {
            DoubleVector xv = widen(x, xo + i);
            a0 = widen(data, o0 + i).fma(xv, a0);
            a1 = widen(data, o1 + i).fma(xv, a1);
            a2 = widen(data, o2 + i).fma(xv, a2);
            a3 = widen(data, o3 + i).fma(xv, a3);
        }
        double s0 = a0.reduceLanes(VectorOperators.ADD);
        double s1 = a1.reduceLanes(VectorOperators.ADD);
        double s2 = a2.reduceLanes(VectorOperators.ADD);
        double s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < size; i++) {
            double v = x[xo + i];
            s0 += v * data[o0 + i];
            s1 += v * data[o1 + i];
            s2 += v * data[o2 + i];
            s3 += v * data[o3 + i];
        }
        r[0] = s0;
        r[1] = s1;
        r[2] = s2;
        r[3] = s3;
    }

    private static double dot(float[] a, int ao, float[] b, int bo, int len) {
        DoubleVector acc = DoubleVector.zero(DS);
        int i = 0;
        for (; i <= len - LANES; i += LANES) {
            acc = widen(a, ao + i).fma(widen(b, bo + i), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            s += (double) a[ao + i] * b[bo + i];
        }
        return s;
    }

    private static DoubleVector widen(float[] a, int off) {
        return (DoubleVector) FloatVector.fromArray(FS, a, off).convertShape(VectorOperators.F2D, DS, 0);
    }
}
