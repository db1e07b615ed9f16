package dev.strata.bench.suite;

import java.util.Arrays;

/**
 * Wall times of one piece of work: the first run apart (it builds plans, compiles on a device, warms the JIT), then
 * the median of {@code repeats} more.
 */
public record Timing(double firstSeconds, double medianSeconds, int repeats) {

    /** Runs {@code body} once, then {@code repeats} (>= 1) more times, timing each. */
    public static Timing of(int repeats, Runnable body) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        long t0 = System.nanoTime();
        body.run();
        double first = (System.nanoTime() - t0) / 1e9;
        double[] s = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            body.run();
            s[r] = (System.nanoTime() - t) / 1e9;
        }
        return new Timing(first, median(s), repeats);
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
