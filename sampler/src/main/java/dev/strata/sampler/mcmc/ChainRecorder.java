package dev.strata.sampler.mcmc;

import dev.strata.sampler.ProgressListener;

/**
 * The bookkeeping that {@link PcnChains} and {@link MalaChains} share around their proposals: the step size adapts
 * towards a target acceptance during burn-in ({@link StepAdaptation}), on the acceptance pooled over the chains or,
 * for independent chains, per chain; after it, acceptances are counted and every
 * {@code thin}-th state is kept, chain-major as in {@link McmcRun}; progress is reported after every iteration and the
 * whole run is timed from construction.
 */
final class ChainRecorder {
    private final ChainSettings settings;
    private final int size;
    private final StepAdaptation[] adapt; // one pooled, or one per chain
    private final ProgressListener listener;
    private final long start;
    private final float[] kept;
    private long acceptedAfterBurnIn;

    /**
     * @param settings         chains, burn-in, iterations, thinning and the initial step
     * @param size             values per state d
     * @param targetAcceptance acceptance rate the step adapts towards during burn-in
     * @param maxStep          largest step the adaptation may reach
     * @param listener         told after every iteration, burn-in included
     * @param perChain         whether each chain adapts its own step (independent chains) rather than a pooled one
     */
    ChainRecorder(ChainSettings settings, int size, double targetAcceptance, double maxStep,
            ProgressListener listener, boolean perChain) {
        this.start = System.nanoTime();
        this.settings = settings;
        this.size = size;
        this.adapt = new StepAdaptation[perChain ? settings.chains() : 1];
        for (int b = 0; b < adapt.length; b++) {
            adapt[b] = new StepAdaptation(settings.initialStep(), targetAcceptance, maxStep);
        }
        this.listener = listener;
        this.kept = new float[settings.chains() * settings.kept() * size];
    }

    /** Iterations per chain, burn-in included. */
    int total() {
        return settings.burnIn() + settings.iterations();
    }

    /** The step size of chain {@code chain} for the next iteration. */
    double step(int chain) {
        return adapt[adapt.length == 1 ? 0 : chain].step();
    }

    /**
     * Records iteration {@code it} (0-based), in which chain b accepted when {@code accepted[b]}; {@code x} holds the
     * states after it, [chains, size] flat (not modified; copied when kept).
     */
    void record(int it, boolean[] accepted, float[] x) {
        int c = settings.chains();
        int acceptedNow = 0;
        for (boolean a : accepted) {
            acceptedNow += a ? 1 : 0;
        }
        if (it < settings.burnIn()) {
            if (adapt.length == 1) {
                adapt[0].record(acceptedNow, c);
            } else {
                for (int b = 0; b < c; b++) {
                    adapt[b].record(accepted[b] ? 1 : 0, 1);
                }
            }
        } else {
            acceptedAfterBurnIn += acceptedNow;
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

    /**
     * The kept states, the acceptance rate after burn-in, the adapted step (the mean over chains when each adapts its
     * own) and the seconds since construction.
     */
    McmcRun finish() {
        double seconds = (System.nanoTime() - start) / 1e9;
        int c = settings.chains();
        double step = 0;
        for (StepAdaptation a : adapt) {
            step += a.step();
        }
        double acceptance = (double) acceptedAfterBurnIn / ((long) c * settings.iterations());
        return new McmcRun(kept, c, settings.kept(), size, acceptance, step / adapt.length, seconds);
    }
}
