package dev.strata.sampler.linalg;

import java.util.Arrays;

/**
 * C = A B for row-major A (m x k) and B (k x n): entry (i, j) is fma(a_{i,k-1}, b_{k-1,j}, ... fma(a_i0, b_0j, 0)),
 * the products summed in the order of k, each fused with its addition, whatever the vector width (the lanes of a
 * vector fused multiply-add round as {@link Math#fma} does).
 *
 * <p>Why hand-written: the cosine basis's transforms are four such products per field (40 to 100 a side) on every
 * call of the Gaussian prior's denoiser; as axpy loops each vector of C was loaded and stored once per k. Here the
 * register tiles of {@link UpperGram} (four rows by two vectors of C over all of k, eight fused products per two
 * vector loads of B and four entries of A) run over A^T and B in rows padded to whole tiles ({@link Left},
 * {@link Right}: an operand used again is laid out once), and C is stored once. EJML's product runs the axpy form.
 */
public final class MatrixProduct {
    private MatrixProduct() {
    }

    /** A (m x k) as the tiles read it: A^T, k rows of {@code rows} &gt;= m entries, zero past m. */
    public record Left(double[] transposed, int m, int k, int rows) {
    }

    /** B (k x n) as the tiles read it: k rows of {@code columns} &gt;= n entries, zero past n. */
    public record Right(double[] padded, int k, int n, int columns) {
    }

    /** A at {@code a[from ..]}, m x k row-major, laid out for {@link #of(Left, Right)}. */
    public static Left left(double[] a, int from, int m, int k) {
        int rows = Math.ceilDiv(m, UpperGram.ROWS) * UpperGram.ROWS;
        double[] t = new double[k * rows];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                t[p * rows + i] = a[from + i * k + p];
            }
        }
        return new Left(t, m, k, rows);
    }

    /** B at {@code b[from ..]}, k x n row-major, laid out for {@link #of(Left, Right)}. */
    public static Right right(double[] b, int from, int k, int n) {
        int columns = Math.ceilDiv(n, UpperGram.TILE) * UpperGram.TILE;
        double[] padded = new double[k * columns];
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, from + p * n, padded, p * columns, n);
        }
        return new Right(padded, k, n, columns);
    }

    /** A new m x n C = A B, A at {@code a[aFrom ..]} (m x k), B at {@code b[bFrom ..]} (k x n), both row-major. */
    public static double[] of(double[] a, int aFrom, int m, int k, double[] b, int bFrom, int n) {
        return of(left(a, aFrom, m, k), right(b, bFrom, k, n));
    }

    /** A new m x n C = A B, row-major. */
    public static double[] of(Left a, Right b) {
        if (a.k() != b.k()) {
            throw new IllegalArgumentException("A has " + a.k() + " columns, B " + b.k() + " rows");
        }
        int k = a.k();
        int[] terms = new int[k];
        Arrays.setAll(terms, p -> p);
        double[] c = new double[a.rows() * b.columns()];
        for (int i0 = 0; i0 < a.rows(); i0 += UpperGram.ROWS) {
            for (int j0 = 0; j0 < b.columns(); j0 += UpperGram.TILE) {
                UpperGram.addTile(c, b.columns(), -1, a.transposed(), a.rows(), b.padded(), b.columns(), terms, k, i0,
                        j0, 1.0);
            }
        }
        int m = a.m();
        int n = b.n();
        if (b.columns() == n) {
            return a.rows() == m ? c : Arrays.copyOf(c, m * n);
        }
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(c, i * b.columns(), out, i * n, n);
        }
        return out;
    }
}
