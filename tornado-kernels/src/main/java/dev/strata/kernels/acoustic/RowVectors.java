package dev.strata.kernels.acoustic;

/**
 * The whole vectors that cover the interior columns [R, nx - R) of one row without a scalar remainder (see
 * {@link AcousticVectors#tailColumn}): a head vector at R where the others start later, a tail vector ending at
 * nx - R where they end earlier, then the others from {@link AcousticVectors#firstVector}. Head and tail are computed
 * first, into scratch vectors, and stored by {@link #storeOverlaps} after the others, so a column they share with one
 * of the others is computed twice from the same inputs and stored with the same value. One instance serves the rows of
 * one call on one thread.
 */
final class RowVectors {
    private static final int R = AcousticKernels.RADIUS;

    private final int nx;
    private final int lanes = AcousticVectors.lanes();
    private final float[] head = new float[lanes];
    private final float[] tail = new float[lanes];
    private final int[] columns;
    private int count;
    private boolean hasHead;
    private boolean hasTail;
    /** The first vector column of the current plan; -1 before the first. */
    private int plannedFirst = -1;

    /** For rows of nx points; needs {@link AcousticVectors#rowFitsVectors}. */
    RowVectors(int nx) {
        this.nx = nx;
        this.columns = new int[nx / lanes + 3];
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
        int end = AcousticVectors.vectorsEnd(first, nx);
        hasHead = first != R;
        hasTail = end != nx - R;
        count = 0;
        if (hasHead) {
            columns[count++] = R;
        }
        if (hasTail) {
            columns[count++] = AcousticVectors.tailColumn(nx);
        }
        for (int ix = first; ix < end; ix += lanes) {
            columns[count++] = ix;
        }
    }

    /** The first column of vector v. */
    int column(int v) {
        return columns[v];
    }

    /** Where vector v writes: a scratch vector for the head and the tail (at 0), else {@code field}. */
    float[] out(int v, float[] field) {
        if (hasHead && v == 0) {
            return head;
        }
        return hasTail && v == (hasHead ? 1 : 0) ? tail : field;
    }

    /** How many of the row's vectors are scratch vectors (head and tail): vectors [0, scratchCount()). */
    int scratchCount() {
        return (hasHead ? 1 : 0) + (hasTail ? 1 : 0);
    }

    /**
     * The first column of the vectors stored in place, [firstInPlace(), inPlaceEnd()) a vector apart: vectors
     * [scratchCount(), count()).
     */
    int firstInPlace() {
        return plannedFirst;
    }

    /** The end of the columns of the vectors stored in place. */
    int inPlaceEnd() {
        return plannedFirst + (count - scratchCount()) * lanes;
    }

    /** Stores the head and the tail into the row of {@code field} at {@code base}: the last writes of the row. */
    void storeOverlaps(float[] field, int base) {
        if (hasHead) {
            System.arraycopy(head, 0, field, base + R, lanes);
        }
        if (hasTail) {
            System.arraycopy(tail, 0, field, base + AcousticVectors.tailColumn(nx), lanes);
        }
    }
}
