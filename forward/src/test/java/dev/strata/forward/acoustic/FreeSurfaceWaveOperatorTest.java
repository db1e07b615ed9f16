package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.WrappedOperator;
import dev.strata.forward.ForwardOperatorContract;
import dev.strata.forward.verify.DerivativeChecks;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract (dot product, Taylor, batch, no mutation) with a free surface over a 10-point CPML, and the physics of
 * the free surface: the surface ghost.
 */
class FreeSurfaceWaveOperatorTest extends ForwardOperatorContract {

    private static final AbsorbingBoundary FREE_SURFACE = new CpmlBoundary(10, 1e-3).withFreeSurface();
    private static final int STEPS = 200;

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Override
    protected ForwardOperator operator() {
        return new AcousticWaveOperator(SmallProblems.setup(STEPS).withBoundary(FREE_SURFACE), backend);
    }

    @Override
    protected float[] randomModels(SplittableRandom random, int n) {
        return SmallProblems.smoothModels(random, n);
    }

    /** The dot-product check catches an adjoint that ignores the free surface (the CPML-only transpose). */
    @Test
    void dotProductCheckFailsForAnAdjointWithoutTheFreeSurface() {
        AcousticWaveOperator withSurface = (AcousticWaveOperator) operator();
        AcousticWaveOperator without = new AcousticWaveOperator(SmallProblems.setup(STEPS)
                .withBoundary(FREE_SURFACE.layer()), backend);
        ForwardOperator broken = new WrappedOperator() {
            @Override
            public ForwardOperator inner() {
                return withSurface;
            }

            @Override
            public float[] apply(float[] x, int n) {
                return withSurface.apply(x, n);
            }

            @Override
            public float[] jvp(float[] x, float[] dx, int n) {
                return withSurface.jvp(x, dx, n);
            }

            @Override
            public float[] vjp(float[] x, float[] dy, int n) {
                return without.vjp(x, dy, n);
            }
        };
        float[] x = randomModels(rng, 1);
        float[] dx = gaussian(rng, broken.inputSize());
        float[] dy = gaussian(rng, broken.outputSize());
        double relative = DerivativeChecks.dotProductError(broken, x, dx, dy, 1);
        assertFalse(relative < OperatorVerification.DOT_TOLERANCE, "broken adjoint passed: " + relative);
    }

    /** The data do not depend on the velocity of the surface row, where p = 0. */
    @Test
    void gradientOnTheSurfaceRowIsZero() {
        AcousticWaveOperator op = (AcousticWaveOperator) operator();
        float[] g = op.vjp(randomModels(rng, 1), gaussian(rng, op.outputSize()), 1);
        int nx = SmallProblems.GRID.nx();
        for (int x = 0; x < nx; x++) {
            assertEquals(0f, g[x], "surface row, x " + x);
        }
        assertTrue(g[nx + nx / 2] != 0f, "row 1 must be sensitive");
    }

    @Test
    void sourceOnTheSurfaceRowIsRefused() {
        Grid grid = SmallProblems.GRID;
        assertRejected(() -> AcousticSetup.of(grid, new TimeAxis(100, 1.5e-3), RickerSource.withPeak(15.0),
                Acquisition.surfaceLine(grid, 1, 0, 2, 2), SmallProblems.RANGE).withBoundary(FREE_SURFACE),
                "surface row z = 0");
    }

    /**
     * Source at 30 m depth, receiver at 10 m, 200 m offset: the ghost (the image source's wave, of opposite sign)
     * arrives 3 m of path after the direct wave and nearly cancels it. Measured peak ratio with/without free
     * surface: 0.125 (limit 0.5). The same measure between two runs without free surface gives 1 and fails it.
     */
    @Test
    void surfaceGhostCancelsMostOfTheDirectWaveAtANearSurfaceReceiver() {
        GridPoint src = new GridPoint(3, 10);
        GridPoint rec = new GridPoint(1, 30);
        Grid grid = SmallProblems.GRID;
        float[] free = trace(grid, FREE_SURFACE, src, rec);
        float[] open = trace(grid, FREE_SURFACE.layer(), src, rec);
        double ratio = peak(free) / peak(open);
        assertTrue(ratio < 0.5, "peak with / without free surface: " + ratio);
        assertFalse(peak(open) / peak(open) < 0.5, "the check must fail without a free surface");
    }

    /**
     * Source and receiver at the same point 150 m deep: the free-surface run minus the open run is the ghost, which
     * must be the direct wave of the image source (300 m of path), sign reversed: correlation with minus the open
     * run's trace 300 m below the source above 0.9 (measured -0.9955), peaks within one sample.
     */
    @Test
    void ghostIsTheImageSourceWaveWithOppositePolarity() {
        Grid grid = new Grid(60, 48, 10.0);
        GridPoint src = new GridPoint(15, 24);
        float[] free = trace(grid, FREE_SURFACE, src, src);
        float[] open = trace(grid, FREE_SURFACE.layer(), src, src);
        float[] image = trace(grid, FREE_SURFACE.layer(), src, new GridPoint(45, 24));
        float[] ghost = new float[free.length];
        for (int t = 0; t < ghost.length; t++) {
            ghost[t] = free[t] - open[t];
        }
        double c = DerivativeChecks.dot(ghost, image) / (DerivativeChecks.norm(ghost) * DerivativeChecks.norm(image));
        assertTrue(c < -0.9, "correlation of the ghost with the image-source wave: " + c);
        assertTrue(Math.abs(argMaxAbs(ghost) - argMaxAbs(image)) <= 1, "ghost peak at sample " + argMaxAbs(ghost)
                + ", image-source wave at " + argMaxAbs(image));
    }

    /** Constant 2000 m/s, 400 steps of 1 ms, 15 Hz. */
    private float[] trace(Grid grid, AbsorbingBoundary boundary, GridPoint src, GridPoint rec) {
        AcousticSetup setup = new AcousticSetup(grid, new TimeAxis(400, 1e-3), RickerSource.withPeak(15.0),
                Acquisition.fixedSpread(List.of(src), List.of(rec)), new VelocityRange(2000, 2000), boundary,
                DispersionRule.DEFAULT);
        return new AcousticWaveOperator(setup, backend).apply(SmallProblems.constant(grid, 2000), 1);
    }

    private static double peak(float[] a) {
        return Math.abs(a[argMaxAbs(a)]);
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
