package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import dev.strata.forward.JointOperator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link JointOperator} of Seed 000's seismic (SAME_ROWS, even wavelet) and two wells on a 2 x 24 x 16 grid. */
class JointOperatorSeismicAndWellsTest extends ForwardOperatorContract {
    private static final int NZ = 24;
    private static final int NX = 16;

    static ConvolutionalSeismic seismic() {
        return new ConvolutionalSeismic(2, NZ, NX, ConvolutionalSeismic.IMPEDANCE_CHANNEL,
                RickerWavelet.symmetricSamples(25, 0.008, 16), SeismicConvention.SAME_ROWS);
    }

    /**
     * Facies logs along {@link HardDataWellPathTest}'s deviated and vertical wells. Logging Ip (~6000) as well would
     * put float32 rounding of x + h dx (~4e-4 a value) above the seismic Taylor remainder at small h.
     */
    static HardDataOperator wells() {
        return HardDataOperator.alongWells(new WellGrid(NZ, NX, 10, 12.5), 2,
                new int[] {ConvolutionalSeismic.FACIES_CHANNEL},
                List.of(HardDataWellPathTest.deviated(), HardDataWellPathTest.vertical()));
    }

    /** Seismic then wells. */
    static JointOperator joint() {
        return JointOperator.of(seismic(), wells());
    }

    static float[] models(SplittableRandom random, int n) {
        return ImpedanceModels.random(random, n, NZ, NX);
    }

    @Override
    protected ForwardOperator operator() {
        return joint();
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return models(random, n);
    }

    @Test
    void jointOutputIsThePartsOutputsConcatenatedPerSample() {
        JointOperator op = joint();
        int seismicSize = NZ * NX;
        int wellSize = 28 + 3;
        assertArrayEquals(new int[] {seismicSize + wellSize}, op.outputShape());
        assertEquals(0, op.blockOffset(0));
        assertEquals(seismicSize, op.blockSize(0));
        assertEquals(seismicSize, op.blockOffset(1));
        assertEquals(wellSize, op.blockSize(1));
        assertEquals(2, op.parts().size());
        float[] x = randomModels(rng, BATCH);
        float[] y = op.apply(x, BATCH);
        float[] dx = gaussian(rng, x.length);
        float[] jdx = op.jvp(x, dx, BATCH);
        for (int i = 0; i < 2; i++) {
            ForwardOperator part = op.parts().get(i);
            assertArrayEquals(part.apply(x, BATCH), op.block(y, i, BATCH), "apply, part " + i);
            assertArrayEquals(part.jvp(x, dx, BATCH), op.block(jdx, i, BATCH), "jvp, part " + i);
        }
        int m = op.outputSize();
        assertEquals(x[op.inputSize() + 2], y[m + seismicSize], "sample 1's well block starts with facies at (0, 2)");
    }

    @Test
    void jointVjpIsTheSumOfThePartsVjps() {
        JointOperator op = joint();
        float[] x = randomModels(rng, BATCH);
        float[] dy = gaussian(rng, BATCH * op.outputSize());
        float[] seismicPart = op.parts().get(0).vjp(x, op.block(dy, 0, BATCH), BATCH);
        float[] wellPart = op.parts().get(1).vjp(x, op.block(dy, 1, BATCH), BATCH);
        float[] dx = op.vjp(x, dy, BATCH);
        for (int i = 0; i < dx.length; i++) {
            assertEquals(seismicPart[i] + wellPart[i], dx[i], 0.0f, "index " + i);
        }
    }

    @Test
    void rejectsPartsWithDifferentInputShapesNamingBoth() {
        assertRejected(() -> JointOperator.of(seismic(), HardDataOperator.wells(2, NZ, NX - 1, 3)),
                "part 0 takes [2, 24, 16], part 1 takes [2, 24, 15]");
        assertRejected(() -> new JointOperator(List.of()), "at least one part");
        assertThrows(IndexOutOfBoundsException.class, () -> joint().blockSize(2));
    }
}
