package dev.strata.sampler.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * S += A A^T on the upper triangle of a d x d S, for A = [a_0 .. a_{p-1}] (d x p) given by its columns, each zero
 * outside its rows [lo_q, hi_q] (BLAS's syrk; here J_k diag(c) J_k^T of corrected DPS's trace blocks, whose columns
 * reach a wavelet's length of rows). Entry (i, j) becomes fma(a_{p-1,i}, a_{p-1,j}, ... fma(a_0i, a_0j, s_ij)):
 * the products summed in the order of q, each fused with its addition.
 *
 * <p>S and the packed columns share one layout, {@link #stride}(d) doubles a row or column, zeros past row d, so
 * that every vector a tile loads or stores lies inside them. Why hand-written: summed as rank-one updates (one axpy
 * a column and row), S is read and written once per column in rows a wavelet long; this keeps a tile of four rows
 * by two vectors of S in registers over all the columns that reach those rows, loading two vectors of a column for
 * eight fused products, and writes the tile once. EJML has no syrk in vectors.
 */
public final class UpperGram {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of S in a tile. */
    static final int ROWS = 4;
    /** Columns of S in a tile: two vectors. */
    static final int TILE = 2 * LANES;

    private UpperGram() {
    }

    /**
     * Doubles between two rows of S, or two packed columns of A, for d rows: d rounded up to whole vectors and then a
     * vector or a tile's rows more (whichever is larger), so that a tile starting on the vector of any row, or at any
     * row of a tile, lies within them.
     */
    public static int stride(int d) {
        return Math.ceilDiv(d, LANES) * LANES + Math.max(LANES, ROWS);
    }

    /**
     * s += A A^T on the upper triangle (j &gt;= i) of the d x d matrix in s, rows {@link #stride}(d) apart (s holds
     * stride rows, those past d unused); nothing else of s changes. Column q of A is
     * {@code columns[q stride .. q stride + d)}, zero outside rows [lo[q], hi[q]] and after row d up to the stride.
     */
    public static void add(double[] s, int d, double[] columns, int p, int[] lo, int[] hi) {
        int stride = stride(d);
        if (s.length < stride * stride || columns.length < p * stride) {
            throw new IllegalArgumentException("a Gram matrix of " + d + " rows needs " + stride * stride
                    + " elements and " + p + " columns " + p * stride + ", got " + s.length + " and "
                    + columns.length);
        }
        int[] reaching = new int[p];
        for (int i0 = 0; i0 < d; i0 += ROWS) {
            int rowsEnd = Math.min(d, i0 + ROWS);
            int count = 0;
            int end = 0;
            for (int q = 0; q < p; q++) {
                if (lo[q] < rowsEnd && hi[q] >= i0) {
                    reaching[count++] = q;
                    end = Math.max(end, hi[q] + 1);
                }
            }
            for (int j0 = i0 - i0 % LANES; j0 < end; j0 += TILE) {
                addTile(s, stride, d, columns, stride, columns, stride, reaching, count, i0, j0, 1.0);
            }
        }
    }

    /**
     * s_ij -= sum over k &lt; k0 of u_ki u_kj for the tile's rows k0 &lt;= i &lt; min(d, k0 + {@link #ROWS}) and i &lt;= j
     * &lt; d, in the order of k, each product fused with its subtraction: a left-looking Cholesky factorisation's
     * update of its next rows by the rows of U above them ({@link UpperCholesky}). u is d x d, row-major with rows
     * {@code ld} &gt;= {@link #stride}(d) apart, and holds ld rows; {@code last[k]} is the last non-zero column of row
     * k &lt; k0 of U, so rows that end before k0 are skipped and columns past the last that any row reaches are left
     * alone (a banded S costs its band, which its factor keeps). Only the upper triangle of those rows is written;
     * {@code rows} is room for k0 row numbers.
     */
    static void subtractAbove(double[] u, int d, int ld, int k0, int[] last, int[] rows) {
        int count = 0;
        int end = 0;
        for (int k = 0; k < k0; k++) {
            if (last[k] >= k0) {
                rows[count++] = k;
                end = Math.max(end, last[k] + 1);
            }
        }
        for (int j0 = k0 - k0 % LANES; j0 < end; j0 += TILE) {
            addTile(u, ld, d, u, ld, u, ld, rows, count, k0, j0, -1.0);
        }
    }

    /**
     * The tile of rows i0 .. i0 + 3 and columns j0 .. j0 + 2 LANES - 1 of s (rows {@code ld} apart):
     * s_ij + sign sum over c in terms[0 .. count) of y[t yStride + i] x[t xStride + j], t = terms[c], summed in
     * order in registers, each product fused with its addition, s read and written once. With d &gt;= 0 each lane
     * outside the upper triangle of the d x d matrix is written back as it was; with d &lt; 0 every lane is written
     * (a {@link MatrixProduct} tile). The Gram's terms are the columns of A (y = x = A), the factor's the rows of U
     * above the tile.
     */
    static void addTile(double[] s, int ld, int d, double[] y, int yStride, double[] x, int xStride, int[] terms,
                        int count, int i0, int j0, double sign) {
        int s0 = i0 * ld + j0;
        int s1 = s0 + ld;
        int s2 = s1 + ld;
        int s3 = s2 + ld;
        int jr = j0 + LANES;
        DoubleVector ol0 = DoubleVector.fromArray(SPECIES, s, s0);
        DoubleVector ol1 = DoubleVector.fromArray(SPECIES, s, s1);
        DoubleVector ol2 = DoubleVector.fromArray(SPECIES, s, s2);
        DoubleVector ol3 = DoubleVector.fromArray(SPECIES, s, s3);
        DoubleVector or0 = DoubleVector.fromArray(SPECIES, s, s0 + LANES);
        DoubleVector or1 = DoubleVector.fromArray(SPECIES, s, s1 + LANES);
        DoubleVector or2 = DoubleVector.fromArray(SPECIES, s, s2 + LANES);
        DoubleVector or3 = DoubleVector.fromArray(SPECIES, s, s3 + LANES);
        DoubleVector sl0 = ol0;
        DoubleVector sl1 = ol1;
        DoubleVector sl2 = ol2;
        DoubleVector sl3 = ol3;
        DoubleVector sr0 = or0;
        DoubleVector sr1 = or1;
        DoubleVector sr2 = or2;
        DoubleVector sr3 = or3;
        for (int c = 0; c < count; c++) {
            int term = terms[c];
            int xBase = term * xStride;
            int yBase = term * yStride + i0;
            DoubleVector xl = DoubleVector.fromArray(SPECIES, x, xBase + j0);
            DoubleVector xr = DoubleVector.fromArray(SPECIES, x, xBase + jr);
            DoubleVector a0 = DoubleVector.broadcast(SPECIES, sign * y[yBase]);
            DoubleVector a1 = DoubleVector.broadcast(SPECIES, sign * y[yBase + 1]);
            DoubleVector a2 = DoubleVector.broadcast(SPECIES, sign * y[yBase + 2]);
            DoubleVector a3 = DoubleVector.broadcast(SPECIES, sign * y[yBase + 3]);
            sl0 = xl.fma(a0, sl0);
            sr0 = xr.fma(a0, sr0);
            sl1 = xl.fma(a1, sl1);
            sr1 = xr.fma(a1, sr1);
            sl2 = xl.fma(a2, sl2);
            sr2 = xr.fma(a2, sr2);
            sl3 = xl.fma(a3, sl3);
            sr3 = xr.fma(a3, sr3);
        }
        ol0.blend(sl0, VectorMask.fromLong(SPECIES, upper(i0, j0, d))).intoArray(s, s0);
        ol1.blend(sl1, VectorMask.fromLong(SPECIES, upper(i0 + 1, j0, d))).intoArray(s, s1);
        ol2.blend(sl2, VectorMask.fromLong(SPECIES, upper(i0 + 2, j0, d))).intoArray(s, s2);
        ol3.blend(sl3, VectorMask.fromLong(SPECIES, upper(i0 + 3, j0, d))).intoArray(s, s3);
        or0.blend(sr0, VectorMask.fromLong(SPECIES, upper(i0, jr, d))).intoArray(s, s0 + LANES);
        or1.blend(sr1, VectorMask.fromLong(SPECIES, upper(i0 + 1, jr, d))).intoArray(s, s1 + LANES);
        or2.blend(sr2, VectorMask.fromLong(SPECIES, upper(i0 + 2, jr, d))).intoArray(s, s2 + LANES);
        or3.blend(sr3, VectorMask.fromLong(SPECIES, upper(i0 + 3, jr, d))).intoArray(s, s3 + LANES);
    }

    /**
     * The lanes, as bits, of the vector at columns j0 .. of row i that lie in the upper triangle: i &lt;= j &lt; d;
     * all of them for d &lt; 0.
     */
    private static long upper(int i, int j0, int d) {
        if (d < 0) {
            return -1L >>> (Long.SIZE - LANES);
        }
        int from = Math.clamp(i - j0, 0, LANES);
        int to = i < d ? Math.clamp(d - j0, 0, LANES) : 0;
        return to <= from ? 0L : (-1L >>> (Long.SIZE - to)) & (-1L << from);
    }
}
