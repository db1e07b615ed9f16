package dev.strata.bench.suite;

import java.util.Arrays;

/**
 * Wall times of one piece of work: the first run apart (it builds plans, compiles on a device, warms the JIT), then
 * the median of {@code repeats} more, after untimed runs that let the JIT finish compiling the work's hot code.
 */
public record Timing(double firstSeconds, double medianSeconds, int repeats) {
    /** Untimed runs after the first go on until they took this long together (or {@link #MAX_WARMUP_RUNS} ran). */
    static final double WARMUP_SECONDS = 0.5;
    static final int MAX_WARMUP_RUNS = 50;
    /** Timed runs go on past the repeats asked for until they took this long together (short work gets more). */
    static final double TIMED_SECONDS = 0.3;
    static final int MAX_TIMED_RUNS = 200;

    /**
     * Runs {@code body} once, then untimed until {@link #WARMUP_SECONDS} have passed, then at least {@code repeats}
     * (>= 1) more times, timing each, and more until {@link #TIMED_SECONDS} have passed; {@link #repeats} is how many
     * were timed.
     */
    public static Timing of(int repeats, Runnable body) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        long t0 = System.nanoTime();
        body.run();
        double first = (System.nanoTime() - t0) / 1e9;
        long warm = System.nanoTime();
        for (int w = 0; w < MAX_WARMUP_RUNS && System.nanoTime() - warm < WARMUP_SECONDS * 1e9; w++) {
            body.run();
        }
        double[] s = new double[Math.max(repeats, MAX_TIMED_RUNS)];
        int n = 0;
        long timed = System.nanoTime();
        while (n < repeats || n < MAX_TIMED_RUNS && System.nanoTime() - timed < TIMED_SECONDS * 1e9) {
            long t = System.nanoTime();
            body.run();
            s[n++] = (System.nanoTime() - t) / 1e9;
        }
        return new Timing(first, median(Arrays.copyOf(s, n)), n);
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
