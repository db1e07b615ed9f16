package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ConvolutionalSeismic} with Seed 000's {@link SeismicConvention#SAME_ROWS} on a 2 x 24 x 16 grid: the
 * contract, plus agreement with {@link ReferenceSeismic}; subclasses choose the wavelet (even or odd length).
 */
abstract class SameRowsSeismicContract extends ForwardOperatorContract {
    static final int NZ = 24;
    static final int NX = 16;
    static final int IP = ConvolutionalSeismic.IMPEDANCE_CHANNEL;

    /** The wavelet under test. */
    abstract float[] wavelet();

    @Override
    protected ForwardOperator operator() {
        return new ConvolutionalSeismic(2, NZ, NX, IP, wavelet(), SeismicConvention.SAME_ROWS);
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return ImpedanceModels.random(random, n, NZ, NX);
    }

    @Test
    void sameRowsConventionKeepsEightyRows() {
        ForwardOperator op = ConvolutionalSeismic.defaultProblem(wavelet(), SeismicConvention.SAME_ROWS, null);
        assertArrayEquals(new int[] {2, 80, 100}, op.inputShape());
        assertArrayEquals(new int[] {80, 100}, op.outputShape());
        assertArrayEquals(new int[] {NZ, NX}, operator().outputShape());
    }

    @Test
    void sameRowsMatchesTheSlowNumpySameReference() {
        assertMatchesReference(SeismicConvention.SAME_ROWS, NZ);
    }

    @Test
    void differenceRowsWithThisWaveletMatchesTheSlowReference() {
        assertMatchesReference(SeismicConvention.DIFFERENCE_ROWS, NZ - 1);
    }

    /** r[nz-1] = 0, so every row but the bottom one is the DIFFERENCE_ROWS datum (a zero term more at most). */
    @Test
    void sameRowsAgreesWithDifferenceRowsAboveTheBottomRow() {
        float[] x = randomModels(rng, 1);
        float[] same = operator().apply(x, 1);
        float[] diff = new ConvolutionalSeismic(2, NZ, NX, IP, wavelet(), SeismicConvention.DIFFERENCE_ROWS)
                .apply(x, 1);
        for (int i = 0; i < diff.length; i++) {
            assertEquals(diff[i], same[i], 0.0f, "row " + i / NX + ", x " + i % NX);
        }
    }

    private void assertMatchesReference(SeismicConvention convention, int rows) {
        float[] x = randomModels(rng, 1);
        float[] d = new ConvolutionalSeismic(2, NZ, NX, IP, wavelet(), convention).apply(x, 1);
        double[] want = ReferenceSeismic.data(x, IP, NZ, NX, rows, wavelet());
        assertEquals(want.length, d.length, "data length");
        double scale = Arrays.stream(want).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < d.length; i++) {
            assertEquals(want[i], d[i], 1e-5 * scale, "row " + i / NX + ", x " + i % NX);
        }
    }
}
