package dev.strata.sampler;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.sampling.SamplingKernels;
import dev.strata.kernels.sampling.SamplingTasks;
import java.util.Arrays;

/**
 * The sampler update kernels ({@link SamplingKernels}) on a {@link ComputeBackend}, for one batch size: two execution
 * plans (Euler/DDIM extrapolation and the Heun correction) built once over resident buffers of {@code length}
 * floats, whose inputs are copied in and output copied out at every step; the step coefficients travel in a small
 * array, so the plans never need rebuilding. On the JVM backend the copies are the only overhead; on a device they
 * are the host-device transfers (a later step could keep x resident across steps). Close it to release the plans.
 */
public final class BackendSteps implements AutoCloseable {
    private final float[] x;
    private final float[] x0hat;
    private final float[] xPred;
    private final float[] x0hatPred;
    private final float[] dx;
    private final float[] out;
    private final float[] coef = new float[2];
    private final ExecutionPlan euler;
    private final ExecutionPlan heun;

    /**
     * @param backend where the kernels run (not closed by this object)
     * @param length  values per state array, n * size
     */
    public BackendSteps(ComputeBackend backend, int length) {
        x = new float[length];
        x0hat = new float[length];
        xPred = new float[length];
        x0hatPred = new float[length];
        dx = new float[length];
        out = new float[length];
        euler = backend.plan(KernelGraph.builder("sampler-euler")
                .transferToDevice(TransferMode.EVERY_EXECUTION, x, x0hat, dx, coef)
                .task("extrapolate", SamplingTasks.extrapolate(x, x0hat, dx, out, coef))
                .transferToHost(TransferMode.EVERY_EXECUTION, out)
                .build());
        ExecutionPlan h;
        try {
            h = backend.plan(KernelGraph.builder("sampler-heun")
                    .transferToDevice(TransferMode.EVERY_EXECUTION, x, x0hat, xPred, x0hatPred, dx, coef)
                    .task("heun", SamplingTasks.heun(x, x0hat, xPred, x0hatPred, dx, out, coef))
                    .transferToHost(TransferMode.EVERY_EXECUTION, out)
                    .build());
        } catch (RuntimeException e) {
            euler.close();
            throw e;
        }
        heun = h;
    }

    /**
     * x_next = x + h (x - x̂0) + dx: an EDM Euler step has h = (sigma' - sigma) / sigma (Karras et al. 2022, Alg. 1), a
     * DDIM step h = a - 1 (Song et al. 2021, eq. 12), churn noise h = 0; {@code dx} may be null; inputs unchanged.
     */
    public float[] extrapolate(float[] xIn, float[] x0hatIn, double h, float[] dxIn) {
        return extrapolate(xIn, x0hatIn, h, dxIn, new float[out.length]);
    }

    /** {@link #extrapolate(float[], float[], double, float[])} into {@code result}, which it returns. */
    public float[] extrapolate(float[] xIn, float[] x0hatIn, double h, float[] dxIn, float[] result) {
        load(xIn, x0hatIn, dxIn);
        coef[0] = (float) h;
        euler.execute();
        copy(out, result);
        return result;
    }

    /** x + h1 (x - x̂0) + h2 (x' - x̂0') + dx, the Heun correction (Karras et al. 2022, Alg. 1 line 8); dx may be null. */
    public float[] heun(float[] xIn, float[] x0hatIn, double h1, float[] xPredIn, float[] x0hatPredIn, double h2,
            float[] dxIn) {
        load(xIn, x0hatIn, dxIn);
        copy(xPredIn, xPred);
        copy(x0hatPredIn, x0hatPred);
        coef[0] = (float) h1;
        coef[1] = (float) h2;
        heun.execute();
        return out.clone();
    }

    private void load(float[] xIn, float[] x0hatIn, float[] dxIn) {
        copy(xIn, x);
        copy(x0hatIn, x0hat);
        if (dxIn == null) {
            Arrays.fill(dx, 0f);
        } else {
            copy(dxIn, dx);
        }
    }

    private static void copy(float[] from, float[] to) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("expected " + to.length + " values, got " + from.length);
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    @Override
    public void close() {
        try {
            euler.close();
        } finally {
            heun.close();
        }
    }
}
