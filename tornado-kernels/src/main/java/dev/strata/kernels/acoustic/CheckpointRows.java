package dev.strata.kernels.acoustic;

/**
 * JVM rows of the clock-gated copies of {@link CheckpointKernels}, of the CPML state copies of {@link CpmlKernels}
 * and of the restart of {@link SourceKernels#restartWhen}, named by their {@code @Kernel(vectorRows = ...)}: points
 * [start, end) of each field copied with {@link System#arraycopy} or filled with {@link java.util.Arrays#fill} (the
 * JVM's own vectorised loops) under the same condition as the per-point bodies, tested once, so the result is the same
 * bit for bit.
 */
final class CheckpointRows {
    private CheckpointRows() {
    }

    /** Whether clock time t selects checkpoint t / k: a multiple of k below {@code steps}. */
    private static boolean checkpointStep(int t, int k, int steps) {
        return t >= 0 && t < steps && t % k == 0;
    }

    /** {@link SourceKernels#restartWhen} over points [start, end): nothing at all unless control[0] != 0. */
    static void restartRows(int start, int end, int[] control, float[] a, float[] b, int[] clock, int size) {
        if (control[0] == 0) {
            return;
        }
        java.util.Arrays.fill(a, start, end, 0.0f);
        java.util.Arrays.fill(b, start, end, 0.0f);
        if (start == 0 && end > 0) {
            clock[0] = 0;
        }
    }

    /** {@link CheckpointKernels#storeCheckpoint} over points [start, end). */
    static void storeCheckpointRows(int start, int end, float[] p, float[] pPrev, float[] checkpoints, int[] clock,
                                    int k, int steps, int fieldSize) {
        copyState(true, start, end, new float[][] {p, pPrev}, checkpoints, clock[0], k, steps, fieldSize);
    }

    /** {@link CheckpointKernels#loadCheckpoint} over points [start, end). */
    static void loadCheckpointRows(int start, int end, float[] p, float[] pPrev, float[] checkpoints, int[] clock,
                                   int k, int steps, int fieldSize) {
        copyState(false, start, end, new float[][] {p, pPrev}, checkpoints, clock[0], k, steps, fieldSize);
    }

    /** {@link CheckpointKernels#storeSnapshot} over points [start, end). */
    static void storeSnapshotRows(int start, int end, float[] p, float[] snapshots, int[] clock, int k, int steps,
                                  int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps) {
            System.arraycopy(p, start, snapshots, CheckpointKernels.snapshotSlot(t, k) * fieldSize + start,
                    end - start);
        }
    }

    /** {@link CpmlKernels#storeState} over points [start, end). */
    static void storeStateRows(int start, int end, float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ,
                               float[] aux, int[] clock, int k, int steps, int fieldSize) {
        copyState(true, start, end, new float[][] {psiX, psiZ, zetaX, zetaZ}, aux, clock[0], k, steps, fieldSize);
    }

    /** {@link CpmlKernels#loadState} over points [start, end). */
    static void loadStateRows(int start, int end, float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ,
                              float[] aux, int[] clock, int k, int steps, int fieldSize) {
        copyState(false, start, end, new float[][] {psiX, psiZ, zetaX, zetaZ}, aux, clock[0], k, steps, fieldSize);
    }

    /**
     * Points [start, end) of the fields of {@code state} into ({@code store}) or out of checkpoint t / k of
     * {@code aux}, which holds {@code state.length} fields a checkpoint, in order.
     */
    private static void copyState(boolean store, int start, int end, float[][] state, float[] aux, int t, int k,
                                  int steps, int fieldSize) {
        if (checkpointStep(t, k, steps)) {
            int base = (t / k) * state.length * fieldSize + start;
            for (int j = 0; j < state.length; j++) {
                if (store) {
                    System.arraycopy(state[j], start, aux, base + j * fieldSize, end - start);
                } else {
                    System.arraycopy(aux, base + j * fieldSize, state[j], start, end - start);
                }
            }
        }
    }
}
