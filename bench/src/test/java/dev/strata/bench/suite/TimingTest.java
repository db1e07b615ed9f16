package dev.strata.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * What {@link Timing} runs: the first run, untimed warm-up runs until the JIT is quiet, then the timed ones (more for
 * short work). The JIT's compile clock is faked, so the warm-up's length is decided by the test.
 */
class TimingTest {
    /** A JIT that never compiles. */
    private static final LongSupplier QUIET = () -> 0L;

    @Test
    void shortWorkIsTimedUntilTheTimedBudgetOrTheLargestCount() {
        int[] calls = new int[1];
        Timing t = Timing.of(3, () -> calls[0]++, QUIET);
        assertEquals(Timing.MAX_TIMED_RUNS, t.repeats(), "a call of nanoseconds fills the largest count");
        assertTrue(calls[0] > 1 + 1000 + Timing.MAX_TIMED_RUNS, "first, half a second of warm-up and timed runs");
        assertTrue(t.settled());
    }

    @Test
    void longWorkIsTimedTheRepeatsAskedForAfterHalfASecondOfWarmUp() {
        int[] calls = new int[1];
        Timing t = Timing.of(3, counted(calls, 150), QUIET);
        assertEquals(3, t.repeats(), "three runs of 150 ms pass the timed budget of 0.3 s");
        assertTrue(calls[0] >= 1 + 4 + 3 && calls[0] <= 1 + 5 + 3, "first run, 0.5 s of warm-up (4 runs), 3 timed: "
                + calls[0]);
        assertTrue(t.medianSeconds() >= 0.15, "median " + t.medianSeconds());
        assertTrue(t.settled());
    }

    @Test
    void warmUpGoesOnWhileTheJitCompilesAndEndsAQuarterSecondAfterItsLastCompilation() {
        int[] calls = new int[1];
        // the JIT finishes a compilation during each of the first 20 runs (1 s of 50 ms runs), then stays quiet
        Timing t = Timing.of(3, counted(calls, 50), () -> Math.min(calls[0], 20));
        int warmUp = calls[0] - 1 - t.repeats();
        assertTrue(warmUp >= 19 + 5 && warmUp <= 19 + 7, "19 compiling warm-up runs, then 0.25 s quiet (5 runs): "
                + warmUp);
        assertTrue(t.settled());
    }

    @Test
    void warmUpStopsAtItsCapAndSaysSoWhenTheJitNeverSettles() {
        int[] calls = new int[1];
        long start = System.nanoTime();
        Timing t = Timing.of(1, counted(calls, 100), () -> calls[0]);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertFalse(t.settled(), "the JIT compiled during every run");
        assertTrue(seconds >= Timing.MAX_WARMUP_SECONDS && seconds < Timing.MAX_WARMUP_SECONDS + 1.5,
                "warm-up of about " + Timing.MAX_WARMUP_SECONDS + " s: " + seconds);
    }

    /**
     * On a fake clock on which the reference takes 10 ns and the work 30 ns, except in one pair where a slow phase
     * of the machine makes both 50 times longer and one where only the work is disturbed: the paired ratio is 3, where
     * the ratio of the two medians would take in whichever phase each median fell in.
     */
    @Test
    void pairedRatioIsTheMedianOfBackToBackRatios() {
        long[] now = new long[1];
        int[] pair = new int[1];
        Runnable reference = () -> now[0] += pair[0] == 2 ? 500 : 10;
        Runnable work = () -> {
            now[0] += pair[0] == 2 ? 1500 : pair[0] == 4 ? 300 : 30;
            pair[0]++;
        };
        LongSupplier clock = () -> now[0];
        double ratio = Timing.pairedRatio(3, Timing.wallSeconds(reference, clock), Timing.wallSeconds(work, clock),
                clock);
        assertEquals(3.0, ratio, 1e-12);
        assertEquals(Timing.MAX_TIMED_RUNS, pair[0], "nanosecond pairs go on to the largest count");
    }

    /** Work of {@code millis} milliseconds that counts its runs in {@code calls[0]}. */
    private static Runnable counted(int[] calls, long millis) {
        return () -> {
            calls[0]++;
            sleep(millis);
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
