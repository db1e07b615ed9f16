package dev.strata.cli.invert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.acoustic.VelocityRange;
import dev.strata.io.Observations;
import java.util.List;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import org.junit.jupiter.api.Test;

/**
 * The FWI operator of an inversion: with no --max-memory it takes a default budget where one shot fits it (memory for
 * the whole run here, so nothing is recomputed) and stays as built where one shot does not; an explicit budget too
 * small for one shot is refused.
 */
class FwiBudgetTest {

    private static AcousticWaveOperator wave(ComputeBackend backend) {
        Observations obs = Synthesis.observe(new Observations("fwi", RtmConditionTest.grid(), null, List.of(), null,
                null, RtmConditionTest.twoLayers(), null), 0.01, 1, backend);
        return FwiProblemBuilder.wave(obs, new VelocityRange(1500, 3000), backend);
    }

    @Test
    void noBudgetTakesTheDefaultWhereOneShotFitsAndKeepsTheOperatorWhereNot() {
        ComputeBackend backend = ComputeBackends.open("jvm");
        AcousticWaveOperator built = wave(backend);
        long oneShot = built.bytesForGradient(1);
        AcousticWaveOperator roomy = FwiProblemBuilder.budgeted(built, 0, 1L << 40);
        assertEquals(built.setup().acquisition().nshots(), roomy.shotsPerPass());
        assertTrue(roomy.checkpointing().segments() <= 2, "memory for the whole run: " + roomy.checkpointing());
        assertTrue(roomy.checkpointing().gradientSteps() < built.checkpointing().gradientSteps());
        assertSame(built, FwiProblemBuilder.budgeted(built, 0, oneShot - 1), "a default too small changes nothing");
        AcousticWaveOperator asked = FwiProblemBuilder.budgeted(built, oneShot, 1L << 40);
        assertEquals(1, asked.shotsPerPass(), "an explicit budget wins over the default");
        assertThrows(IllegalArgumentException.class, () -> FwiProblemBuilder.budgeted(built, oneShot - 1, 1L << 40));
    }
}
