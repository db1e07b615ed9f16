package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.jvm.JvmBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Source-illumination preconditioning of the FWI gradient and of RTM on a flat reflector (1800 m/s over 2300 m/s at
 * row 25 of the 40 x 48 grid, two shots at depth 2, CPML), started from the constant 1900 m/s model (so the direct wave misfits too, as in a real starting model).
 */
class GradientPreconditioningTest {

    private static final Grid GRID = SmallProblems.GRID;
    private static final int REFLECTOR = 25;

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private AcousticWaveOperator operator() {
        return new AcousticWaveOperator(SmallProblems.setup(300).withBoundary(new CpmlBoundary(10, 1e-3)), backend);
    }

    private static float[] flatReflector() {
        float[] v = SmallProblems.constant(GRID, 1800);
        for (int i = REFLECTOR * GRID.nx(); i < v.length; i++) {
            v[i] = 2300f;
        }
        return v;
    }

    /**
     * Measured: the raw gradient peaks at (z 0, x 18), in the top row 6 columns from the source at x 12, and its top
     * row has 2.8 times the RMS of rows 1-2 (the border above folded in); the preconditioned one (eps 1e-3) peaks at
     * (z 6, x 24), between the shots, with a top-row ratio of 1.3; muted over 100 m it peaks at (z 7, x 24).
     */
    @Test
    void preconditionedGradientPeaksAwayFromTheSources() {
        AcousticWaveOperator op = operator();
        float[] observed = op.apply(flatReflector(), 1);
        float[] start = SmallProblems.constant(GRID, 1900);
        Misfit raw = op.misfitGradient(start, observed);
        Misfit pre = op.misfitGradient(start, observed, GradientPreconditioning.DEFAULT);
        assertEquals(raw.value(), pre.value(), "same misfit");
        assertTrue(nearASource(op, argMaxAbs(raw.gradient())), "the check must fail for the raw gradient, whose peak "
                + "is at " + point(argMaxAbs(raw.gradient())));
        assertFalse(nearASource(op, argMaxAbs(pre.gradient())), "preconditioned peak at "
                + point(argMaxAbs(pre.gradient())));
        assertTrue(edgeRatio(raw.gradient(), 0, 1) > 2, "the edge check must fail for the folded gradient");
        assertTrue(edgeRatio(pre.gradient(), 0, 1) < 2, "top row of the preconditioned gradient vs rows 1-2: "
                + edgeRatio(pre.gradient(), 0, 1));
        float[] muted = op.misfitGradient(start, observed, new GradientPreconditioning(1e-3, 100)).gradient();
        for (int x = 0; x < GRID.nx(); x++) {
            assertEquals(0.0, Math.abs(muted[x]), "the mute zeroes the surface row");
        }
    }

    /** Within 4 rows and 8 columns (80 m, about 2/3 of a dominant wavelength) of a source. */
    private static boolean nearASource(AcousticWaveOperator op, int i) {
        GridPoint p = point(i);
        return op.setup().acquisition().shots().stream()
                .anyMatch(s -> Math.abs(s.source().z() - p.z()) <= 4 && Math.abs(s.source().x() - p.x()) <= 8);
    }

    /** RMS of an edge row over the RMS of the two rows next to it, inwards in direction {@code step}. */
    private static double edgeRatio(float[] g, int row, int step) {
        return rms(g, row) / Math.sqrt(0.5 * (square(rms(g, row + step)) + square(rms(g, row + 2 * step))));
    }

    private static double rms(float[] g, int row) {
        double sum = 0;
        for (int x = 0; x < GRID.nx(); x++) {
            sum += square(g[row * GRID.nx() + x]);
        }
        return Math.sqrt(sum / GRID.nx());
    }

    private static double square(double a) {
        return a * a;
    }

    private static GridPoint point(int i) {
        return new GridPoint(i / GRID.nx(), i % GRID.nx());
    }

    private static int argMaxAbs(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (Math.abs(a[i]) > Math.abs(a[best])) {
                best = i;
            }
        }
        return best;
    }
}
