package dev.strata.sampler.validate;

import dev.strata.sampler.MixtureWeights;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.oracle.PosteriorOracle;
import java.util.SplittableRandom;

/**
 * The posterior of a memorized prior with equal prior weights under y = A x + e, e ~ N(0, s^2 I), computed here
 * independently of {@link dev.strata.sampler.mixture.MemorizedPosterior} (no shared code, no forward operator, no
 * float arithmetic): for each example x_k, log w_k = -||y - A x_k||^2 / (2 s^2) with A x_k summed in double from the
 * dense matrix, then w = exp(log w - max) / sum. Mean, marginal std and draws (inverse CDF) follow from w. This is the
 * oracle the memorized rows of {@link ValidationSuite} are judged by, so that the closed-form sampler is not compared
 * with itself.
 */
final class ReweightedExamples implements PosteriorOracle {
    private final String name;
    private final int[] shape;
    private final int d;
    private final float[] examples;
    private final double[] weights;

    /**
     * @param examples x_k, flat [count, d] (not modified)
     * @param matrix   A, m x d row-major
     * @param data     y, m values
     * @param noise    s
     */
    ReweightedExamples(String name, int[] shape, float[] examples, double[] matrix, double[] data, double noise) {
        this.name = name;
        this.shape = shape.clone();
        this.d = matrix.length / data.length;
        this.examples = examples.clone();
        int count = examples.length / d;
        double[] logW = new double[count];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double misfit = 0;
            for (int i = 0; i < data.length; i++) {
                double ax = 0;
                for (int j = 0; j < d; j++) {
                    ax += matrix[i * d + j] * (double) examples[k * d + j];
                }
                misfit += (data[i] - ax) * (data[i] - ax);
            }
            logW[k] = -misfit / (2 * noise * noise);
            max = Math.max(max, logW[k]);
        }
        double total = 0;
        weights = new double[count];
        for (int k = 0; k < count; k++) {
            weights[k] = Math.exp(logW[k] - max);
            total += weights[k];
        }
        for (int k = 0; k < count; k++) {
            weights[k] /= total;
        }
    }

    /** w_k (a copy). */
    double[] weights() {
        return weights.clone();
    }

    /** 1 / sum_k w_k^2. */
    double effectiveSize() {
        return MixtureWeights.effectiveSize(weights);
    }

    /** The examples as a training set (for the memorization metric). */
    TrainingSet trainingSet() {
        return new TrainingSet(shape, examples, weights.length);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] mean() {
        double[] mean = new double[d];
        for (int k = 0; k < weights.length; k++) {
            for (int j = 0; j < d; j++) {
                mean[j] += weights[k] * examples[k * d + j];
            }
        }
        return mean;
    }

    @Override
    public double[] std() {
        double[] mean = mean();
        double[] std = new double[d];
        for (int k = 0; k < weights.length; k++) {
            for (int j = 0; j < d; j++) {
                double dev = examples[k * d + j] - mean[j];
                std[j] += weights[k] * dev * dev;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]);
        }
        return std;
    }

    @Override
    public float[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[n * d];
        for (int b = 0; b < n; b++) {
            double u = random.nextDouble();
            int k = 0;
            double below = weights[0];
            while (below <= u && k < weights.length - 1) {
                below += weights[++k];
            }
            System.arraycopy(examples, k * d, out, b * d, d);
        }
        return out;
    }
}
