package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.kernels.CountingBackend;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * On a backend that compiles, the seismic and hard-data operators build each graph once per batch size and shape and
 * reuse it: later calls compile nothing and give the same numbers as a fresh operator on the plain JVM backend.
 */
class ResidentPlansTest {
    private static final float[] WAVELET = {0.2f, 1f, 0.2f};

    private static float[] models(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 2 * 6 * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (5000 + 1000 * r.nextDouble());
        }
        return x;
    }

    @Test
    void secondCallOfEachGraphCompilesNothing() {
        try (CountingBackend backend = new CountingBackend()) {
            ConvolutionalSeismic op = new ConvolutionalSeismic(2, 6, 5, 1, WAVELET, backend);
            ConvolutionalSeismic reference = new ConvolutionalSeismic(2, 6, 5, 1, WAVELET);
            float[] x = models(3, 1);
            float[] first = op.apply(x, 3);
            assertEquals(1, backend.plans());
            float[] x2 = models(3, 2);
            assertArrayEquals(reference.apply(x2, 3), op.apply(x2, 3), "a reused graph must see the new inputs");
            assertEquals(1, backend.plans(), "apply on the same batch size compiled again");
            float[] dy = models(3, 3);
            float[] dyData = Arrays.copyOf(dy, 3 * op.outputSize());
            assertArrayEquals(reference.vjp(x, dyData, 3), op.vjp(x, dyData, 3));
            op.vjp(x2, dyData, 3);
            assertEquals(2, backend.plans());
            // an operator of the same shape shares the graphs; another batch size is another graph
            new ConvolutionalSeismic(2, 6, 5, 1, new float[] {1f, 0.5f, 0.1f}, backend).apply(x, 3);
            assertEquals(2, backend.plans());
            op.apply(models(1, 4), 1);
            assertEquals(3, backend.plans());
            assertArrayEquals(first, reference.apply(x, 3));
        }
    }

    @Test
    void hardDataReusesItsGatherAndScatter() {
        try (CountingBackend backend = new CountingBackend()) {
            boolean[] mask = new boolean[60];
            mask[0] = true;
            mask[7] = true;
            mask[33] = true;
            HardDataOperator op = new HardDataOperator(new int[] {2, 6, 5}, mask, backend);
            float[] x = models(2, 5);
            float[] y = op.apply(x, 2);
            assertEquals(x[7], y[1]);
            op.apply(models(2, 6), 2);
            op.adjoint(y, 2);
            op.adjoint(y, 2);
            assertEquals(2, backend.plans());
        }
    }

    @Test
    void aClosedBackendRefusesItsWorkspaces() {
        CountingBackend backend = new CountingBackend();
        ConvolutionalSeismic op = new ConvolutionalSeismic(2, 6, 5, 1, WAVELET, backend);
        op.apply(models(1, 1), 1);
        backend.close();
        assertThrows(IllegalStateException.class, () -> op.apply(models(1, 1), 1));
    }
}
