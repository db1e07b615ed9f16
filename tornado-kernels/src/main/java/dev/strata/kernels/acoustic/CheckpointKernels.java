package dev.strata.kernels.acoustic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.ints;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;

/**
 * Launchers of the copies a checkpointed adjoint sweep makes on the device, all gated by a device-resident clock so
 * that one graph serves every step: {@link AcousticKernels#storeCheckpoint}, {@link AcousticKernels#loadCheckpoint},
 * {@link AcousticKernels#storeSnapshot} and {@link AcousticKernels#advanceSegmentClock}. Fields are
 * {@code rows x nx} (all points, frame included). The launchers read the clock once and return at once when the copy
 * is idle at this step.
 */
public final class CheckpointKernels {
    private CheckpointKernels() {
    }

    /**
     * {@code (float[] p, float[] pPrev, float[] checkpoints, int[] clock, int k, int steps, int rows, int nx)};
     * checkpoints {@code [ceil(steps / k)][2][rows nx]}.
     */
    public static final Kernel STORE_CHECKPOINT = new CheckpointCopy("acoustic.storeCheckpoint", true);

    /** Same arguments as {@link #STORE_CHECKPOINT}; copies the other way. */
    public static final Kernel LOAD_CHECKPOINT = new CheckpointCopy("acoustic.loadCheckpoint", false);

    /** {@code (float[] p, float[] snapshots, int[] clock, int k, int steps, int rows, int nx)}; ring {@code [2k][rows nx]}. */
    public static final Kernel STORE_SNAPSHOT = new Kernel() {
        @Override
        public String name() {
            return "acoustic.storeSnapshot";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 7);
            int k = intValue(name(), a, 3);
            int steps = intValue(name(), a, 4);
            long field = fieldSize(name(), intValue(name(), a, 5), intValue(name(), a, 6), k, steps);
            minLength(name(), "p", floats(name(), a, 0).length, field);
            minLength(name(), "snapshots", floats(name(), a, 1).length, 2L * k * field);
            minLength(name(), "clock", ints(name(), a, 2).length, 1);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[5], 0, (Integer) a[6]);
        }

        @Override
        public void runRows(Object[] a, int row0, int row1) {
            int[] clock = (int[]) a[2];
            int steps = (Integer) a[4];
            if (clock[0] < 0 || clock[0] >= steps) {
                return;
            }
            float[] p = (float[]) a[0];
            float[] snaps = (float[]) a[1];
            int k = (Integer) a[3];
            int nx = (Integer) a[6];
            int field = (Integer) a[5] * nx;
            for (int i = row0 * nx; i < row1 * nx; i++) {
                AcousticKernels.storeSnapshot(i, p, snaps, clock, k, steps, field);
            }
        }
    };

    /** {@code (int[] clock, int k, int steps)}; a single point. */
    public static final Kernel ADVANCE_SEGMENT_CLOCK = new Kernel() {
        @Override
        public String name() {
            return "acoustic.advanceSegmentClock";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 3);
            minLength(name(), "clock", ints(name(), a, 0).length, 1);
            fieldSize(name(), 1, 1, intValue(name(), a, 1), intValue(name(), a, 2));
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, 1);
        }

        @Override
        public void runRows(Object[] a, int s0, int s1) {
            if (s0 < s1) {
                AcousticKernels.advanceSegmentClock((int[]) a[0], (Integer) a[1], (Integer) a[2]);
            }
        }
    };

    private static long fieldSize(String name, int rows, int nx, int k, int steps) {
        if (rows < 1 || nx < 1 || k < 1 || steps < 1) {
            throw new IllegalArgumentException(name + ": rows, nx, k and steps must be >= 1, got " + rows + ", " + nx
                    + ", " + k + ", " + steps);
        }
        return (long) rows * nx;
    }

    /** Store or load of a checkpoint pair. */
    private static final class CheckpointCopy implements Kernel {
        private final String name;
        private final boolean store;

        CheckpointCopy(String name, boolean store) {
            this.name = name;
            this.store = store;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void check(Object[] a) {
            count(name, a, 8);
            int k = intValue(name, a, 4);
            int steps = intValue(name, a, 5);
            long field = fieldSize(name, intValue(name, a, 6), intValue(name, a, 7), k, steps);
            minLength(name, "p", floats(name, a, 0).length, field);
            minLength(name, "pPrev", floats(name, a, 1).length, field);
            minLength(name, "checkpoints", floats(name, a, 2).length, 2L * ((steps + k - 1) / k) * field);
            minLength(name, "clock", ints(name, a, 3).length, 1);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[6], 0, (Integer) a[7]);
        }

        @Override
        public void runRows(Object[] a, int row0, int row1) {
            int[] clock = (int[]) a[3];
            int k = (Integer) a[4];
            int steps = (Integer) a[5];
            int t = clock[0];
            if (t < 0 || t >= steps || t % k != 0) {
                return;
            }
            float[] p = (float[]) a[0];
            float[] prev = (float[]) a[1];
            float[] ckpt = (float[]) a[2];
            int nx = (Integer) a[7];
            int field = (Integer) a[6] * nx;
            for (int i = row0 * nx; i < row1 * nx; i++) {
                if (store) {
                    AcousticKernels.storeCheckpoint(i, p, prev, ckpt, clock, k, steps, field);
                } else {
                    AcousticKernels.loadCheckpoint(i, p, prev, ckpt, clock, k, steps, field);
                }
            }
        }
    }
}
