package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.jvm.JvmBackend;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shot batching to a memory budget: results per pass of k shots equal all shots at once, bit for bit. */
class ShotBatchingTest {

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    /** Three shots, CPML with a free surface, 200 steps. */
    private AcousticWaveOperator operator() {
        Grid grid = SmallProblems.GRID;
        AcousticSetup setup = AcousticSetup.of(grid, new TimeAxis(200, 1.5e-3), RickerSource.withPeak(15.0),
                Acquisition.surfaceLine(grid, 3, 2, 2, 2), SmallProblems.RANGE)
                .withBoundary(new CpmlBoundary(10, 1e-3).withFreeSurface());
        return new AcousticWaveOperator(setup, backend);
    }

    @Test
    void oneShotPerPassEqualsAllShotsAtOnceBitForBit() {
        AcousticWaveOperator all = operator();
        AcousticWaveOperator one = all.withShotsPerPass(1);
        assertEquals(1, one.shotsPerPass());
        float[] v = SmallProblems.smoothModels(new SplittableRandom(3), 1);
        float[] observed = all.apply(SmallProblems.smoothModels(new SplittableRandom(4), 1), 1);
        assertArrayEquals(all.apply(v, 1), one.apply(v, 1), "apply");
        Misfit a = all.misfitGradient(v, observed);
        Misfit b = one.misfitGradient(v, observed);
        assertEquals(a.value(), b.value(), 0.0, "misfit");
        assertArrayEquals(a.gradient(), b.gradient(), "gradient");
        assertArrayEquals(a.residual(), b.residual(), "residual");
        Misfit pa = all.misfitGradient(v, observed, GradientPreconditioning.DEFAULT);
        Misfit pb = one.misfitGradient(v, observed, GradientPreconditioning.DEFAULT);
        assertArrayEquals(pa.gradient(), pb.gradient(), "preconditioned gradient");
        // the comparison is not vacuous: dropping one shot's residual changes the gradient
        float[] changed = observed.clone();
        Arrays.fill(changed, 0, observed.length / 3, 0f);
        assertFalse(Arrays.equals(a.gradient(), one.misfitGradient(v, changed).gradient()));
    }

    @Test
    void budgetPicksTheMostShotsThatFitAndRefusesLessThanOneShot() {
        AcousticWaveOperator op = operator();
        long one = op.bytesForGradient(1);
        long two = op.bytesForGradient(2);
        assertTrue(two > one && op.bytesForGradient(3) - two == two - one, "linear in shots per pass");
        assertEquals(1, op.shotsPerPassFor(one));
        assertEquals(1, op.shotsPerPassFor(two - 1));
        assertEquals(2, op.shotsPerPassFor(two));
        assertEquals(3, op.shotsPerPassFor(Long.MAX_VALUE / 2), "at most nshots");
        assertEquals(2, op.withMemoryBudget(two).shotsPerPass());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.shotsPerPassFor(one - 1));
        assertTrue(e.getMessage().contains("needs " + one + " bytes") && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    /**
     * The estimate counts what is held: with the CPML, 6 S + 2k checkpoint and ring fields plus 15 working fields of
     * (40 + 2 * 14) x (48 + 2 * 14) floats per shot, and the residual.
     */
    @Test
    void estimateCountsCheckpointsRingAndWorkingFields() {
        AcousticWaveOperator op = operator();
        Checkpointing c = op.checkpointing();
        long field = 68L * 76;
        long perShot = 4 * ((6L * c.segments() + 2L * c.interval() + 15) * field + 200L * 24);
        assertEquals(perShot, op.bytesForGradient(2) - op.bytesForGradient(1));
    }
}
