package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.ForwardOperatorContract;
import dev.strata.forward.ScaledDerivatives;
import dev.strata.forward.verify.DerivativeChecks;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On the small acoustic problem an adjoint wrong by a factor 1 + 1e-3 passed the dot-product test normalised by
 * |J dx| |dy| with white dy; the aligned data direction of {@link DerivativeChecks#dotProductError} rejects it and
 * measures the error as 1e-3, while the correct adjoint still passes.
 */
class AcousticAdjointScaleTest {
    private static final double EPS = 1e-3;
    private static final int BATCH = 3;

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void adjointWrongByOnePartInAThousandPassedTheWhiteTestAndFailsTheAlignedOne() {
        AcousticWaveOperator op = new AcousticWaveOperator(SmallProblems.setup(), backend);
        ForwardOperator scaled = new ScaledDerivatives(op, EPS, 0);
        // the inputs AcousticWaveOperatorTest's contract draws for its dot-product test (seed 15809, batch 3)
        SplittableRandom random = new SplittableRandom(15809);
        float[] x = SmallProblems.smoothModels(random, BATCH);
        float[] dx = ForwardOperatorContract.gaussian(random, BATCH * op.inputSize());
        float[] dy = ForwardOperatorContract.gaussian(random, BATCH * op.outputSize());
        double white = DerivativeChecks.whiteDotProductError(scaled, x, dx, dy, BATCH);
        double aligned = DerivativeChecks.dotProductError(scaled, x, dx, dy, BATCH);
        double right = DerivativeChecks.dotProductError(op, x, dx, dy, BATCH);
        System.out.printf("acoustic, VJP x (1 + 1e-3): white-dy error %.3g, aligned error %.3g; correct adjoint %.3g"
                + " (m = %d)%n", white, aligned, right, BATCH * op.outputSize());
        assertTrue(white < OperatorVerification.DOT_TOLERANCE, "the white test was expected to miss it: " + white);
        assertTrue(aligned > OperatorVerification.DOT_TOLERANCE, "wrong adjoint passed: " + aligned);
        assertEquals(EPS, aligned, 1e-5, "the error the aligned test measures");
        assertTrue(right < OperatorVerification.DOT_TOLERANCE, "correct adjoint: " + right);
    }
}
