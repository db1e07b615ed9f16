package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HardDataOperatorTest extends ForwardOperatorContract {

    private static final int CHANNELS = 2;
    private static final int NZ = 80;
    private static final int NX = 100;
    private static final int[] WELLS = {10, 50, 90};

    @Override
    protected ForwardOperator operator() {
        return HardDataOperator.wells(CHANNELS, NZ, NX, WELLS);
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return gaussian(random, n * CHANNELS * NZ * NX);
    }

    @Test
    void wellsObserveEveryChannelAlongWholeColumnsInRowMajorOrder() {
        ForwardOperator op = operator();
        assertArrayEquals(new int[] {CHANNELS * NZ * WELLS.length}, op.outputShape());
        float[] x = randomModels(rng, BATCH);
        float[] y = op.apply(x, BATCH);
        int j = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int cz = 0; cz < CHANNELS * NZ; cz++) {
                for (int well : WELLS) {
                    assertEquals(x[(b * CHANNELS * NZ + cz) * NX + well], y[j++]);
                }
            }
        }
    }

    @Test
    void adjointScattersIntoTheObservedPointsAndLeavesZeroElsewhere() {
        HardDataOperator op = new HardDataOperator(new int[] {2, 3}, new boolean[] {false, true, false, true, false,
            true});
        assertArrayEquals(new int[] {1, 3, 5}, op.observedIndices());
        assertArrayEquals(new float[] {2, 4, 6, 20, 40, 60},
                op.apply(new float[] {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60}, 2));
        assertArrayEquals(new float[] {0, 7, 0, 8, 0, 9}, op.adjoint(new float[] {7, 8, 9}, 1));
    }

    @Test
    void repeatedWellColumnsAreObservedOnce() {
        assertArrayEquals(new int[] {CHANNELS * NZ}, HardDataOperator.wells(CHANNELS, NZ, NX, 4, 4).outputShape());
    }

    @Test
    void rejectsBadMasksAndColumns() {
        assertRejected(() -> HardDataOperator.wells(CHANNELS, NZ, NX, NX), "well column 100");
        assertRejected(() -> HardDataOperator.wells(CHANNELS, NZ, NX), "at least one column");
        assertRejected(() -> new HardDataOperator(new int[] {2, 3}, new boolean[5]), "6 elements");
        assertRejected(() -> new HardDataOperator(new int[] {2, 3}, new boolean[6]), "no points");
    }
}
