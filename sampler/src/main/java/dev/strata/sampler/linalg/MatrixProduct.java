package dev.strata.sampler.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * C = A B for row-major A (m x k) and B (k x n): entry (i, j) is fma(a_{i,k-1}, b_{k-1,j}, ... fma(a_i0, b_0j, 0)),
 * the products summed in the order of k, each fused with its addition, whatever the vector width (the lanes of a
 * vector fused multiply-add round as {@link Math#fma} does).
 *
 * <p>Why hand-written: the cosine basis's transforms are four such products per field (40 to 100 a side) on every
 * call of the Gaussian prior's denoiser; as axpy loops each vector of C was loaded and stored once per k. Here the
 * register tiles of {@link UpperGram} (four rows by two vectors of C over all of k, eight fused products per two
 * vector loads of B and four entries of A) run over A^T and B copied into rows padded to whole tiles, and C is
 * stored once. EJML's product runs the axpy form.
 */
public final class MatrixProduct {
    private MatrixProduct() {
    }

    /** A new m x n C = A B, A at {@code a[aFrom ..]} (m x k), B at {@code b[bFrom ..]} (k x n), both row-major. */
    public static double[] of(double[] a, int aFrom, int m, int k, double[] b, int bFrom, int n) {
        int rows = Math.ceilDiv(m, UpperGram.ROWS) * UpperGram.ROWS;
        int columns = Math.ceilDiv(n, UpperGram.TILE) * UpperGram.TILE;
        double[] aT = new double[k * rows]; // A^T, rows padded to whole tiles
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                aT[p * rows + i] = a[aFrom + i * k + p];
            }
        }
        double[] padded = new double[k * columns];
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, bFrom + p * n, padded, p * columns, n);
        }
        int[] terms = IntStream.range(0, k).toArray();
        double[] c = new double[rows * columns];
        for (int i0 = 0; i0 < rows; i0 += UpperGram.ROWS) {
            for (int j0 = 0; j0 < columns; j0 += UpperGram.TILE) {
                UpperGram.addTile(c, columns, -1, aT, rows, padded, columns, terms, k, i0, j0, 1.0);
            }
        }
        if (columns == n) {
            return rows == m ? c : Arrays.copyOf(c, m * n);
        }
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(c, i * columns, out, i * n, n);
        }
        return out;
    }
}
