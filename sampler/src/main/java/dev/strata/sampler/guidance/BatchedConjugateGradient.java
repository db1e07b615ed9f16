package dev.strata.sampler.guidance;

import java.util.function.UnaryOperator;

/**
 * Conjugate gradients for a batch of independent symmetric positive-definite systems M_b w_b = r_b applied
 * together ({@code apply} maps the whole batch [n, m] at once); each system keeps its own step lengths and stops at
 * ||r_b - M_b w_b|| <= tol ||r_b||, or returns the last iterate after
 * {@code maxIterations} (counted in {@link Solution#truncated}). Accumulates in double.
 */
final class BatchedConjugateGradient {
    private BatchedConjugateGradient() {
    }

    /** The solutions w, [n, m], and how many of the n systems stopped at the iteration cap above the tolerance. */
    record Solution(double[] w, int truncated) {
    }

    static Solution solve(UnaryOperator<double[]> apply, double[] rhs, int n, int m, double tol, int maxIterations) {
        double[] w = new double[rhs.length];
        double[] res = rhs.clone();
        double[] p = rhs.clone();
        double[] rr = new double[n];
        double[] stop = new double[n];
        boolean[] done = new boolean[n];
        for (int b = 0; b < n; b++) {
            rr[b] = dot(res, res, b, m);
            stop[b] = tol * tol * rr[b];
            done[b] = rr[b] == 0;
        }
        for (int it = 0; it < maxIterations; it++) {
            boolean all = true;
            for (boolean d : done) {
                all &= d;
            }
            if (all) {
                return new Solution(w, 0);
            }
            double[] q = apply.apply(p);
            for (int b = 0; b < n; b++) {
                if (done[b]) {
                    continue;
                }
                double alpha = rr[b] / dot(p, q, b, m);
                double next = 0;
                for (int j = b * m; j < (b + 1) * m; j++) {
                    w[j] += alpha * p[j];
                    res[j] -= alpha * q[j];
                    next += res[j] * res[j];
                }
                double beta = next / rr[b];
                rr[b] = next;
                for (int j = b * m; j < (b + 1) * m; j++) {
                    p[j] = res[j] + beta * p[j];
                }
                done[b] = next <= stop[b];
            }
        }
        int truncated = 0;
        for (boolean d : done) {
            truncated += d ? 0 : 1;
        }
        return new Solution(w, truncated);
    }

    private static double dot(double[] a, double[] b, int k, int m) {
        double s = 0;
        for (int j = k * m; j < (k + 1) * m; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
