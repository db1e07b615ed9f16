package dev.strata.kernels;

/**
 * A rectangle of indices, outer (slow, rows) by inner (fast, columns); half-open. A 1-D range has one row.
 */
public record IndexRange(int outerStart, int outerEnd, int innerStart, int innerEnd) {
    public IndexRange {
        if (outerEnd < outerStart || innerEnd < innerStart) {
            throw new IllegalArgumentException("empty-negative range " + outerStart + ".." + outerEnd + " x " + innerStart + ".." + innerEnd);
        }
    }

    /** Number of points. */
    public long size() {
        return (long) (outerEnd - outerStart) * (innerEnd - innerStart);
    }

    /** A 1-D range [start, end) laid along the outer index, so that it is split among threads. */
    public static IndexRange of1d(int start, int end) {
        return new IndexRange(start, end, 0, 1);
    }
}
