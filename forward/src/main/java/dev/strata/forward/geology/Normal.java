package dev.strata.forward.geology;

/**
 * A normal marginal N(mean, std^2) of a property.
 *
 * @param mean finite
 * @param std  finite, >= 0
 */
public record Normal(double mean, double std) {
    public Normal {
        if (!Double.isFinite(mean) || !(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("a normal law needs a finite mean and a finite std >= 0, got " + mean
                    + ", " + std);
        }
    }

    /** mean + std g, for a standard normal value g. */
    public double at(double g) {
        return mean + std * g;
    }
}
