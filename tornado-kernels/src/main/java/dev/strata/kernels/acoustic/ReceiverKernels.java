package dev.strata.kernels.acoustic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.ints;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;

/** Launchers of {@link AcousticKernels#recordReceiver} and {@link AcousticKernels#injectReceivers}. */
public final class ReceiverKernels {
    private ReceiverKernels() {
    }

    /**
     * {@code (float[] p, float[] data, int[] recIndex, int[] clock, int nb, int nrec, int nt)}: data is
     * {@code [nb][nt][nrec]}; rows are batch members, columns receivers.
     */
    public static final Kernel RECORD = new Kernel() {
        @Override
        public String name() {
            return "acoustic.recordReceivers";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 7);
            checkShapes(name(), floats(name(), a, 0), floats(name(), a, 1), ints(name(), a, 2), ints(name(), a, 3),
                    intValue(name(), a, 4), intValue(name(), a, 5), intValue(name(), a, 6));
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[4], 0, (Integer) a[5]);
        }

        @Override
        public void runRows(Object[] a, int b0, int b1) {
            float[] p = (float[]) a[0];
            float[] data = (float[]) a[1];
            int[] idx = (int[]) a[2];
            int[] clock = (int[]) a[3];
            int nrec = (Integer) a[5];
            int nt = (Integer) a[6];
            for (int b = b0; b < b1; b++) {
                for (int r = 0; r < nrec; r++) {
                    AcousticKernels.recordReceiver(b, r, nrec, nt, p, data, idx, clock);
                }
            }
        }
    };

    /**
     * {@code (float[] p, float[] scale, float[] traces, int[] recIndex, int[] clock, int nb, int nrec, int nt)}:
     * traces are {@code [nb][nt][nrec]}; one row per batch member.
     */
    public static final Kernel INJECT = new Kernel() {
        @Override
        public String name() {
            return "acoustic.injectReceivers";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 8);
            float[] p = floats(name(), a, 0);
            if (floats(name(), a, 1).length < p.length) {
                throw new IllegalArgumentException(name() + ": scale has " + floats(name(), a, 1).length
                        + " elements, needs " + p.length + " (one per field point)");
            }
            checkShapes(name(), p, floats(name(), a, 2), ints(name(), a, 3), ints(name(), a, 4),
                    intValue(name(), a, 5), intValue(name(), a, 6), intValue(name(), a, 7));
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, (Integer) a[5]);
        }

        @Override
        public void runRows(Object[] a, int b0, int b1) {
            for (int b = b0; b < b1; b++) {
                AcousticKernels.injectReceivers(b, (Integer) a[6], (Integer) a[7], (float[]) a[0], (float[]) a[1],
                        (float[]) a[2], (int[]) a[3], (int[]) a[4]);
            }
        }
    };

    private static void checkShapes(String name, float[] p, float[] traces, int[] idx, int[] clock, int nb, int nrec,
                                    int nt) {
        if (nb < 1 || nrec < 1 || nt < 1) {
            throw new IllegalArgumentException(name + ": nb, nrec and nt must be >= 1, got " + nb + ", " + nrec
                    + ", " + nt);
        }
        if (clock.length < 1) {
            throw new IllegalArgumentException(name + ": clock needs one element");
        }
        if ((long) nb * nrec > idx.length) {
            throw new IllegalArgumentException(name + ": recIndex holds " + idx.length + " indices, needs " + nb
                    + " members x " + nrec + " receivers");
        }
        if ((long) nb * nt * nrec > traces.length) {
            throw new IllegalArgumentException(name + ": traces hold " + traces.length + " samples, need " + nb
                    + " x " + nt + " x " + nrec);
        }
        for (int k = 0; k < nb * nrec; k++) {
            if (idx[k] < 0 || idx[k] >= p.length) {
                throw new IllegalArgumentException(name + ": receiver index " + idx[k] + " at " + k
                        + " lies outside the field of " + p.length + " points");
            }
        }
    }
}
