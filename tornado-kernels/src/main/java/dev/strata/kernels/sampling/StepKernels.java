package dev.strata.kernels.sampling;

import dev.strata.kernels.Kernel;

/** Launchers of {@link SamplingKernels}: one point per array element, a 1-D range split among threads. */
public final class StepKernels {
    private StepKernels() {
    }

    /** {@code (float[] x, float[] x0hat, float[] dx, float[] out, float[] coef)}; coef[0] = h. */
    public static final Kernel EXTRAPOLATE = new ElementwiseKernel("sampling.extrapolate", 4, 1) {
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
    public static final Kernel HEUN = new ElementwiseKernel("sampling.heun", 6, 2) {
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
