package dev.strata.forward.geology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LayeredVelocityModelTest {
    private static final int MODELS = 30;

    /** Every column of every model is non-decreasing in depth and inside the configured velocity range. */
    static boolean increasesWithDepthInRange(float[] models, int n, LayeredVelocityModel m) {
        SectionGrid g = m.grid();
        for (int b = 0; b < n; b++) {
            for (int iz = 0; iz < g.nz(); iz++) {
                for (int ix = 0; ix < g.nx(); ix++) {
                    float v = models[b * g.cells() + iz * g.nx() + ix];
                    if (v < m.velocity().lo() || v > m.velocity().hi()) {
                        return false;
                    }
                    if (iz > 0 && v < models[b * g.cells() + (iz - 1) * g.nx() + ix]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A fault moves part of each section and leaves the rest: compared with the same layers unfaulted, at least 80 %
     * of the models change somewhere, and every model keeps at least 10 % of its cells (the footwall).
     */
    static boolean faultMovesOneBlock(float[] faulted, float[] layered, int n, int cells) {
        long changedModels = IntStream.range(0, n).filter(b -> changed(faulted, layered, b, cells) > 0).count();
        boolean footwallKept = IntStream.range(0, n).allMatch(b -> changed(faulted, layered, b, cells) <= 0.9);
        return changedModels >= 0.8 * n && footwallKept;
    }

    private static double changed(float[] a, float[] b, int model, int cells) {
        int count = 0;
        for (int i = model * cells; i < (model + 1) * cells; i++) {
            count += a[i] != b[i] ? 1 : 0;
        }
        return (double) count / cells;
    }

    @Test
    void layeredVelocityIncreasesWithDepthWithinTheRange() {
        LayeredVelocityModel m = LayeredVelocityModel.layered();
        float[] models = m.samples(new SplittableRandom(1), MODELS);
        assertTrue(increasesWithDepthInRange(models, MODELS, m));
        assertFalse(increasesWithDepthInRange(new Shuffled(m).samples(new SplittableRandom(1), MODELS), MODELS, m),
                "a shuffled section is no longer layered");
        int cells = m.grid().cells();
        for (int b = 0; b < MODELS; b++) {
            long layers = IntStream.range(b * cells, (b + 1) * cells).mapToDouble(i -> models[i]).distinct().count();
            assertTrue(layers >= 1 && layers <= m.maxLayers(), "model " + b + " shows " + layers + " velocities");
        }
    }

    @Test
    void faultMovesTheHangingWallOnlyAndNoFaultFailsThatCheck() {
        LayeredVelocityModel layered = LayeredVelocityModel.layered();
        int cells = layered.grid().cells();
        float[] plain = layered.samples(new SplittableRandom(2), MODELS);
        float[] faulted = LayeredVelocityModel.faulted().samples(new SplittableRandom(2), MODELS);
        assertTrue(faultMovesOneBlock(faulted, plain, MODELS, cells));
        assertFalse(faultMovesOneBlock(layered.samples(new SplittableRandom(2), MODELS), plain, MODELS, cells));
        for (float v : faulted) {
            assertTrue(v >= 1500 && v <= 4500, "velocity " + v);
        }
    }

    @Test
    void sameSeedSameModels() {
        LayeredVelocityModel m = LayeredVelocityModel.faulted().withFaults(2);
        assertArrayEquals(m.samples(new SplittableRandom(5), 4), m.samples(new SplittableRandom(5), 4));
    }

    @Test
    void badSettingsAreRejected() {
        LayeredVelocityModel d = LayeredVelocityModel.layered();
        assertThrows(IllegalArgumentException.class, () -> d.withFaults(-1));
        assertThrows(IllegalArgumentException.class, () -> new LayeredVelocityModel(d.grid(), d.velocity(), 4, 3,
                d.foldAmplitude(), d.foldWavelength(), 0, 0, d.faultThrow(), d.faultDip()));
        assertThrows(IllegalArgumentException.class, () -> new LayeredVelocityModel(d.grid(), d.velocity(), 1, 3,
                d.foldAmplitude(), d.foldWavelength(), 0, 0, d.faultThrow(), new Interval(10, 95)));
    }
}
