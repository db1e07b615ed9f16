package dev.strata.sampler.mcmc;

import dev.strata.sampler.ProgressListener;

/**
 * The bookkeeping that {@link PcnSampler} and {@link MalaSampler} share around their proposals: the step size adapts
 * towards a target acceptance during burn-in ({@link StepAdaptation}); after it, acceptances are counted and every
 * {@code thin}-th state is kept, chain-major as in {@link McmcRun}; progress is reported after every iteration and the
 * whole run is timed from construction.
 */
final class ChainRecorder {
    private final ChainSettings settings;
    private final int size;
    private final StepAdaptation adapt;
    private final ProgressListener listener;
    private final long start;
    private final float[] kept;
    private long accepted;

    /**
     * @param settings         chains, burn-in, iterations, thinning and the initial step
     * @param size             values per state d
     * @param targetAcceptance acceptance rate the step adapts towards during burn-in
     * @param maxStep          largest step the adaptation may reach
     * @param listener         told after every iteration, burn-in included
     */
    ChainRecorder(ChainSettings settings, int size, double targetAcceptance, double maxStep,
            ProgressListener listener) {
        this.start = System.nanoTime();
        this.settings = settings;
        this.size = size;
        this.adapt = new StepAdaptation(settings.initialStep(), targetAcceptance, maxStep);
        this.listener = listener;
        this.kept = new float[settings.chains() * settings.kept() * size];
    }

    /** Iterations per chain, burn-in included. */
    int total() {
        return settings.burnIn() + settings.iterations();
    }

    /** The step size for the next iteration. */
    double step() {
        return adapt.step();
    }

    /**
     * Records iteration {@code it} (0-based), in which {@code acceptedNow} chains accepted; {@code x} holds the states
     * after it, [chains, size] flat (not modified; copied when kept).
     */
    void record(int it, int acceptedNow, float[] x) {
        int c = settings.chains();
        if (it < settings.burnIn()) {
            adapt.record(acceptedNow, c);
        } else {
            accepted += acceptedNow;
            int t = it - settings.burnIn();
            if ((t + 1) % settings.thin() == 0 && t / settings.thin() < settings.kept()) {
                int slot = t / settings.thin();
                for (int b = 0; b < c; b++) {
                    System.arraycopy(x, b * size, kept, (b * settings.kept() + slot) * size, size);
                }
            }
        }
        listener.stepDone(it + 1, total());
    }

    /** The kept states, the acceptance rate after burn-in, the adapted step and the seconds since construction. */
    McmcRun finish() {
        double seconds = (System.nanoTime() - start) / 1e9;
        int c = settings.chains();
        return new McmcRun(kept, c, settings.kept(), size, (double) accepted / ((long) c * settings.iterations()),
                adapt.step(), seconds);
    }
}
