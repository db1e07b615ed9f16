package dev.strata.sampler.quality;

import java.util.Arrays;

/**
 * The 1-Wasserstein (earth mover's) distance between two empirical distributions on the line, exactly:
 * W_1(P, Q) = integral |F_P(t) - F_Q(t)| dt over the step functions F of the sorted values. The two samples may
 * differ in size.
 */
public final class WassersteinDistance {
    private WassersteinDistance() {
    }

    /** W_1 between the empirical distributions of {@code a} and {@code b} (neither modified, neither empty). */
    public static double between(double[] a, double[] b) {
        double[] p = a.clone();
        double[] q = b.clone();
        Arrays.sort(p);
        Arrays.sort(q);
        return betweenSorted(p, q);
    }

    /** As {@link #between} for values already sorted ascending. */
    public static double betweenSorted(double[] p, double[] q) {
        if (p.length == 0 || q.length == 0) {
            throw new IllegalArgumentException("need values on both sides, got " + p.length + " and " + q.length);
        }
        int i = 0;
        int j = 0;
        double t = Math.min(p[0], q[0]);
        double distance = 0;
        while (i < p.length || j < q.length) {
            double next = Math.min(i < p.length ? p[i] : Double.POSITIVE_INFINITY,
                    j < q.length ? q[j] : Double.POSITIVE_INFINITY);
            distance += Math.abs((double) i / p.length - (double) j / q.length) * (next - t);
            t = next;
            while (i < p.length && p[i] == t) {
                i++;
            }
            while (j < q.length && q[j] == t) {
                j++;
            }
        }
        return distance;
    }
}
