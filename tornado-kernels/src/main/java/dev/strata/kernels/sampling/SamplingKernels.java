package dev.strata.kernels.sampling;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the reverse-diffusion updates, in the EDM (variance-exploding) parameterisation of Karras et
 * al. (2022). Every EDM Euler, DDIM and churn step is {@code x_next = x + h (x - x̂0) + dx}: the Euler step of the
 * probability-flow ODE dx/dsigma = (x - D(x; sigma)) / sigma has h = (sigma_next - sigma) / sigma (eq. 4, Alg. 1),
 * a DDIM step has h = a - 1 with a the coefficient of the predicted noise, and dx carries guidance and fresh noise.
 *
 * <p>Arrays are flat {@code [n * size]}; each body writes one element of {@code out} and reads only its inputs, so all
 * points may run in parallel. Step coefficients come in a small {@code float[] coef} array, so that one compiled plan
 * with resident buffers serves every step (a TornadoVM task's scalars are fixed when the graph is built). Arithmetic
 * is float, as on a device. Inputs are not modified; sizes are checked when a task ({@code SamplingTasks}) is made.
 */
public final class SamplingKernels {
    private SamplingKernels() {
    }

    /** out[i] = x[i] + coef[0] (x[i] - x0hat[i]) + dx[i]; writes {@code out} only. */
    @Kernel
    public static void extrapolate(@Index("x.length") int i, float[] x, @Length("x.length") float[] x0hat,
                                   @Length("x.length") float[] dx, @Writes @Length("x.length") float[] out,
                                   @Length("1") float[] coef) {
        out[i] = x[i] + coef[0] * (x[i] - x0hat[i]) + dx[i];
    }

    /**
     * Heun (trapezoidal) correction written on denoised values (Karras et al. 2022, Alg. 1 line 8):
     * out[i] = x[i] + coef[0] (x[i] - x0hat[i]) + coef[1] (xPred[i] - x0hatPred[i]) + dx[i], with
     * coef = {(sigma' - sigma) / (2 sigma), (sigma' - sigma) / (2 sigma')} and xPred the Euler predictor at sigma';
     * writes {@code out} only.
     */
    @Kernel
    public static void heun(@Index("x.length") int i, float[] x, @Length("x.length") float[] x0hat,
                            @Length("x.length") float[] xPred, @Length("x.length") float[] x0hatPred,
                            @Length("x.length") float[] dx, @Writes @Length("x.length") float[] out,
                            @Length("2") float[] coef) {
        out[i] = x[i] + coef[0] * (x[i] - x0hat[i]) + coef[1] * (xPred[i] - x0hatPred[i]) + dx[i];
    }
}
