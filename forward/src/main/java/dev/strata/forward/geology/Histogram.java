package dev.strata.forward.geology;

import java.util.Arrays;

/**
 * A marginal histogram: {@code counts.length} equal bins spanning [min, max]; the last bin includes max.
 *
 * @param min    lower edge of the first bin
 * @param max    upper edge of the last bin, {@code >= min}
 * @param counts values per bin (the record keeps the array it is given)
 */
public record Histogram(double min, double max, long[] counts) {
    public Histogram {
        if (counts == null || counts.length < 1 || !(max >= min)) {
            throw new IllegalArgumentException("a histogram needs at least one bin and min <= max");
        }
    }

    /** Lower edge of bin {@code b}. */
    public double lowerEdge(int b) {
        return min + (max - min) * b / counts.length;
    }

    /** Fraction of all values in bin {@code b}. */
    public double fraction(int b) {
        long total = Arrays.stream(counts).sum();
        return total == 0 ? 0 : (double) counts[b] / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && min == h.min && max == h.max && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(min) + 17 * Double.hashCode(max) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + min + ", " + max + ", " + Arrays.toString(counts) + "]";
    }
}
