package dev.strata.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@link Timing} runs: the first run, untimed warm-up runs, then the timed ones (more for short work). */
class TimingTest {

    @Test
    void shortWorkIsTimedUntilTheTimedBudgetOrTheLargestCount() {
        int[] calls = new int[1];
        Timing t = Timing.of(3, () -> calls[0]++);
        assertEquals(Timing.MAX_TIMED_RUNS, t.repeats(), "a call of nanoseconds fills the largest count");
        assertEquals(1 + Timing.MAX_WARMUP_RUNS + Timing.MAX_TIMED_RUNS, calls[0], "first, warm-up and timed runs");
    }

    @Test
    void longWorkIsTimedTheRepeatsAskedForAfterHalfASecondOfWarmUp() {
        int[] calls = new int[1];
        Timing t = Timing.of(3, () -> {
            calls[0]++;
            sleep(150);
        });
        assertEquals(3, t.repeats(), "three runs of 150 ms pass the timed budget of 0.3 s");
        assertTrue(calls[0] >= 1 + 4 + 3, "first run, >= 0.5 s of warm-up (4 runs), 3 timed: " + calls[0]);
        assertTrue(t.medianSeconds() >= 0.15, "median " + t.medianSeconds());
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
