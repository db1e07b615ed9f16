package dev.strata.sampler;

/**
 * A data-consistency correction added after each unconditional reverse step (diffusion posterior sampling).
 */
public interface Guidance {

    /** No correction: sample the prior. */
    Guidance NONE = (denoiser, x, x0hat, sigma, sigmaNext, n) -> null;

    /**
     * The update to add to x_next, or {@code null} for none.
     *
     * @param x      current state at noise level {@code sigma}, [n, size], not modified
     * @param x0hat  D(x; sigma), [n, size], not modified
     */
    float[] correction(Denoiser denoiser, float[] x, float[] x0hat, double sigma, double sigmaNext, int n);
}
