package dev.strata.sampler.mixture;

import dev.strata.sampler.Gaussian;

/** Small training sets for mixture tests: smooth-ish random fields, seeded. */
final class MixtureFixtures {
    private MixtureFixtures() {
    }

    /** {@code count} examples of shape {@code shape}: a random level plus a random ramp plus white noise of 0.3. */
    static TrainingSet set(int[] shape, int count, long seed) {
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        Gaussian g = new Gaussian(seed);
        float[] data = new float[count * size];
        for (int k = 0; k < count; k++) {
            double level = g.next();
            double ramp = g.next();
            for (int i = 0; i < size; i++) {
                data[k * size + i] = (float) (level + ramp * i / size + 0.3 * g.next());
            }
        }
        return new TrainingSet(shape, data, count);
    }

    /** D(x; sigma) by the textbook formula, all in double, distances taken directly: the slow reference. */
    static double[] naiveDenoise(TrainingSet set, double gamma, float[] x, int b, double sigma) {
        int d = set.size();
        int count = set.count();
        double s2 = gamma * gamma + sigma * sigma;
        double[] logit = new double[count];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double dist = 0;
            for (int i = 0; i < d; i++) {
                double r = x[b * d + i] - set.value(k, i);
                dist += r * r;
            }
            logit[k] = -dist / (2 * s2);
            max = Math.max(max, logit[k]);
        }
        double z = 0;
        for (int k = 0; k < count; k++) {
            logit[k] = Math.exp(logit[k] - max);
            z += logit[k];
        }
        double g = gamma * gamma / s2;
        double[] out = new double[d];
        for (int k = 0; k < count; k++) {
            double w = logit[k] / z;
            for (int i = 0; i < d; i++) {
                out[i] += w * (set.value(k, i) + g * (x[b * d + i] - set.value(k, i)));
            }
        }
        return out;
    }
}
