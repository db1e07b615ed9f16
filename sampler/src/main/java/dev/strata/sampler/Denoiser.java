package dev.strata.sampler;

import dev.strata.forward.Shapes;

/**
 * A denoiser D(x; sigma) ~ E[x0 | x0 + sigma eps = x] (the EDM parameterisation, Karras et al. 2022), applied to a
 * batch, with its vector-Jacobian product. The score follows as grad log p_sigma(x) = (D(x; sigma) - x) / sigma^2.
 *
 * <p>Arrays are flat, a batch of {@code n} samples of {@link #size()} values each; inputs are not modified.
 */
public interface Denoiser {

    /** Shape of one sample, slowest index first, e.g. {@code [channels, nz, nx]}. */
    int[] shape();

    default int size() {
        return Shapes.size(shape());
    }

    /** x̂0 = D(x; sigma) for a batch of {@code n}; returns a new array. */
    float[] denoise(float[] x, double sigma, int n);

    /** (dD/dx)^T v at (x, sigma) for a batch of {@code n}; returns a new array. */
    float[] vjp(float[] x, double sigma, float[] v, int n);
}
