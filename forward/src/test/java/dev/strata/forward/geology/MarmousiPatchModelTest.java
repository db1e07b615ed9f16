package dev.strata.forward.geology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarmousiPatchModelTest {
    private static final SectionGrid SOURCE_GRID = new SectionGrid(100, 300, 10, 10);
    private static final SectionGrid TARGET = new SectionGrid(20, 30, 10, 10);
    private static final double GRAD_Z = 0.5; // (m/s) per m
    private static final double GRAD_X = 0.1;

    /** v = 2000 + 0.5 z + 0.1 x: bilinear resampling reproduces it exactly, so patch gradients show zoom and flip. */
    private static VelocitySection linearSource() {
        float[] v = new float[SOURCE_GRID.cells()];
        for (int iz = 0; iz < SOURCE_GRID.nz(); iz++) {
            for (int ix = 0; ix < SOURCE_GRID.nx(); ix++) {
                v[iz * SOURCE_GRID.nx() + ix] = (float) (2000 + GRAD_Z * (iz + 0.5) * 10 + GRAD_X * (ix + 0.5) * 10);
            }
        }
        return new VelocitySection("linear", SOURCE_GRID, v);
    }

    /** Mean velocity step between neighbouring target cells along z and along x, per patch, averaged. */
    private static double[] meanSteps(float[] patches, int n) {
        double dz = 0;
        double dx = 0;
        int nz = TARGET.nz();
        int nx = TARGET.nx();
        for (int b = 0; b < n; b++) {
            int o = b * TARGET.cells();
            dz += (patches[o + (nz - 1) * nx] - patches[o]) / (nz - 1);
            dx += (patches[o + nx - 1] - patches[o]) / (nx - 1);
        }
        return new double[] {dz / n, dx / n};
    }

    @Test
    void patchesResampleTheSourceAtTheDrawnZoom() {
        MarmousiPatchModel unit = new MarmousiPatchModel(linearSource(), TARGET, new Interval(1, 1), 0);
        double[] steps = meanSteps(unit.samples(new SplittableRandom(1), 10), 10);
        assertEquals(GRAD_Z * 10, steps[0], 1e-3);
        assertEquals(GRAD_X * 10, steps[1], 1e-3);

        MarmousiPatchModel twice = new MarmousiPatchModel(linearSource(), TARGET, new Interval(2, 2), 0);
        double[] zoomed = meanSteps(twice.samples(new SplittableRandom(1), 10), 10);
        assertEquals(2 * GRAD_Z * 10, zoomed[0], 1e-3);
        assertFalse(Math.abs(zoomed[0] - steps[0]) < 1e-3, "the zoom check sees a wrong zoom");

        MarmousiPatchModel flipped = new MarmousiPatchModel(linearSource(), TARGET, new Interval(1, 1), 1);
        assertEquals(-GRAD_X * 10, meanSteps(flipped.samples(new SplittableRandom(1), 10), 10)[1], 1e-3);
    }

    @Test
    void windowsTooLargeShrinkInsideTheSource() {
        MarmousiPatchModel huge = new MarmousiPatchModel(linearSource(), TARGET, new Interval(50, 50), 0.5);
        float[] p = huge.samples(new SplittableRandom(3), 5);
        for (float v : p) {
            assertTrue(v >= 2000 && v <= 2000 + GRAD_Z * 1000 + GRAD_X * 3000, "velocity " + v);
        }
    }

    @Test
    void sameSeedSamePatches() {
        MarmousiPatchModel m = MarmousiPatchModel.of(linearSource(), TARGET);
        assertArrayEquals(m.samples(new SplittableRandom(4), 3), m.samples(new SplittableRandom(4), 3));
    }
}
