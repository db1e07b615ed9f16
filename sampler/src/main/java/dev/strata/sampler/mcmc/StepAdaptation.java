package dev.strata.sampler.mcmc;

/**
 * Burn-in step-size tuning towards a target acceptance rate: after every window of 25 iterations,
 * step *= exp(2 (rate - target)), clamped to [1e-8, max]. Not used after burn-in.
 */
final class StepAdaptation {
    private static final int WINDOW = 25;
    private final double target;
    private final double max;
    private double step;
    private long accepted;
    private long proposed;
    private int iterations;

    StepAdaptation(double initial, double target, double max) {
        this.step = Math.min(initial, max);
        this.target = target;
        this.max = max;
    }

    double step() {
        return step;
    }

    void record(int acceptedNow, int proposedNow) {
        accepted += acceptedNow;
        proposed += proposedNow;
        if (++iterations % WINDOW == 0) {
            double rate = (double) accepted / proposed;
            step = Math.max(1e-8, Math.min(max, step * Math.exp(2 * (rate - target))));
            accepted = 0;
            proposed = 0;
        }
    }
}
