package dev.strata.forward.acoustic;

/**
 * The velocities a setup is checked for: CFL with {@code max}, dispersion with {@code min}. Models given to the
 * operator must stay inside; a model that leaves the range is refused rather than silently run unstable or
 * dispersive.
 *
 * @param min lowest velocity in m/s; positive
 * @param max highest velocity in m/s; at least {@code min}, finite
 */
public record VelocityRange(double min, double max) {

    public VelocityRange {
        if (!(min > 0) || !(max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("velocity range needs 0 < min <= max < infinity, got [" + min + ", "
                    + max + "] m/s");
        }
    }

    /** Whether v lies in [min, max] (false for NaN). */
    public boolean contains(double v) {
        return v >= min && v <= max;
    }
}
