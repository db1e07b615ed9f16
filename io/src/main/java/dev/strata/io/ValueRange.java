package dev.strata.io;

/**
 * The data values mapped to the two ends of a colour map.
 *
 * @param min value shown with the first colour; finite
 * @param max value shown with the last colour; finite, {@code > min}
 */
public record ValueRange(double min, double max) {
    public ValueRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("need finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /**
     * The smallest range holding every finite value of the given fields, e.g. truth and posterior mean so that both
     * are drawn on one scale. A constant field gives {@code [v - 0.5, v + 0.5]}; no finite value gives {@code [0, 1]}.
     */
    public static ValueRange of(float[]... fields) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] field : fields) {
            for (float v : field) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new ValueRange(0, 1);
        }
        return lo < hi ? new ValueRange(lo, hi) : new ValueRange(lo - 0.5, hi + 0.5);
    }

    /** {@code [-m, m]} with {@code m = max(|min|, |max|)}, so that zero falls on the centre of a diverging map. */
    public ValueRange symmetric() {
        double m = Math.max(Math.abs(min), Math.abs(max));
        return new ValueRange(-m, m);
    }

    /** Where {@code value} lies in the range: 0 at {@code min}, 1 at {@code max}, outside [0, 1] beyond them. */
    public double normalize(double value) {
        return (value - min) / (max - min);
    }
}
