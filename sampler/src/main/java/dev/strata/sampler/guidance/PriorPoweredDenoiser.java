package dev.strata.sampler.guidance;

import dev.strata.sampler.Denoiser;

/**
 * Raises the prior of a posterior denoiser to the power alpha (seed 003's p(y | x)^lambda p(x)^alpha): with scores
 * (D - x) / sigma^2, s = s_posterior + (alpha - 1) s_prior is the denoiser D = D_post + (alpha - 1) (D_prior - x).
 * The score of the target at sigma -> 0, not of the noised target: sample it with a Langevin corrector
 * ({@link dev.strata.sampler.edm.PredictorCorrectorSampler}).
 */
public final class PriorPoweredDenoiser implements Denoiser {
    private final Denoiser posterior;
    private final Denoiser prior;
    private final double alpha;

    /**
     * @param posterior D_post(x; sigma), e.g. a {@link PosteriorDenoiser} with the likelihood to the power lambda
     * @param prior     D_prior(x; sigma)
     * @param alpha     the prior's power, > 0
     */
    public PriorPoweredDenoiser(Denoiser posterior, Denoiser prior, double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("the prior power must be finite and > 0, got " + alpha);
        }
        this.posterior = posterior;
        this.prior = prior;
        this.alpha = alpha;
    }

    @Override
    public int[] shape() {
        return posterior.shape();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        return combine(posterior.denoise(x, sigma, n), prior.denoise(x, sigma, n), x);
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        return combine(posterior.vjp(x, sigma, v, n), prior.vjp(x, sigma, v, n), v);
    }

    /** a + (alpha - 1) (b - c), a new array. */
    private float[] combine(float[] a, float[] b, float[] c) {
        float[] out = new float[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (a[i] + (alpha - 1) * (b[i] - c[i]));
        }
        return out;
    }
}
