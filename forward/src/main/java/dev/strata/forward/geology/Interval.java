package dev.strata.forward.geology;

import java.util.SplittableRandom;

/**
 * A closed interval [lo, hi] from which a generator draws a value uniformly; {@code lo == hi} fixes the value.
 *
 * @param lo smallest value, finite
 * @param hi largest value, finite, {@code >= lo}
 */
public record Interval(double lo, double hi) {
    public Interval {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
            throw new IllegalArgumentException("an interval needs finite lo <= hi, got [" + lo + ", " + hi + "]");
        }
    }

    /** A uniform draw from [lo, hi]; advances {@code random}. */
    public double draw(SplittableRandom random) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Whether lo is strictly positive. */
    public boolean positive() {
        return lo > 0;
    }
}
