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
     * With all shots in one pass, memory left over lengthens the checkpoint interval: the chosen operator fits the
     * budget, no interval that fits runs fewer gradient steps (checked over every even interval up to two segments),
     * an unbounded budget recomputes nothing, a budget that splits the shots keeps the interval, and the gradient is
     * the same bit for bit.
     */
    @Test
    void budgetLeftOverLengthensTheIntervalToTheFewestStepsThatFit() {
        AcousticWaveOperator op = operator();
        int nt = op.setup().time().nt();
        long allShots = op.bytesForGradient(3);
        for (long budget : new long[] {allShots, allShots + allShots / 4, 2 * allShots, 8 * allShots}) {
            AcousticWaveOperator chosen = op.withMemoryBudget(budget);
            assertEquals(3, chosen.shotsPerPass());
            assertTrue(chosen.bytesForGradient(3) <= budget, "fits " + budget);
            for (int k = op.checkpointing().interval(); k <= nt / 2 + 2; k += 2) {
                AcousticWaveOperator other = new AcousticWaveOperator(op.setup(), backend, k, 3);
                if (other.bytesForGradient(3) <= budget) {
                    assertTrue(other.checkpointing().gradientSteps() >= chosen.checkpointing().gradientSteps(),
                            "interval " + k + " fits " + budget + " with fewer steps than "
                                    + chosen.checkpointing().interval());
                }
            }
        }
        AcousticWaveOperator unbounded = op.withMemoryBudget(Long.MAX_VALUE / 2);
        Checkpointing c = unbounded.checkpointing();
        assertTrue(c.segments() <= 2, c.toString());
        assertEquals(2 * c.steps(), c.gradientSteps(), "nothing recomputed");
        assertTrue(c.gradientSteps() < op.checkpointing().gradientSteps());
        assertEquals(op.checkpointing().interval(), op.withMemoryBudget(op.bytesForGradient(2)).checkpointing()
                .interval(), "two shots a pass: the interval stays");
        float[] v = SmallProblems.smoothModels(new SplittableRandom(3), 1);
        float[] observed = op.apply(SmallProblems.smoothModels(new SplittableRandom(4), 1), 1);
        assertArrayEquals(op.misfitGradient(v, observed).gradient(), unbounded.misfitGradient(v, observed).gradient());
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
