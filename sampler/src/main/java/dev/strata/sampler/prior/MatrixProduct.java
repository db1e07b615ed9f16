package dev.strata.sampler.prior;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = A B for row-major A (m x k) and B (k x n): entry (i, j) is fma(a_{i,k-1}, b_{k-1,j}, ... fma(a_i0, b_0j, 0)),
 * the products summed in the order of k, each fused with its addition, whatever the vector width (the lanes of a
 * vector fused multiply-add round as {@link Math#fma} does).
 *
 * <p>Why hand-written: the cosine basis's transforms are four such products per field (40 to 100 a side) on every
 * call of the Gaussian prior's denoiser; as axpy loops each vector of C was loaded and stored once per k. Here a tile
 * of four rows by two vectors of C stays in registers over all of k, eight fused products per two vector loads of B
 * and four of A's entries, and is stored once; then one vector, then the last columns one by one. EJML's product runs
 * the axpy form.
 */
final class MatrixProduct {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of C in a tile. */
    private static final int ROWS = 4;

    private MatrixProduct() {
    }

    /** A new m x n C = A B, A at {@code a[aFrom ..]} (m x k), B at {@code b[bFrom ..]} (k x n), both row-major. */
    static double[] of(double[] a, int aFrom, int m, int k, double[] b, int bFrom, int n) {
        double[] c = new double[m * n];
        int i = 0;
        for (; i + ROWS <= m; i += ROWS) {
            int j = 0;
            for (; j + 2 * LANES <= n; j += 2 * LANES) {
                tile(a, aFrom + i * k, k, b, bFrom + j, n, c, i * n + j);
            }
            for (; j + LANES <= n; j += LANES) {
                column(a, aFrom + i * k, k, b, bFrom + j, n, c, i * n + j);
            }
            for (int r = i; r < i + ROWS; r++) {
                scalars(a, aFrom + r * k, k, b, bFrom, n, c, r * n, j);
            }
        }
        for (; i < m; i++) {
            scalars(a, aFrom + i * k, k, b, bFrom, n, c, i * n, 0);
        }
        return c;
    }

    /** Rows a0 .. a0 + 3 of A (rows k apart) times B's two vectors of columns at b0, into C at c0 (rows n apart). */
    private static void tile(double[] a, int a0, int k, double[] b, int b0, int n, double[] c, int c0) {
        DoubleVector l0 = DoubleVector.zero(SPECIES);
        DoubleVector l1 = l0;
        DoubleVector l2 = l0;
        DoubleVector l3 = l0;
        DoubleVector r0 = l0;
        DoubleVector r1 = l0;
        DoubleVector r2 = l0;
        DoubleVector r3 = l0;
        for (int p = 0; p < k; p++) {
            int row = b0 + p * n;
            DoubleVector bl = DoubleVector.fromArray(SPECIES, b, row);
            DoubleVector br = DoubleVector.fromArray(SPECIES, b, row + LANES);
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, a[a0 + p]);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, a[a0 + k + p]);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, a[a0 + 2 * k + p]);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, a[a0 + 3 * k + p]);
            l0 = bl.fma(x0, l0);
            r0 = br.fma(x0, r0);
            l1 = bl.fma(x1, l1);
            r1 = br.fma(x1, r1);
            l2 = bl.fma(x2, l2);
            r2 = br.fma(x2, r2);
            l3 = bl.fma(x3, l3);
            r3 = br.fma(x3, r3);
        }
        l0.intoArray(c, c0);
        r0.intoArray(c, c0 + LANES);
        l1.intoArray(c, c0 + n);
        r1.intoArray(c, c0 + n + LANES);
        l2.intoArray(c, c0 + 2 * n);
        r2.intoArray(c, c0 + 2 * n + LANES);
        l3.intoArray(c, c0 + 3 * n);
        r3.intoArray(c, c0 + 3 * n + LANES);
    }

    /** As {@link #tile} for one vector of columns. */
    private static void column(double[] a, int a0, int k, double[] b, int b0, int n, double[] c, int c0) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int p = 0; p < k; p++) {
            DoubleVector bv = DoubleVector.fromArray(SPECIES, b, b0 + p * n);
            s0 = bv.fma(DoubleVector.broadcast(SPECIES, a[a0 + p]), s0);
            s1 = bv.fma(DoubleVector.broadcast(SPECIES, a[a0 + k + p]), s1);
            s2 = bv.fma(DoubleVector.broadcast(SPECIES, a[a0 + 2 * k + p]), s2);
            s3 = bv.fma(DoubleVector.broadcast(SPECIES, a[a0 + 3 * k + p]), s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + n);
        s2.intoArray(c, c0 + 2 * n);
        s3.intoArray(c, c0 + 3 * n);
    }

    /** Columns j0 .. n - 1 of one row of C (at c0) from one row of A (at a0), one by one. */
    private static void scalars(double[] a, int a0, int k, double[] b, int b0, int n, double[] c, int c0, int j0) {
        for (int j = j0; j < n; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                s = Math.fma(a[a0 + p], b[b0 + p * n + j], s);
            }
            c[c0 + j] = s;
        }
    }
}
