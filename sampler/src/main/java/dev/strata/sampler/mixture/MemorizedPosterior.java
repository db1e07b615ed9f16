package dev.strata.sampler.mixture;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.sampler.MixtureWeights;
import dev.strata.sampler.oracle.ExactSampler;
import java.util.SplittableRandom;

/**
 * The exact posterior under a memorized prior (seed 001, Siahkoohi and Sabeddu): with p(x) = sum_k pi_k delta(x - x_k)
 * and y = F(x) + e, e ~ N(0, s^2 I), for any forward operator F,
 * <pre>
 *   p(x | y) = sum_k w_k delta(x - x_k),   w_k ∝ pi_k exp(-||y - F(x_k)||^2 / (2 s^2)),
 * </pre>
 * a likelihood-weighted lookup among the training examples. Mean, marginal std and draws are exact; its denoiser
 * (a memorized prior with the weights w) is exact too, so diffusion samplers driven by it can be checked against it.
 */
public final class MemorizedPosterior implements ExactSampler {
    private static final int CHUNK = 256; // examples per operator call

    private final String name;
    private final TrainingSet set;
    private final double[] logWeights;
    private final double[] weights;
    private final double[] cumulative;

    private MemorizedPosterior(String name, TrainingSet set, double[] logWeights) {
        this.name = name;
        this.set = set;
        this.logWeights = MixtureWeights.normaliseLog(logWeights, set.count());
        this.weights = MixtureWeights.weights(this.logWeights);
        this.cumulative = MixtureWeights.cumulative(weights);
    }

    /**
     * @param name     name for reports
     * @param prior    a memorized prior (gamma must be 0)
     * @param operator F, applied to every training example (in chunks)
     * @param data     y, one data sample (not modified)
     * @param noise    data noise standard deviation s
     */
    public static MemorizedPosterior of(String name, GaussianMixturePrior prior, ForwardOperator operator, float[] data,
            double noise) {
        if (prior.gamma() != 0) {
            throw new IllegalArgumentException("a memorized prior has gamma = 0; use LinearisedMixturePosterior for "
                    + "gamma = " + prior.gamma());
        }
        if (!(noise > 0)) {
            throw new IllegalArgumentException("noise must be > 0, got " + noise);
        }
        TrainingSet set = prior.trainingSet();
        int m = operator.outputSize();
        Shapes.requireBatch("MemorizedPosterior data", data, 1, m);
        if (operator.inputSize() != set.size()) {
            throw new IllegalArgumentException("operator takes " + operator.inputSize() + " values, examples have "
                    + set.size());
        }
        double[] logW = prior.logWeights();
        float[] all = set.examples();
        for (int k0 = 0; k0 < set.count(); k0 += CHUNK) {
            int len = Math.min(CHUNK, set.count() - k0);
            float[] chunk = new float[len * set.size()];
            System.arraycopy(all, k0 * set.size(), chunk, 0, chunk.length);
            float[] pred = operator.apply(chunk, len);
            for (int j = 0; j < len; j++) {
                double r2 = 0;
                for (int i = 0; i < m; i++) {
                    double r = data[i] - pred[j * m + i];
                    r2 += r * r;
                }
                logW[k0 + j] -= r2 / (2 * noise * noise);
            }
        }
        return new MemorizedPosterior(name, set, logW);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return set.shape();
    }

    /** The training set whose examples carry the posterior. */
    public TrainingSet trainingSet() {
        return set;
    }

    /** Posterior weights w_k (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** 1 / sum_k w_k^2: how many training examples the posterior effectively spreads over. */
    public double effectiveSize() {
        return MixtureWeights.effectiveSize(weights);
    }

    /** The exact denoiser of this posterior: a memorized prior with weights w (gamma = 0). */
    public GaussianMixtureDenoiser denoiser() {
        return new GaussianMixtureDenoiser(set, 0, logWeights);
    }

    @Override
    public double[] mean() {
        double[] m = set.weightedSums(1, weights)[0];
        return m;
    }

    @Override
    public double[] std() {
        double[] m = mean();
        int d = set.size();
        double[] v = new double[d];
        for (int k = 0; k < set.count(); k++) {
            double w = weights[k];
            if (w == 0) {
                continue;
            }
            for (int i = 0; i < d; i++) {
                double dv = set.value(k, i) - m[i];
                v[i] += w * dv * dv;
            }
        }
        for (int i = 0; i < d; i++) {
            v[i] = Math.sqrt(v[i]);
        }
        return v;
    }

    @Override
    public float[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = set.size();
        float[] out = new float[n * d];
        for (int b = 0; b < n; b++) {
            int k = MixtureWeights.draw(cumulative, random);
            for (int i = 0; i < d; i++) {
                out[b * d + i] = set.value(k, i);
            }
        }
        return out;
    }
}
