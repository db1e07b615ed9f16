package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The slow reference against hand-computed numpy values, and what an off-by-one centre would look like. */
class ConvolutionalSeismicReferenceTest {
    private static final double[] R = {1, 2, 3, 4, 5};

    /** numpy.convolve([1, 2, 3, 4, 5], w, 'same'), computed by hand from full[m] = sum_j r[j] w[m - j]. */
    @Test
    void referenceMatchesHandComputedNumpySameOnFiveSamples() {
        assertReference(new double[] {2, 2, 2, 2, -4}, new float[] {1, 0, -1});
        assertReference(new double[] {4, 9, 15, 21, 21}, new float[] {1, 2, 2, 1});
        assertReference(new double[] {4, 10, 20, 30, 34}, new float[] {1, 2, 3, 4});
    }

    /** Centre L/2 instead of L/2 - 1 for L = 4 shifts the trace by a sample: the reference test would fail. */
    @Test
    void offByOneCentreDisagreesWithTheHandComputedCase() {
        float[] w = {1, 2, 3, 4};
        double[] shifted = ReferenceSeismic.sameConvolution(R, w, w.length / 2);
        assertArrayEquals(new double[] {10, 20, 30, 34, 31}, shifted);
        assertFalse(Arrays.equals(new double[] {4, 10, 20, 30, 34}, shifted));
    }

    /**
     * One interface at z = 1 (5000 over 7000, rc = 1/6) and w = {1, 2, 3, 4}: the operator puts sample
     * L/2 - 1 = 1 (value 2) on the reflector, rc {1, 2, 3, 4, 0}; centre L/2 would give rc {2, 3, 4, 0, 0}.
     */
    @Test
    void evenWaveletPutsSampleHalfLengthMinusOneOnTheReflector() {
        float[] ip = {5000, 5000, 7000, 7000, 7000};
        float[] d = new ConvolutionalSeismic(1, 5, 1, 0, new float[] {1, 2, 3, 4}, SeismicConvention.SAME_ROWS)
                .apply(ip, 1);
        double rc = 2000.0 / 12000.0;
        double[] want = {rc, 2 * rc, 3 * rc, 4 * rc, 0};
        for (int z = 0; z < want.length; z++) {
            assertEquals(want[z], d[z], 1e-7, "z " + z);
        }
        assertEquals(4, new ConvolutionalSeismic(1, 5, 1, 0, new float[] {1, 2, 3, 4},
                SeismicConvention.DIFFERENCE_ROWS).outputSize(), "DIFFERENCE_ROWS keeps nz - 1 rows");
    }

    private static void assertReference(double[] want, float[] w) {
        assertArrayEquals(want, ReferenceSeismic.sameConvolution(R, w, ReferenceSeismic.numpyCentre(w.length)),
                1e-12, "w = " + Arrays.toString(w));
    }
}
