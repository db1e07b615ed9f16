package dev.strata.sampler.oracle.levy;

/**
 * In-place Cholesky factorisation Q = L L^T of a symmetric positive definite n x n matrix of half-bandwidth w, and
 * the solves and draws that follow from it, in O(n w^2). Storage is the lower band, row-major: entry (i, i - t),
 * t = 0..w, at {@code a[i * (w + 1) + t]} (entries with i - t < 0 are unused).
 */
final class BandedCholesky {
    private BandedCholesky() {
    }

    /** Overwrites the lower band of Q with that of L; fails if Q is not numerically positive definite. */
    static void factor(double[] a, int n, int w) {
        int stride = w + 1;
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - w); j <= i; j++) {
                double s = a[i * stride + i - j];
                for (int k = Math.max(0, i - w); k < j; k++) {
                    s -= a[i * stride + i - k] * a[j * stride + j - k];
                }
                if (j == i) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("matrix not positive definite at row " + i + " (" + s + ")");
                    }
                    a[i * stride] = Math.sqrt(s);
                } else {
                    a[i * stride + i - j] = s / a[j * stride];
                }
            }
        }
    }

    /** log det Q = 2 sum log L_ii, from the factor. */
    static double logDet(double[] l, int n, int w) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * (w + 1)]);
        }
        return 2 * s;
    }

    /** b := Q^-1 b, from the factor. */
    static void solve(double[] l, int n, int w, double[] b) {
        lower(l, n, w, b);
        upper(l, n, w, b);
    }

    /** b := L^-1 b. */
    static void lower(double[] l, int n, int w, double[] b) {
        int stride = w + 1;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = Math.max(0, i - w); k < i; k++) {
                s -= l[i * stride + i - k] * b[k];
            }
            b[i] = s / l[i * stride];
        }
    }

    /** b := L^-T b (a draw of N(0, Q^-1) when b is white). */
    static void upper(double[] l, int n, int w, double[] b) {
        int stride = w + 1;
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k <= Math.min(n - 1, i + w); k++) {
                s -= l[k * stride + k - i] * b[k];
            }
            b[i] = s / l[i * stride];
        }
    }
}
