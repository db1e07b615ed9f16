package dev.strata.kernels.seismic;

import static dev.strata.kernels.TaskRuns.runBody;
import static dev.strata.kernels.TaskRuns.runVectorised;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelTask;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ranges, full writes and argument checks of the seismic tasks, as the kernel declarations generate them. */
class SeismicTasksTest {

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
        KernelTask task = SeismicTasks.modelVjp(model, drc, dModel, channels, 1, nz, nx, nb);
        assertEquals(new IndexRange(0, nb * channels * nz, 0, nx), task.range());
        runBody(task);
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
        runBody(SeismicTasks.gatherPoint(idx, x, y, 5, 2));
        assertArrayEquals(new float[] {11, 14, 21, 24}, y);
        float[] back = new float[10];
        Arrays.fill(back, Float.NaN);
        runBody(SeismicTasks.scatterPoint(slot, y, back, 2, 2));
        assertArrayEquals(new float[] {0, 11, 0, 0, 14, 0, 21, 0, 0, 24}, back);
    }

    @Test
    void tasksRejectBadPointsEvenWaveletsAndShortArrays() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeismicTasks.gatherPoint(new int[] {5}, new float[5], new float[1], 5, 1));
        assertTrue(e.getMessage().startsWith("SeismicKernels.gatherPoint: requires"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SeismicTasks.scatterPoint(new int[] {2}, new float[1], new float[1], 2, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> SeismicTasks.convolveDepth(new float[6], new float[4], new float[6], 3, 2, 1));
        assertTrue(e.getMessage().contains("nw % 2 == 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SeismicTasks.reflectivity(new float[8], new float[1], 2, 1, 2, 2, 1));
        assertEquals("SeismicKernels.reflectivity: rc has 1 elements, needs 2", e.getMessage());
        // the same arguments, well formed, are accepted
        SeismicTasks.reflectivity(new float[8], new float[2], 2, 1, 2, 2, 1);
    }

    @Test
    void vectorisedConvolutionRowsEqualThePerPointBodiesBitForBit() {
        // (nr, nx, nw, nb): the default grid; a wavelet longer than the trace; rows narrower than a vector; one tap;
        // a row one point longer than two vectors of 16
        int[][] shapes = {{80, 100, 41, 2}, {5, 17, 9, 1}, {6, 3, 3, 2}, {12, 16, 1, 1}, {3, 33, 7, 2}};
        Random random = new Random(7);
        for (int[] s : shapes) {
            int nr = s[0];
            int nx = s[1];
            int nb = s[3];
            float[] in = new float[nb * nr * nx];
            float[] wavelet = new float[s[2]];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) random.nextGaussian();
            }
            for (int k = 0; k < wavelet.length; k++) {
                wavelet[k] = (float) random.nextGaussian();
            }
            float[] body = new float[in.length];
            float[] vectors = new float[in.length];
            Arrays.fill(vectors, Float.NaN);
            runBody(SeismicTasks.convolveDepth(in, wavelet, body, nr, nx, nb));
            runVectorised(SeismicTasks.convolveDepth(in, wavelet, vectors, nr, nx, nb));
            assertArrayEquals(body, vectors, "convolveDepth " + Arrays.toString(s));
            Arrays.fill(vectors, Float.NaN);
            runBody(SeismicTasks.correlateDepth(in, wavelet, body, nr, nx, nb));
            runVectorised(SeismicTasks.correlateDepth(in, wavelet, vectors, nr, nx, nb));
            assertArrayEquals(body, vectors, "correlateDepth " + Arrays.toString(s));
        }
    }

    @Test
    void vectorisedReflectivityRowsEqualThePerPointBodiesBitForBit() {
        // (channels, ch, nz, nx, nb): two channels of the default grid; the extended impedance alone; rows narrower
        // than a vector; two rows only, one point longer than two vectors of 16
        int[][] shapes = {{2, 1, 80, 100, 2}, {1, 0, 81, 100, 3}, {3, 2, 5, 7, 2}, {2, 0, 2, 33, 2}};
        Random random = new Random(11);
        for (int[] s : shapes) {
            int channels = s[0];
            int ch = s[1];
            int nz = s[2];
            int nx = s[3];
            int nb = s[4];
            float[] model = new float[nb * channels * nz * nx];
            float[] dModel = new float[model.length];
            for (int i = 0; i < model.length; i++) {
                model[i] = (float) (5000 + 3000 * random.nextDouble());
                dModel[i] = (float) random.nextGaussian();
            }
            float[] drc = new float[nb * (nz - 1) * nx];
            for (int i = 0; i < drc.length; i++) {
                drc[i] = (float) random.nextGaussian();
            }
            String shape = Arrays.toString(s);
            float[] body = new float[drc.length];
            float[] vectors = new float[drc.length];
            Arrays.fill(vectors, Float.NaN);
            runBody(SeismicTasks.reflectivity(model, body, channels, ch, nz, nx, nb));
            runVectorised(SeismicTasks.reflectivity(model, vectors, channels, ch, nz, nx, nb));
            assertArrayEquals(body, vectors, "reflectivity " + shape);
            Arrays.fill(vectors, Float.NaN);
            runBody(SeismicTasks.reflectivityJvp(model, dModel, body, channels, ch, nz, nx, nb));
            runVectorised(SeismicTasks.reflectivityJvp(model, dModel, vectors, channels, ch, nz, nx, nb));
            assertArrayEquals(body, vectors, "reflectivityJvp " + shape);
            float[] bodyVjp = new float[model.length];
            float[] vectorsVjp = new float[model.length];
            Arrays.fill(vectorsVjp, Float.NaN);
            runBody(SeismicTasks.modelVjp(model, drc, bodyVjp, channels, ch, nz, nx, nb));
            runVectorised(SeismicTasks.modelVjp(model, drc, vectorsVjp, channels, ch, nz, nx, nb));
            assertArrayEquals(bodyVjp, vectorsVjp, "modelVjp " + shape);
        }
    }
}
