package dev.strata.sampler.guidance;

import dev.strata.sampler.ConditionalDenoiser;
import dev.strata.sampler.Denoiser;

/**
 * The power-scaled posterior of seed 003 from one classifier-free-guidance network: the score
 * lambda grad log p(x | y) + (alpha - lambda) grad log p(x) targets p(y | x)^lambda p(x)^alpha. With scores
 * (D - x) / sigma^2 this is the denoiser D_ps = lambda D(x; y) + (alpha - lambda) D(x) + (1 - alpha) x, which any
 * sampler can drive. Exact at sigma -> 0; at larger sigma a weighted sum of noised scores is not the score of the
 * noised power posterior, so samples are approximate except at alpha = lambda = 1 (the plain posterior).
 *
 * <p>Measured limit: with the deterministic probability-flow samplers (EDM Euler) only alpha = 1 is usable. At
 * alpha != 1 the prior score is scaled by alpha at every noise level, including sigma >> data scale where the true
 * noised power prior's score is not scaled, and the spread collapses (alpha = 2: posterior std ~ 0) or explodes
 * (alpha = 0.5: 7x too wide) on the Gaussian-linear oracle. Prior-power scaling needs a Langevin corrector at each
 * noise level: {@link dev.strata.sampler.edm.PredictorCorrectorSampler}, which meets the exact bound there.
 */
public final class PowerScaledDenoiser implements Denoiser {
    private final ConditionalDenoiser network;
    private final float[] condition;
    private final double lambda;
    private final double alpha;

    /**
     * @param network   conditional denoiser with a null condition for the prior
     * @param condition the data y (copied)
     * @param lambda    likelihood power
     * @param alpha     prior power plus lambda: the prior enters with power alpha (alpha >= 0)
     */
    public PowerScaledDenoiser(ConditionalDenoiser network, float[] condition, double lambda, double alpha) {
        if (!(lambda >= 0 && alpha >= 0)) {
            throw new IllegalArgumentException("powers must be >= 0, got lambda " + lambda + ", alpha " + alpha);
        }
        this.network = network;
        this.condition = condition.clone();
        this.lambda = lambda;
        this.alpha = alpha;
    }

    @Override
    public int[] shape() {
        return network.shape();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        float[] c = network.denoise(x, sigma, condition, n);
        float[] u = network.denoise(x, sigma, null, n);
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (lambda * c[i] + (alpha - lambda) * u[i] + (1 - alpha) * x[i]);
        }
        return out;
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        float[] c = network.vjp(x, sigma, condition, v, n);
        float[] u = network.vjp(x, sigma, null, v, n);
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (lambda * c[i] + (alpha - lambda) * u[i] + (1 - alpha) * v[i]);
        }
        return out;
    }
}
