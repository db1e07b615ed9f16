package dev.strata.sampler;

/** Told after each step of a long computation. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} steps are finished. */
    void stepDone(int done, int total);
}
