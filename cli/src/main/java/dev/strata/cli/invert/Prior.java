package dev.strata.cli.invert;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.nn.LatentPrior;

/**
 * A prior as the sampler uses it: a denoiser in normalised units and the map to physical units
 * (physical = offset + scale x, per model element).
 *
 * @param description what it is, for file attributes and messages
 * @param denoiser    D(x; sigma) in normalised units
 * @param offset      physical value at x = 0, per model element
 * @param scale       physical change per unit x, per model element
 * @param examples    normalised draws from the prior {@code [count][size]}, to measure the denoiser's error profile
 * @param count       number of examples
 * @param gaussian    the prior as a Gaussian N(m, C) in normalised units where it is one (MCMC needs it), else null
 * @param latent      a latent diffusion prior (seed 002; {@code --sampler ld-dim} inverts in its latent space), whose
 *                    fields are the models themselves (offset 0, scale 1); it has no denoiser on the models, so
 *                    {@code denoiser} is null then
 */
record Prior(String description, Denoiser denoiser, float[] offset, float[] scale, float[] examples, int count,
             GaussianPrior gaussian, LatentPrior latent) implements AutoCloseable {

    /** A prior on the models themselves (no latent prior). */
    Prior(String description, Denoiser denoiser, float[] offset, float[] scale, float[] examples, int count,
          GaussianPrior gaussian) {
        this(description, denoiser, offset, scale, examples, count, gaussian, null);
    }

    /** Frees the denoiser's native memory where it holds some (a network). */
    @Override
    public void close() {
        if (latent != null) {
            latent.close();
        }
        if (denoiser instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the prior's denoiser", e);
            }
        }
    }
}
