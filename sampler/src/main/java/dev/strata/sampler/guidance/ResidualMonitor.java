package dev.strata.sampler.guidance;

/**
 * Told A(x̂0) at each reverse step by a guidance that computes it anyway, so the data residual can be recorded per
 * step without an extra forward run.
 */
@FunctionalInterface
public interface ResidualMonitor {

    /** Records nothing. */
    ResidualMonitor NONE = (step, sigma, predicted, n) -> { };

    /**
     * @param step      reverse step of the current run, from 0
     * @param sigma     noise level of the step
     * @param predicted A(x̂0), [n, outputSize]; not to be modified or kept
     */
    void residual(int step, double sigma, float[] predicted, int n);
}
