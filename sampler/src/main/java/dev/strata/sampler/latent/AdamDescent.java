package dev.strata.sampler.latent;

import dev.strata.sampler.nn.BatchObjective;

/**
 * Minimises a {@link BatchObjective} by Adam (Kingma and Ba 2015) on plain arrays, every sample of the batch its own
 * problem: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, x -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps),
 * b1 = 0.9, b2 = 0.999, eps = 1e-8, constant lr. The objective is evaluated once per iteration, and once more at the
 * end: {@code iterations + 1} evaluations, the first at x0 and the last at the returned point.
 */
public final class AdamDescent {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    /**
     * @param iterations   Adam updates, >= 0
     * @param learningRate step size lr, > 0
     */
    public record Settings(int iterations, double learningRate) {
        public Settings {
            if (iterations < 0 || !(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("need iterations >= 0 and a finite learning rate > 0, got "
                        + iterations + ", " + learningRate);
            }
        }
    }

    private AdamDescent() {
    }

    /** The point reached from {@code x0} ({@code [n][size]}, not modified); a new array. */
    public static float[] minimise(BatchObjective f, float[] x0, int n, Settings s) {
        float[] x = x0.clone();
        float[] g = new float[x.length];
        double[] m = new double[x.length];
        double[] v = new double[x.length];
        for (int t = 1; t <= s.iterations(); t++) {
            f.evaluate(x, n, g);
            double rate = s.learningRate() * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int i = 0; i < x.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                x[i] -= (float) (rate * m[i] / (Math.sqrt(v[i]) + EPS));
            }
        }
        f.evaluate(x, n, g);
        return x;
    }
}
