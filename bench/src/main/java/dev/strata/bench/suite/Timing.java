package dev.strata.bench.suite;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Wall times of one piece of work: the first run apart (it builds plans, compiles on a device, warms the JIT), then
 * the median of {@code repeats} more, after untimed runs that let the JIT finish compiling the work's hot code.
 * {@code settled} says whether the warm-up ended with the JIT quiet (false: it ran to its cap while the JIT was
 * still compiling, so the median may include compiler threads competing with the work for cores).
 */
public record Timing(double firstSeconds, double medianSeconds, int repeats, boolean settled) {
    /** Untimed runs after the first go on for at least this long. */
    static final double WARMUP_SECONDS = 0.5;
    /** ... and then until the runs of the last {@link #QUIET_SECONDS} compiled nothing, up to this long in all. */
    static final double MAX_WARMUP_SECONDS = 4.0;
    /** The window of warm-up runs in which the JIT must have finished no compilation. */
    static final double QUIET_SECONDS = 0.25;
    /** Timed runs go on past the repeats asked for until they took this long together (short work gets more). */
    static final double TIMED_SECONDS = 0.3;
    static final int MAX_TIMED_RUNS = 200;
    /** Back-to-back pairs a {@link #pairedRatio} takes at least. */
    static final int MIN_PAIRS = 5;

    /** {@link #of(int, Runnable, LongSupplier)} with this JVM's total JIT compilation time as the clock. */
    public static Timing of(int repeats, Runnable body) {
        return of(repeats, body, jitMillis());
    }

    /**
     * Collects the garbage, runs {@code body} once, then untimed for at least {@link #WARMUP_SECONDS} and on until
     * the runs of the last {@link #QUIET_SECONDS} left {@code compileClock} (milliseconds the JIT has spent
     * compiling; constant where it cannot be read) unchanged, or for {@link #MAX_WARMUP_SECONDS} at most; then at
     * least {@code repeats} (>= 1) more times, timing each, and more until {@link #TIMED_SECONDS} have passed;
     * {@link #repeats} is how many were timed.
     */
    public static Timing of(int repeats, Runnable body, LongSupplier compileClock) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        System.gc(); // what earlier rows left (the 4096^2 stencil's fields) collected now, not during this row
        long t0 = System.nanoTime();
        body.run();
        double first = (System.nanoTime() - t0) / 1e9;
        boolean settled = warmUp(body, compileClock);
        double[] s = new double[Math.max(repeats, MAX_TIMED_RUNS)];
        int n = 0;
        long timed = System.nanoTime();
        while (n < repeats || n < MAX_TIMED_RUNS && System.nanoTime() - timed < TIMED_SECONDS * 1e9) {
            long t = System.nanoTime();
            body.run();
            s[n++] = (System.nanoTime() - t) / 1e9;
        }
        return new Timing(first, median(Arrays.copyOf(s, n)), n, settled);
    }

    /** {@link #pairedRatio(int, DoubleSupplier, DoubleSupplier, LongSupplier)} of two pieces of work's wall times. */
    public static double pairedRatio(int repeats, Runnable reference, Runnable work) {
        LongSupplier clock = System::nanoTime;
        return pairedRatio(repeats, wallSeconds(reference, clock), wallSeconds(work, clock), clock);
    }

    /**
     * work's seconds over reference's (each supplier runs its work once and says how long it took) as the median of
     * ratios of back-to-back runs (reference, then work), so that a phase of a shared machine that slows both in turn
     * leaves their ratio alone, where a ratio of two medians timed seconds apart takes it in full. At least
     * max({@code repeats}, {@link #MIN_PAIRS}) pairs, more until {@link #TIMED_SECONDS} have passed on
     * {@code nanoClock}, {@link #MAX_TIMED_RUNS} at most; both should be warm ({@link #of} first).
     */
    public static double pairedRatio(int repeats, DoubleSupplier reference, DoubleSupplier work,
                                     LongSupplier nanoClock) {
        int least = Math.max(repeats, MIN_PAIRS);
        double[] ratios = new double[Math.max(least, MAX_TIMED_RUNS)];
        int n = 0;
        long start = nanoClock.getAsLong();
        while (n < least || n < MAX_TIMED_RUNS && nanoClock.getAsLong() - start < TIMED_SECONDS * 1e9) {
            double r = reference.getAsDouble();
            ratios[n++] = work.getAsDouble() / r;
        }
        return median(Arrays.copyOf(ratios, n));
    }

    /** A supplier that runs {@code work} and returns its wall time in seconds. */
    public static DoubleSupplier wallSeconds(Runnable work) {
        return wallSeconds(work, System::nanoTime);
    }

    /** A supplier that runs {@code work} and returns its wall time in seconds on {@code nanoClock}. */
    static DoubleSupplier wallSeconds(Runnable work, LongSupplier nanoClock) {
        return () -> {
            long t = nanoClock.getAsLong();
            work.run();
            return (nanoClock.getAsLong() - t) / 1e9;
        };
    }

    /** The untimed runs of {@link #of}; true if they ended with the JIT quiet, false at {@link #MAX_WARMUP_SECONDS}. */
    private static boolean warmUp(Runnable body, LongSupplier compileClock) {
        long start = System.nanoTime();
        long quietSince = start;
        long compiled = compileClock.getAsLong();
        while (true) {
            long now = System.nanoTime();
            if (now - start >= WARMUP_SECONDS * 1e9 && now - quietSince >= QUIET_SECONDS * 1e9) {
                return true;
            }
            if (now - start >= MAX_WARMUP_SECONDS * 1e9) {
                return false;
            }
            body.run();
            long c = compileClock.getAsLong();
            if (c != compiled) {
                compiled = c;
                quietSince = System.nanoTime();
            }
        }
    }

    /** The JIT's total compilation time in milliseconds, or a constant 0 where the JVM does not monitor it. */
    static LongSupplier jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return () -> 0L;
        }
        return jit::getTotalCompilationTime;
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
