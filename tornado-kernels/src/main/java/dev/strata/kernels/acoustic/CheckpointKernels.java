package dev.strata.kernels.acoustic;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the copies a checkpointed adjoint sweep makes on the device, all gated by a device-resident
 * clock so that one graph serves every step. Fields have {@code fieldSize} points (every point of
 * {@code [nb][nz][nx]}, frame included), one work item per point; the copies are idle at steps the clock does not
 * select. Typed tasks: {@code CheckpointTasks}.
 */
public final class CheckpointKernels {
    private CheckpointKernels() {
    }

    /** What every clock-gated copy requires: a positive interval k and step count. */
    static final String INTERVAL = "k >= 1 && steps >= 1";

    /**
     * Slot of time level t in a ring of two segments of k snapshots: ((t / k) mod 2) k + t mod k. Segment j of a
     * checkpointed sweep fills ring half j mod 2 while the adjoint reads the other half.
     */
    public static int snapshotSlot(int t, int k) {
        return ((t / k) % 2) * k + t % k;
    }

    /**
     * Stores the two time levels (p^t, p^{t-1}) as checkpoint t / k of {@code checkpoints} ({@code [ceil(steps/k)][2]
     * [fieldSize]}) when t = clock[0] is a multiple of k below {@code steps}; writes checkpoints only.
     */
    @Kernel(requires = INTERVAL, vectorRows = "CheckpointRows.storeCheckpointRows")
    public static void storeCheckpoint(@Index("fieldSize") int i, @Length("fieldSize") float[] p,
                                       @Length("fieldSize") float[] pPrev,
                                       @Writes @Length("2L * ((steps + k - 1) / k) * fieldSize") float[] checkpoints,
                                       @Length("1") int[] clock, int k, int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps && t % k == 0) {
            int base = (t / k) * 2 * fieldSize;
            checkpoints[base + i] = p[i];
            checkpoints[base + fieldSize + i] = pPrev[i];
        }
    }

    /** Inverse of {@link #storeCheckpoint}: restores (p^t, p^{t-1}) from checkpoint t / k under the same condition. */
    @Kernel(requires = INTERVAL, vectorRows = "CheckpointRows.loadCheckpointRows")
    public static void loadCheckpoint(@Index("fieldSize") int i, @Writes @Length("fieldSize") float[] p,
                                      @Writes @Length("fieldSize") float[] pPrev,
                                      @Length("2L * ((steps + k - 1) / k) * fieldSize") float[] checkpoints,
                                      @Length("1") int[] clock, int k, int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps && t % k == 0) {
            int base = (t / k) * 2 * fieldSize;
            p[i] = checkpoints[base + i];
            pPrev[i] = checkpoints[base + fieldSize + i];
        }
    }

    /**
     * snapshots[slot(t) fieldSize + i] = p[i] at t = clock[0], if 0 <= t < steps, with the ring {@code [2k][fieldSize]}
     * and the slot of {@link #snapshotSlot}; writes snapshots only.
     */
    @Kernel(requires = INTERVAL, vectorRows = "CheckpointRows.storeSnapshotRows")
    public static void storeSnapshot(@Index("fieldSize") int i, @Length("fieldSize") float[] p,
                                     @Writes @Length("2L * k * fieldSize") float[] snapshots, @Length("1") int[] clock,
                                     int k, int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps) {
            snapshots[snapshotSlot(t, k) * fieldSize + i] = p[i];
        }
    }

    /**
     * Clock of a segment-by-segment recomputation that walks the segments backwards: t + 1 within a segment of k
     * steps; from the end of segment j to the start of segment j - 1; after segment 0, and from then on, parked at
     * {@code steps} (where every gated kernel is idle). Runs once.
     */
    @Kernel(requires = INTERVAL)
    public static void advanceSegmentClock(@Writes @Length("1") int[] clock, int k, int steps) {
        int t = clock[0];
        if (t >= 0 && t < steps) {
            int next = t + 1;
            if (next % k == 0) {
                next = next - 2 * k;
                if (next < 0) {
                    next = steps;
                }
            }
            clock[0] = next;
        }
    }
}
