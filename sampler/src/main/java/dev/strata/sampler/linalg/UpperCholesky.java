package dev.strata.sampler.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * w = S^-1 r for a symmetric positive definite S through its Cholesky factor S = U^T U (Golub and Van Loan,
 * Matrix Computations, 4th ed., algorithms 4.2.2 by rows and 4.2.4 in blocks), in place: the left-looking
 * factorisation a panel of rows at a time, each panel first updated by all the rows of U above it in register
 * tiles of {@link UpperGram} (u_ki times row k subtracted from row i), then factored by {@link #addScaled} row
 * updates within it; then U^T y = r by rows and U w = y by row dot products, all as Vector API loops over
 * contiguous rows.
 *
 * <p>Why not EJML's: its Cholesky ({@code CholeskyDecompositionInner_DDRM}, which {@code LinearSolverFactory_DDRM.chol}
 * picks at these sizes) runs scalar inner loops, and the solves of corrected DPS's blocks (80 to 240 rows, one per
 * trace, sample and reverse step) are a hot loop of a seismic + wells step; this is the same factorisation in
 * vectors of doubles.
 */
public final class UpperCholesky {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private UpperCholesky() {
    }

    /** Rows of U a panel of the factorisation updates together from the rows above it: a tile's. */
    private static final int PANEL = UpperGram.ROWS;

    /**
     * Overwrites the upper triangle of {@code s} (d x d, row-major with rows {@code ld} &gt;= {@link
     * UpperGram#stride}(d) apart, ld rows held) with U, S = U^T U: a panel of rows at a time, first less the rows of U
     * above it in tiles ({@link UpperGram#subtractAbove}), then each of its rows k scaled and subtracted from the
     * panel's rows below it. Nothing outside the upper triangle is written, and the values of the strict lower triangle
     * do not matter. False, with s partly overwritten, where a pivot is not positive (S not positive definite).
     */
    public static boolean factor(double[] s, int d, int ld) {
        if (ld < UpperGram.stride(d) || s.length < ld * ld) {
            throw new IllegalArgumentException("a Cholesky factor of " + d + " rows needs rows at least "
                    + UpperGram.stride(d) + " apart and as many rows, got " + ld + " and " + s.length + " elements");
        }
        int[] last = new int[d];
        int[] rows = new int[d];
        for (int k0 = 0; k0 < d; k0 += PANEL) {
            int k1 = Math.min(d, k0 + PANEL);
            UpperGram.subtractAbove(s, d, ld, k0, last, rows);
            for (int k = k0; k < k1; k++) {
                int rowK = k * ld;
                double pivot = s[rowK + k];
                if (!(pivot > 0)) {
                    return false;
                }
                double ukk = Math.sqrt(pivot);
                s[rowK + k] = ukk;
                scale(s, rowK + k + 1, rowK + d, 1.0 / ukk);
                for (int i = k + 1; i < k1; i++) {
                    double uki = s[rowK + i];
                    if (uki != 0) {
                        addScaled(s, i * ld + i, s, rowK + i, d - i, -uki);
                    }
                }
                int j = d - 1;
                while (j > k && s[rowK + j] == 0) {
                    j--;
                }
                last[k] = j;
            }
        }
        return true;
    }

    /**
     * Overwrites {@code r} (length d) with w = (U^T U)^-1 r, U the factor {@link #factor} left in {@code u} (rows
     * {@code ld} apart).
     */
    public static void solve(double[] u, int d, int ld, double[] r) {
        for (int k = 0; k < d; k++) { // U^T y = r: y_k, then r_i -= u_ki y_k for i > k
            int rowK = k * ld;
            double yk = r[k] / u[rowK + k];
            r[k] = yk;
            if (yk != 0) {
                addScaled(r, k + 1, u, rowK + k + 1, d - k - 1, -yk);
            }
        }
        for (int i = d - 1; i >= 0; i--) { // U w = y
            int rowI = i * ld;
            r[i] = (r[i] - dot(u, rowI + i + 1, r, i + 1, d - i - 1)) / u[rowI + i];
        }
    }

    /** a[from, to) *= f. */
    private static void scale(double[] a, int from, int to, double f) {
        int j = from;
        for (; j + LANES <= to; j += LANES) {
            DoubleVector.fromArray(SPECIES, a, j).mul(f).intoArray(a, j);
        }
        for (; j < to; j++) {
            a[j] *= f;
        }
    }

    /** y[to + j] += f x[from + j] for j in [0, n): whole vectors, then the rest one by one. */
    private static void addScaled(double[] y, int to, double[] x, int from, int n, double f) {
        int j = 0;
        for (; j + LANES <= n; j += LANES) {
            DoubleVector.fromArray(SPECIES, x, from + j).mul(f)
                    .add(DoubleVector.fromArray(SPECIES, y, to + j)).intoArray(y, to + j);
        }
        for (; j < n; j++) {
            y[to + j] += f * x[from + j];
        }
    }

    /** sum_j a[aFrom + j] b[bFrom + j] for j in [0, n). */
    private static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int j = 0;
        for (; j + LANES <= n; j += LANES) {
            acc = DoubleVector.fromArray(SPECIES, a, aFrom + j).fma(DoubleVector.fromArray(SPECIES, b, bFrom + j), acc);
        }
        double sum = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += a[aFrom + j] * b[bFrom + j];
        }
        return sum;
    }
}
