package dev.strata.sampler;

import dev.strata.kernels.sampling.SamplingKernels;
import java.util.stream.IntStream;

/**
 * The per-point arithmetic shared by the reverse-diffusion samplers, in the EDM (variance-exploding) parameterisation.
 * Every EDM, DDIM and churn update is {@code x_next = x + h (x - x̂0) + dx}: an Euler step of the probability-flow
 * ODE dx/dsigma = (x - D(x; sigma)) / sigma has h = (sigma_next - sigma) / sigma (Karras et al. 2022, eq. 4 and Alg. 1);
 * a DDIM step has h = a - 1 with a the coefficient of the predicted noise (Song et al. 2021, eq. 12); churn noise
 * is h = 0 and dx = the injected noise.
 *
 * <p>Arrays are flat {@code [n, size]}; inputs are not modified; results are new arrays. Parallel over blocks of points.
 * {@link #extrapolate} and {@link #heun} run the per-point bodies of {@link SamplingKernels} (float arithmetic), the
 * same bodies a {@link BackendSteps} runs on a compute backend, so this class is their JVM reference.
 */
public final class StepArithmetic {
    private static final int BLOCK = 1 << 14;

    private StepArithmetic() {
    }

    /**
     * x_next = x + h (x - x̂0) + dx.
     *
     * @param x     state, not modified
     * @param x0hat D(x; sigma), same length, not modified
     * @param h     step coefficient
     * @param dx    extra term of the same length, or {@code null} for none; not modified
     * @return a new array
     */
    public static float[] extrapolate(float[] x, float[] x0hat, double h, float[] dx) {
        requireSameLength(x, x0hat);
        if (dx != null) {
            requireSameLength(x, dx);
        }
        float[] out = new float[x.length];
        float[] extra = dx == null ? new float[x.length] : dx;
        float[] coef = {(float) h};
        blocks(x.length, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                SamplingKernels.extrapolate(k, x, x0hat, extra, out, coef);
            }
        });
        return out;
    }

    /**
     * Heun (trapezoidal) correction of Karras et al. 2022, Alg. 1 line 8, written on denoised values:
     * x_next = x + h1 (x - x̂0) + h2 (x' - x̂0') + dx with h1 = (sigma' - sigma) / (2 sigma), h2 = (sigma' - sigma) / (2 sigma'),
     * where x' is the Euler predictor at sigma' and x̂0' = D(x'; sigma').
     *
     * @return a new array; no argument is modified ({@code dx} may be {@code null})
     */
    public static float[] heun(float[] x, float[] x0hat, double h1, float[] xPred, float[] x0hatPred, double h2,
            float[] dx) {
        requireSameLength(x, x0hat);
        requireSameLength(x, xPred);
        requireSameLength(x, x0hatPred);
        if (dx != null) {
            requireSameLength(x, dx);
        }
        float[] out = new float[x.length];
        float[] extra = dx == null ? new float[x.length] : dx;
        float[] coef = {(float) h1, (float) h2};
        blocks(x.length, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                SamplingKernels.heun(k, x, x0hat, xPred, x0hatPred, extra, out, coef);
            }
        });
        return out;
    }

    /**
     * out = a x + b y + c z, the general linear combination (DDPM's ancestral step in VP coordinates).
     *
     * @param z may be {@code null} (then c is ignored); no argument is modified
     * @return a new array
     */
    public static float[] combine(double a, float[] x, double b, float[] y, double c, float[] z) {
        requireSameLength(x, y);
        if (z != null) {
            requireSameLength(x, z);
        }
        float[] out = new float[x.length];
        blocks(x.length, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                out[k] = (float) (a * x[k] + b * y[k] + (z == null ? 0 : c * z[k]));
            }
        });
        return out;
    }

    /** x[k] += s * y[k] in place; {@code x} is modified, {@code y} is not (nothing happens when y is null). */
    public static void addScaled(float[] x, double s, float[] y) {
        if (y == null) {
            return;
        }
        requireSameLength(x, y);
        float sf = (float) s;
        blocks(x.length, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                x[k] += sf * y[k];
            }
        });
    }

    private interface Range {
        void run(int lo, int hi);
    }

    private static void blocks(int length, Range body) {
        int nb = (length + BLOCK - 1) / BLOCK;
        if (nb <= 1) {
            body.run(0, length);
            return;
        }
        IntStream.range(0, nb).parallel().forEach(b -> body.run(b * BLOCK, Math.min(length, (b + 1) * BLOCK)));
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
        }
    }
}
