package dev.strata.kernels.jvm;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Whether a plan runs as a parallel region of the team or on the calling thread alone, chosen by timing the plan's
 * own executions (an OpenMP {@code if} clause set by measurement, as FFTW's planner measures): after
 * {@link #FIRST_TRIAL} executions on the team, a trial runs {@link #TRIALS} executions, the first half on the team and
 * the second alone (the first of each half, which pays for the change, untimed), and the plan keeps running alone
 * if that had the lower median; trials come again at intervals that double from
 * {@link #FIRST_INTERVAL} to {@link #MAX_INTERVAL} executions, since the JIT and the machine's load change the costs
 * (a trial while the JIT compiles beside the team makes the team look slow). A region pays for waking a parked worker
 * and for every barrier, which small tasks between host code (a conjugate-gradient iteration's operator calls) do not
 * earn back. A plan whose executions on the team take {@link #LONG_EXECUTION_NANOS} or more ends its trials after the
 * team half: tens of microseconds of region are then a few percent at most, while each execution alone would cost
 * as much again as on the team (a trial made a timed run of the 4096² stencil a quarter slower). Either way computes
 * the same results: every task writes each point from the same inputs.
 */
final class ParallelChoice {
    static final int FIRST_TRIAL = 32;
    /** Executions of a trial, half of them each way. */
    static final int TRIALS = 16;
    private static final int HALF = TRIALS / 2;
    static final int FIRST_INTERVAL = 256;
    static final int MAX_INTERVAL = 16384;
    /** Median execution on the team from which a trial does not run the plan alone. */
    static final long LONG_EXECUTION_NANOS = 1_000_000;

    private final LongSupplier nanoClock;
    private final long[] team = new long[HALF - 1];
    private final long[] alone = new long[HALF - 1];
    private long executions;
    private long trialStart = FIRST_TRIAL;
    private long interval = FIRST_INTERVAL;
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
            long e = executions++;
            slot = e >= trialStart && e < trialStart + TRIALS ? (int) (e - trialStart) : -1;
            teamNow = slot >= 0 ? slot < HALF : useTeam;
        }
        if (slot < 0 || slot % HALF == 0) {
            (teamNow ? onTeam : aloneRun).run();
            return;
        }
        long t0 = nanoClock.getAsLong();
        (teamNow ? onTeam : aloneRun).run();
        long nanos = nanoClock.getAsLong() - t0;
        synchronized (this) {
            (teamNow ? team : alone)[slot % HALF - 1] = nanos;
            boolean longOnTeam = slot == HALF - 1 && median(team) >= LONG_EXECUTION_NANOS;
            if (slot == TRIALS - 1 || longOnTeam) {
                useTeam = longOnTeam || median(team) <= median(alone);
                trialStart += TRIALS + interval;
                interval = Math.min(2 * interval, MAX_INTERVAL);
            }
        }
    }

    /** Whether the executions after the last trial run on the team. */
    synchronized boolean usesTeam() {
        return useTeam;
    }

    private static long median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
