package dev.strata.sampler.guidance;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * w = S^-1 r for a symmetric positive definite S through its Cholesky factor S = U^T U (Golub and Van Loan,
 * Matrix Computations, 4th ed., algorithm 4.2.2 by rows), in place: the right-looking factorisation, whose trailing
 * update subtracts u_ki times row k of U from row i, then U^T y = r by rows and U w = y by row dot products, all
 * three as Vector API loops over contiguous rows ({@link #addScaled}, which {@link BlockInnovationSolver} also sums
 * its blocks with).
 *
 * <p>Why not EJML's: its Cholesky ({@code CholeskyDecompositionInner_DDRM}, which {@code LinearSolverFactory_DDRM.chol}
 * picks at these sizes) runs scalar inner loops, and the solves of corrected DPS's blocks (80 to 240 rows, one per
 * trace, sample and reverse step) are a hot loop of a seismic + wells step; this is the same arithmetic in vectors
 * of doubles.
 */
final class UpperCholesky {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private UpperCholesky() {
    }

    /**
     * Overwrites the upper triangle of {@code s} (d x d, row-major with rows {@code ld} &gt;= d apart; the strict lower
     * triangle is neither read nor written) with U, S = U^T U. False, with s partly overwritten, where a pivot is not
     * positive (S not positive definite).
     */
    static boolean factor(double[] s, int d, int ld) {
        for (int k = 0; k < d; k++) {
            int rowK = k * ld;
            double pivot = s[rowK + k];
            if (!(pivot > 0)) {
                return false;
            }
            double ukk = Math.sqrt(pivot);
            s[rowK + k] = ukk;
            scale(s, rowK + k + 1, rowK + d, 1.0 / ukk);
            for (int i = k + 1; i < d; i++) {
                double uki = s[rowK + i];
                if (uki != 0) {
                    addScaled(s, i * ld + i, s, rowK + i, d - i, -uki);
                }
            }
        }
        return true;
    }

    /**
     * Overwrites {@code r} (length d) with w = (U^T U)^-1 r, U the factor {@link #factor} left in {@code u} (rows
     * {@code ld} apart).
     */
    static void solve(double[] u, int d, int ld, double[] r) {
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
    static void addScaled(double[] y, int to, double[] x, int from, int n, double f) {
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
