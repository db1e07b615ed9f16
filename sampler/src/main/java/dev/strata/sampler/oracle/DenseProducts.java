package dev.strata.sampler.oracle;

import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense matrix products for the small-d oracles, C (+)= A B with A [n x d], B [d x e], C [n x e], all row-major
 * double. Register-blocked (4 rows of C by one vector of columns, accumulators kept in registers across the inner
 * dimension), Vector API lanes, parallel over blocks of 64 rows. A batch of n samples through a d x d eigenbasis
 * is one such product instead of n matrix-vector loops.
 */
final class DenseProducts {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int TASK_ROWS = 64;

    private DenseProducts() {
    }

    /**
     * C = A B, or C += A B when {@code accumulate}. {@code a} and {@code b} are not modified; {@code c} is.
     */
    static void multiply(double[] a, int n, int d, double[] b, int e, double[] c, boolean accumulate) {
        if (a.length < (long) n * d || b.length < (long) d * e || c.length < (long) n * e) {
            throw new IllegalArgumentException("matrix sizes do not match " + n + " x " + d + " x " + e);
        }
        int tasks = (n + TASK_ROWS - 1) / TASK_ROWS;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            int r1 = Math.min(n, (t + 1) * TASK_ROWS);
            int r = t * TASK_ROWS;
            for (; r + 4 <= r1; r += 4) {
                rows4(a, r, d, b, e, c, accumulate);
            }
            for (; r < r1; r++) {
                row1(a, r, d, b, e, c, accumulate);
            }
        });
    }

    private static void rows4(double[] a, int r, int d, double[] b, int e, double[] c, boolean accumulate) {
        int a0 = r * d;
        int a1 = a0 + d;
        int a2 = a1 + d;
        int a3 = a2 + d;
        int c0 = r * e;
        int c1 = c0 + e;
        int c2 = c1 + e;
        int c3 = c2 + e;
        int j = 0;
        for (; j + L <= e; j += L) {
            DoubleVector s0 = accumulate ? DoubleVector.fromArray(S, c, c0 + j) : DoubleVector.zero(S);
            DoubleVector s1 = accumulate ? DoubleVector.fromArray(S, c, c1 + j) : DoubleVector.zero(S);
            DoubleVector s2 = accumulate ? DoubleVector.fromArray(S, c, c2 + j) : DoubleVector.zero(S);
            DoubleVector s3 = accumulate ? DoubleVector.fromArray(S, c, c3 + j) : DoubleVector.zero(S);
            for (int i = 0; i < d; i++) {
                DoubleVector bv = DoubleVector.fromArray(S, b, i * e + j);
                s0 = bv.fma(DoubleVector.broadcast(S, a[a0 + i]), s0);
                s1 = bv.fma(DoubleVector.broadcast(S, a[a1 + i]), s1);
                s2 = bv.fma(DoubleVector.broadcast(S, a[a2 + i]), s2);
                s3 = bv.fma(DoubleVector.broadcast(S, a[a3 + i]), s3);
            }
            s0.intoArray(c, c0 + j);
            s1.intoArray(c, c1 + j);
            s2.intoArray(c, c2 + j);
            s3.intoArray(c, c3 + j);
        }
        for (; j < e; j++) {
            double s0 = accumulate ? c[c0 + j] : 0;
            double s1 = accumulate ? c[c1 + j] : 0;
            double s2 = accumulate ? c[c2 + j] : 0;
            double s3 = accumulate ? c[c3 + j] : 0;
            for (int i = 0; i < d; i++) {
                double bij = b[i * e + j];
                s0 += a[a0 + i] * bij;
                s1 += a[a1 + i] * bij;
                s2 += a[a2 + i] * bij;
                s3 += a[a3 + i] * bij;
            }
            c[c0 + j] = s0;
            c[c1 + j] = s1;
            c[c2 + j] = s2;
            c[c3 + j] = s3;
        }
    }

    private static void row1(double[] a, int r, int d, double[] b, int e, double[] c, boolean accumulate) {
        int a0 = r * d;
        int c0 = r * e;
        int j = 0;
        for (; j + L <= e; j += L) {
            DoubleVector s0 = accumulate ? DoubleVector.fromArray(S, c, c0 + j) : DoubleVector.zero(S);
            for (int i = 0; i < d; i++) {
                s0 = DoubleVector.fromArray(S, b, i * e + j).fma(DoubleVector.broadcast(S, a[a0 + i]), s0);
            }
            s0.intoArray(c, c0 + j);
        }
        for (; j < e; j++) {
            double s0 = accumulate ? c[c0 + j] : 0;
            for (int i = 0; i < d; i++) {
                s0 += a[a0 + i] * b[i * e + j];
            }
            c[c0 + j] = s0;
        }
    }
}
