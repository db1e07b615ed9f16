package dev.strata.kernels.acoustic;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the point sources and of the device-resident time-step counter ({@code clock}, one element)
 * that gates every time-dependent kernel, so that one compiled graph serves every step. Typed tasks:
 * {@code SourceTasks}. The clock bodies have no index: each runs once (a single-thread task).
 */
public final class SourceKernels {
    private SourceKernels() {
    }

    /**
     * Point source injection, p_next[s] += vc[s] w_s(t): source {@code s} adds its wavelet sample at the current
     * time step {@code clock[0]} at flat index {@code srcIndex[s]}; wavelets are {@code [nsrc][nt]}, one work item
     * per source. Does nothing when the clock is outside [0, nt).
     */
    @Kernel(requires = "KernelChecks.allWithin(srcIndex, 0, Math.min(pNext.length, vc.length))")
    public static void injectSource(@Index("srcIndex.length") int s, @Writes float[] pNext, float[] vc,
                                    @Length("(long) srcIndex.length * nt") float[] wavelets, int[] srcIndex,
                                    @Length("1") int[] clock, int nt) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            int i = srcIndex[s];
            pNext[i] = pNext[i] + vc[i] * wavelets[s * nt + t];
        }
    }

    /** Advances the device-resident time-step counter by one: clock[0] = clock[0] + 1. */
    @Kernel
    public static void advanceClock(@Writes @Length("1") int[] clock) {
        clock[0] = clock[0] + 1;
    }

    /** Moves the device-resident time-step counter back by one, for sweeps that run backwards: clock[0] -= 1. */
    @Kernel
    public static void rewindClock(@Writes @Length("1") int[] clock) {
        clock[0] = clock[0] - 1;
    }

    /**
     * Restarts a two-level time stepping on the device when {@code control[0] != 0}: a = b = 0 (u^t = u^{t-1} = 0)
     * and clock[0] = 0; nothing otherwise. One compiled graph then serves many runs: the host raises the flag for the
     * first execution of a run only (the flag travels at every execution, the fields never do).
     */
    @Kernel(vectorRows = "CheckpointRows.restartRows")
    public static void restartWhen(@Index("size") int i, @Length("1") int[] control,
                                   @Writes @Length("size") float[] a, @Writes @Length("size") float[] b,
                                   @Writes @Length("1") int[] clock, int size) {
        if (control[0] != 0) {
            a[i] = 0.0f;
            b[i] = 0.0f;
            if (i == 0) {
                clock[0] = 0;
            }
        }
    }
}
