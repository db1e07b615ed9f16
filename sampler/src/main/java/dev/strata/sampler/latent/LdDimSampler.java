package dev.strata.sampler.latent;

import dev.strata.forward.ForwardOperator;
import dev.strata.sampler.BatchNoise;
import dev.strata.sampler.NoiseStreams;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.mcmc.GaussianLikelihood;
import dev.strata.sampler.nn.LatentPrior;

/**
 * LD-DIM as a {@link Sampler} (seed 002, Lin and He, arXiv 2512.22421): answer i is the field m(z_i) at the end of
 * {@link LatentInversion} started from z_i ~ N(0, I) drawn from (seed, i), minimising
 * J(z) = ||W(F(m(z))) - y_w||^2 / 2 + lambda ||z||^2 / 2 through the DDIM chain, the decoder and F's adjoint. The
 * answers are restarts of a deterministic method, not posterior draws: their spread measures the sensitivity to the
 * starting point. Each answer depends on (seed, i) only, so shards of a run concatenate to the whole run.
 */
public final class LdDimSampler implements Sampler {
    /** Adam's learning rate on z, DDIM steps of the chain and weight of the N(0, I) term (as the ld-dim experiment). */
    public static final double RATE = 0.05;
    public static final int DDIM_STEPS = 10;
    public static final double LATENT_WEIGHT = 1;

    private final LatentPrior prior;
    private final ForwardOperator whitened;
    private final float[] data;
    private final LatentInversion.Settings settings;

    /**
     * @param prior    the latent prior; its fields are the sampler's samples ({@code [1][nz][nx]})
     * @param whitened the forward operator to whitened data, W F
     * @param data     the whitened data y_w
     * @param settings Adam iterations and rate, DDIM steps of the chain, the weight lambda
     */
    public LdDimSampler(LatentPrior prior, ForwardOperator whitened, float[] data, LatentInversion.Settings settings) {
        if (settings.ddimSteps() < 1) {
            throw new IllegalArgumentException("LD-DIM needs a DDIM chain of at least one step");
        }
        this.prior = prior;
        this.whitened = whitened;
        this.data = data.clone();
        this.settings = settings;
    }

    /** {@code iterations} Adam steps at {@link #RATE}, {@link #DDIM_STEPS} DDIM steps, weight {@link #LATENT_WEIGHT}. */
    public static LatentInversion.Settings settings(int iterations) {
        return new LatentInversion.Settings(new AdamDescent.Settings(iterations, RATE), DDIM_STEPS, LATENT_WEIGHT);
    }

    @Override
    public int[] shape() {
        return new int[] {1, prior.weights().nz(), prior.weights().nx()};
    }

    @Override
    public float[] sample(int n, long seed, long firstIndex, ProgressListener listener) {
        return invert(new NoiseStreams(seed, firstIndex, n), n);
    }

    @Override
    public float[] sample(int n, long seed, ProgressListener listener) {
        return invert(BatchNoise.shared(seed, n), n);
    }

    private float[] invert(BatchNoise noise, int n) {
        float[] z0 = noise.array(prior.weights().latentSize(), 1);
        return LatentInversion.run(prior, new GaussianLikelihood(whitened, data, 1), z0, n, settings, null).fields();
    }
}
