package dev.strata.kernels.acoustic;

/**
 * The whole vectors that cover the interior columns [R, nx - R) of one row without a scalar remainder: the vectors
 * from {@link AcousticVectors#firstVector} a vector apart, stored in place, and a head vector at R where they start
 * later and a tail vector ending at nx - R where they end earlier. Head and tail are computed first, into scratch
 * vectors, and stored by {@link #storeOverlaps} after the others, so a column they share with one of the others is
 * computed twice from the same inputs and stored with the same value. One instance serves the rows of one call on one
 * thread.
 */
final class RowVectors {
    private static final int R = AcousticKernels.RADIUS;

    private final int nx;
    private final int lanes = AcousticVectors.lanes();
    private final float[] head = new float[lanes];
    private final float[] tail = new float[lanes];
    private boolean hasHead;
    private boolean hasTail;
    /** The first vector column of the current plan; -1 before the first. */
    private int plannedFirst = -1;
    /** The end of the vectors stored in place in the current plan. */
    private int plannedEnd;

    /** For rows of nx points; needs {@link AcousticVectors#rowFitsVectors}. */
    RowVectors(int nx) {
        this.nx = nx;
    }

    /**
     * Plans the vectors of the row of {@code field} that starts at flat index {@code base}. The plan depends on the
     * first aligned column only, so a row that shares it with the row planned before keeps that plan.
     */
    void plan(float[] field, int base) {
        int first = AcousticVectors.firstVector(field, base);
        if (first == plannedFirst) {
            return;
        }
        plannedFirst = first;
        plannedEnd = AcousticVectors.vectorsEnd(first, nx);
        hasHead = first != R;
        hasTail = plannedEnd != nx - R;
    }

    /** How many scratch vectors (head and tail) the row has: scratch vectors [0, scratchCount()). */
    int scratchCount() {
        return (hasHead ? 1 : 0) + (hasTail ? 1 : 0);
    }

    /** The first column of scratch vector v: R for the head, the tail's (ending at nx - R) otherwise. */
    int scratchColumn(int v) {
        return hasHead && v == 0 ? R : tailColumn();
    }

    /** Scratch vector v (at index 0), which {@link #storeOverlaps} stores at {@link #scratchColumn}. */
    float[] scratch(int v) {
        return hasHead && v == 0 ? head : tail;
    }

    /** The first column of the vectors stored in place, [firstInPlace(), inPlaceEnd()) a vector apart. */
    int firstInPlace() {
        return plannedFirst;
    }

    /** The end of the columns of the vectors stored in place. */
    int inPlaceEnd() {
        return plannedEnd;
    }

    /** Stores the head and the tail into the row of {@code field} at {@code base}: the last writes of the row. */
    void storeOverlaps(float[] field, int base) {
        if (hasHead) {
            System.arraycopy(head, 0, field, base + R, lanes);
        }
        if (hasTail) {
            System.arraycopy(tail, 0, field, base + tailColumn(), lanes);
        }
    }

    private int tailColumn() {
        return AcousticVectors.tailColumn(nx);
    }
}
