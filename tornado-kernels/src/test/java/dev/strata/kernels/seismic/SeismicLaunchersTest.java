package dev.strata.kernels.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Ranges, full writes and argument checks of the seismic launchers. */
class SeismicLaunchersTest {

    @Test
    void modelVjpWritesEveryChannelWithZerosOutsideTheImpedanceChannel() {
        int nb = 2;
        int channels = 3;
        int nz = 4;
        int nx = 2;
        float[] model = new float[nb * channels * nz * nx];
        Arrays.fill(model, 5000f);
        float[] drc = new float[nb * (nz - 1) * nx];
        Arrays.fill(drc, 1f);
        float[] dModel = new float[model.length];
        Arrays.fill(dModel, Float.NaN);
        Object[] args = {model, drc, dModel, nb, channels, 1, nz, nx};
        assertEquals(new IndexRange(0, nb * channels * nz, 0, nx), SeismicLaunchers.REFLECTIVITY_VJP.range(args));
        run(SeismicLaunchers.REFLECTIVITY_VJP, args);
        for (int i = 0; i < dModel.length; i++) {
            int c = (i / (nz * nx)) % channels;
            assertTrue(c == 1 || dModel[i] == 0f, "channel " + c + " at " + i + ": " + dModel[i]);
            assertTrue(!Float.isNaN(dModel[i]), "unwritten point " + i);
        }
    }

    @Test
    void scatterIsTheGatherAdjointAndWritesZerosAtUnobservedPoints() {
        int[] idx = {1, 4};
        int[] slot = {-1, 0, -1, -1, 1};
        float[] x = {10, 11, 12, 13, 14, 20, 21, 22, 23, 24};
        float[] y = new float[4];
        run(SeismicLaunchers.GATHER, idx, x, y, 2, 5);
        assertArrayEquals(new float[] {11, 14, 21, 24}, y);
        float[] back = new float[10];
        Arrays.fill(back, Float.NaN);
        run(SeismicLaunchers.SCATTER, slot, y, back, 2, 2);
        assertArrayEquals(new float[] {0, 11, 0, 0, 14, 0, 21, 0, 0, 24}, back);
    }

    @Test
    void launchersRejectBadPointsAndShortArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> SeismicLaunchers.GATHER.check(new Object[] {new int[] {5}, new float[5], new float[1], 1, 5}));
        assertThrows(IllegalArgumentException.class,
                () -> SeismicLaunchers.SCATTER.check(new Object[] {new int[] {2}, new float[1], new float[1], 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> SeismicLaunchers.CONVOLVE.check(
                new Object[] {new float[6], new float[4], new float[6], 1, 3, 2}));
        assertThrows(IllegalArgumentException.class, () -> SeismicLaunchers.REFLECTIVITY.check(
                new Object[] {new float[8], new float[3], 1, 2, 2, 2, 2}));
    }

    private static void run(Kernel kernel, Object... args) {
        kernel.check(args);
        IndexRange r = kernel.range(args);
        kernel.runRows(args, r.outerStart(), r.outerEnd());
    }
}
