package dev.strata.sampler.guidance;

/**
 * Numbers a guidance's calls as reverse steps: sigma_next falls strictly within a run, so a call whose sigma_next is
 * not below the last one's starts a new run at step 0. One run at a time per counter.
 */
final class StepCounter {
    private double lastSigmaNext = Double.NaN;
    private int step = -1;

    /** The step index of a call with this sigma_next. */
    int next(double sigmaNext) {
        step = sigmaNext < lastSigmaNext ? step + 1 : 0;
        lastSigmaNext = sigmaNext;
        return step;
    }
}
