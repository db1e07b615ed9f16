package dev.strata.sampler.mixture;

import dev.strata.sampler.Gaussian;
import dev.strata.sampler.MixtureWeights;
import java.util.SplittableRandom;

/**
 * The Gaussian-mixture prior p(x0) = sum_k pi_k N(x0; x_k, gamma^2 I) over a training set (seed 001); gamma = 0
 * is the memorized prior (the empirical distribution). Draws exactly and gives its exact denoiser.
 */
public final class GaussianMixturePrior {
    private final TrainingSet set;
    private final double gamma;
    private final double[] logWeights;

    /**
     * @param set        component means
     * @param gamma      component standard deviation, >= 0
     * @param logWeights log pi_k up to a constant (copied), or {@code null} for equal weights
     */
    public GaussianMixturePrior(TrainingSet set, double gamma, double[] logWeights) {
        if (!(gamma >= 0)) {
            throw new IllegalArgumentException("gamma must be >= 0, got " + gamma);
        }
        this.set = set;
        this.gamma = gamma;
        this.logWeights = MixtureWeights.normaliseLog(logWeights, set.count());
    }

    /** The memorized prior: equal weights, gamma = 0. */
    public static GaussianMixturePrior memorized(TrainingSet set) {
        return new GaussianMixturePrior(set, 0, null);
    }

    public TrainingSet trainingSet() {
        return set;
    }

    public double gamma() {
        return gamma;
    }

    /** Normalised log pi_k (a copy). */
    public double[] logWeights() {
        return logWeights.clone();
    }

    public int[] shape() {
        return set.shape();
    }

    /** The exact denoiser D(x; sigma) of this prior. */
    public GaussianMixtureDenoiser denoiser() {
        return new GaussianMixtureDenoiser(set, gamma, logWeights);
    }

    /** {@code n} exact draws x_k + gamma eps, k ~ pi, flat [n, size]. */
    public float[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Gaussian g = new Gaussian(random.nextLong());
        double[] cumulative = MixtureWeights.cumulative(MixtureWeights.weights(logWeights));
        int size = set.size();
        float[] out = new float[n * size];
        for (int b = 0; b < n; b++) {
            int k = MixtureWeights.draw(cumulative, random);
            for (int i = 0; i < size; i++) {
                out[b * size + i] = (float) (set.value(k, i) + (gamma > 0 ? gamma * g.next() : 0));
            }
        }
        return out;
    }
}
