package dev.strata.kernels.acoustic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.ints;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;

/**
 * Launchers of {@link AcousticKernels#injectSource}, {@link AcousticKernels#advanceClock} and
 * {@link AcousticKernels#rewindClock}.
 */
public final class SourceKernels {
    private SourceKernels() {
    }

    /** {@code (float[] pNext, float[] vc, float[] wavelets, int[] srcIndex, int[] clock, int nt)}; one row per source. */
    public static final Kernel INJECT = new Kernel() {
        @Override
        public String name() {
            return "acoustic.injectSource";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 6);
            floats(name(), a, 0);
            floats(name(), a, 1);
            float[] w = floats(name(), a, 2);
            int[] idx = ints(name(), a, 3);
            if (ints(name(), a, 4).length < 1) {
                throw new IllegalArgumentException(name() + ": clock needs one element");
            }
            int nt = intValue(name(), a, 5);
            if ((long) idx.length * nt > w.length) {
                throw new IllegalArgumentException(name() + ": wavelets hold " + w.length + " samples, need "
                        + idx.length + " sources x " + nt + " steps");
            }
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, ((int[]) a[3]).length);
        }

        @Override
        public void runRows(Object[] a, int s0, int s1) {
            for (int s = s0; s < s1; s++) {
                AcousticKernels.injectSource(s, (float[]) a[0], (float[]) a[1], (float[]) a[2], (int[]) a[3],
                        (int[]) a[4], (Integer) a[5]);
            }
        }
    };

    /** {@code (int[] clock)}; a single point. */
    public static final Kernel ADVANCE_CLOCK = new Kernel() {
        @Override
        public String name() {
            return "acoustic.advanceClock";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 1);
            if (ints(name(), a, 0).length < 1) {
                throw new IllegalArgumentException(name() + ": clock needs one element");
            }
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, 1);
        }

        @Override
        public void runRows(Object[] a, int s0, int s1) {
            if (s0 < s1) {
                AcousticKernels.advanceClock((int[]) a[0]);
            }
        }
    };

    /** {@code (int[] clock)}; a single point; counts down. */
    public static final Kernel REWIND_CLOCK = new Kernel() {
        @Override
        public String name() {
            return "acoustic.rewindClock";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 1);
            if (ints(name(), a, 0).length < 1) {
                throw new IllegalArgumentException(name() + ": clock needs one element");
            }
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, 1);
        }

        @Override
        public void runRows(Object[] a, int s0, int s1) {
            if (s0 < s1) {
                AcousticKernels.rewindClock((int[]) a[0]);
            }
        }
    };
}
