package dev.strata.kernels.jvm;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Whether a plan runs as a parallel region of the team or on the calling thread alone, chosen by timing the plan's
 * own executions (an OpenMP {@code if} clause set by measurement, as FFTW's planner measures): after
 * {@link #WARM_UP} executions on the team, {@link #TRIALS} executions alternate the two ways, and the plan then keeps
 * the one with the lower median; the trial is run once more after {@link #RECHECK} executions, since the JIT changes
 * the costs on the way. A region pays for waking a parked worker and for every barrier, which small tasks between
 * host code (a conjugate-gradient iteration's operator calls) do not earn back. Either way computes the same results:
 * every task writes each point from the same inputs.
 */
final class ParallelChoice {
    static final int WARM_UP = 8;
    /** Executions of a trial, half of them each way. */
    static final int TRIALS = 16;
    static final int RECHECK = 1024;

    private final LongSupplier nanoClock;
    private final long[] team = new long[TRIALS / 2];
    private final long[] alone = new long[TRIALS / 2];
    private int executions;
    private boolean useTeam = true;

    /** @param nanoClock a clock in nanoseconds ({@code System::nanoTime} but in tests) */
    ParallelChoice(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Runs one execution of the plan, {@code onTeam} or {@code alone} as chosen, timing it during a trial. */
    void execute(Runnable onTeam, Runnable aloneRun) {
        int slot;
        boolean teamNow;
        synchronized (this) {
            slot = trialSlot(executions++);
            teamNow = slot >= 0 ? slot % 2 == 0 : useTeam;
        }
        if (slot < 0) {
            (teamNow ? onTeam : aloneRun).run();
            return;
        }
        long t0 = nanoClock.getAsLong();
        (teamNow ? onTeam : aloneRun).run();
        long nanos = nanoClock.getAsLong() - t0;
        synchronized (this) {
            (teamNow ? team : alone)[slot / 2] = nanos;
            if (slot == TRIALS - 1) {
                useTeam = median(team) <= median(alone);
            }
        }
    }

    /** Whether the executions after the last trial run on the team. */
    synchronized boolean usesTeam() {
        return useTeam;
    }

    /** Execution e's place in a trial (even: on the team, odd: alone), or -1 outside the trials. */
    private static int trialSlot(int e) {
        int start = e < WARM_UP + RECHECK ? WARM_UP : WARM_UP + RECHECK;
        return e >= start && e < start + TRIALS ? e - start : -1;
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
