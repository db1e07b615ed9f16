package dev.strata.kernels.sampling;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;

/** Launchers of {@link SamplingKernels}: one point per array element, a 1-D range split among threads. */
public final class StepKernels {
    private StepKernels() {
    }

    /** {@code (float[] x, float[] x0hat, float[] dx, float[] out, float[] coef)}; coef[0] = h. */
    public static final Kernel EXTRAPOLATE = new Kernel() {
        @Override
        public String name() {
            return "sampling.extrapolate";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 5);
            int n = floats(name(), a, 0).length;
            for (int i = 1; i <= 3; i++) {
                minLength(name(), "argument " + i, floats(name(), a, i).length, n);
            }
            minLength(name(), "coef", floats(name(), a, 4).length, 1);
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, ((float[]) a[0]).length);
        }

        @Override
        public void runRows(Object[] a, int s0, int s1) {
            float[] x = (float[]) a[0];
            float[] x0hat = (float[]) a[1];
            float[] dx = (float[]) a[2];
            float[] out = (float[]) a[3];
            float[] coef = (float[]) a[4];
            for (int i = s0; i < s1; i++) {
                SamplingKernels.extrapolate(i, x, x0hat, dx, out, coef);
            }
        }
    };

    /** {@code (float[] x, float[] x0hat, float[] xPred, float[] x0hatPred, float[] dx, float[] out, float[] coef)}. */
    public static final Kernel HEUN = new Kernel() {
        @Override
        public String name() {
            return "sampling.heun";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 7);
            int n = floats(name(), a, 0).length;
            for (int i = 1; i <= 5; i++) {
                minLength(name(), "argument " + i, floats(name(), a, i).length, n);
            }
            minLength(name(), "coef", floats(name(), a, 6).length, 2);
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, ((float[]) a[0]).length);
        }

        @Override
        public void runRows(Object[] a, int s0, int s1) {
            float[] x = (float[]) a[0];
            float[] x0hat = (float[]) a[1];
            float[] xPred = (float[]) a[2];
            float[] x0hatPred = (float[]) a[3];
            float[] dx = (float[]) a[4];
            float[] out = (float[]) a[5];
            float[] coef = (float[]) a[6];
            for (int i = s0; i < s1; i++) {
                SamplingKernels.heun(i, x, x0hat, xPred, x0hatPred, dx, out, coef);
            }
        }
    };
}
