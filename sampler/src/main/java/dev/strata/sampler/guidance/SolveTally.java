package dev.strata.sampler.guidance;

/**
 * How many systems S w = r (one per sample and solve) a guidance's conjugate gradients solved, and how many of them
 * stopped at the iteration cap with the relative residual still above its tolerance: those corrections come from a
 * truncated solve.
 */
public record SolveTally(long systems, long truncated) {
    /** No solve. */
    public static final SolveTally NONE = new SolveTally(0, 0);

    public SolveTally plus(SolveTally other) {
        return new SolveTally(systems + other.systems, truncated + other.truncated);
    }
}
