package dev.strata.tornado;

/** Cross-backend differences: the largest elementwise difference relative to the reference's largest magnitude. */
final class Differences {
    private Differences() {
    }

    /** max_i |a_i - ref_i| / max_i |ref_i|; arrays of equal length, ref not all zero. */
    static double maxRelative(double[] a, double[] ref) {
        if (a.length != ref.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + ref.length);
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - ref[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the reference is zero: nothing to compare against");
        }
        return diff / scale;
    }

    /** {@link #maxRelative(double[], double[])} of float arrays. */
    static double maxRelative(float[] a, float[] ref) {
        return maxRelative(toDouble(a), toDouble(ref));
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
