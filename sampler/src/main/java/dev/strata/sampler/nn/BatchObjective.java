package dev.strata.sampler.nn;

/**
 * A function to minimise over a batch of independent points, with its gradient: f_b(x_b) and df_b/dx_b for every
 * sample b of a batch of n.
 */
@FunctionalInterface
public interface BatchObjective {
    /**
     * @param x        {@code [n][size]}, not modified
     * @param n        samples in the batch
     * @param gradient {@code [n][size]} (or longer: entries past n samples are left alone), filled with df_b/dx_b
     * @return f_b per sample, {@code [n]}
     */
    double[] evaluate(float[] x, int n, float[] gradient);
}
