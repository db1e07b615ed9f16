package dev.strata.cli.experiment;

/** Root-mean-square difference of two models: sqrt((1/d) sum_i (a_i - b_i)^2), in their units (m/s for FWI). */
final class Rmse {
    private Rmse() {
    }

    /** Between {@code a[aFrom, aFrom + d)} and {@code b[0, d)}, {@code d = b.length}; neither is modified. */
    static double of(float[] a, int aFrom, float[] b) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            double r = a[aFrom + i] - b[i];
            s += r * r;
        }
        return Math.sqrt(s / b.length);
    }

    static double of(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("models of " + a.length + " and " + b.length + " values");
        }
        return of(a, 0, b);
    }
}
