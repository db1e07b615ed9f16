package dev.strata.forward.seismic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.JointOperator;
import dev.strata.forward.ScaledDerivatives;
import dev.strata.forward.verify.DerivativeChecks;
import dev.strata.forward.verify.OperatorVerification;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The checks the contract runs reject a joint operator whose VJP or JVP is wrong by 1e-3 (relative). */
class JointOperatorWrongDerivativesTest {
    private static final int N = 2;
    private static final double EPS = 1e-3;
    private final SplittableRandom rng = new SplittableRandom(2507);

    /**
     * With dy = J dx the dot-product error of (1 + eps) J^T is eps |J dx|^2 / |J dx|^2 = eps exactly (random dy would
     * see only about eps / sqrt(m)); the correct adjoint passes the same test at rounding level.
     */
    @Test
    void dotProductCheckRejectsAnAdjointWrongByOnePartInAThousand() {
        JointOperator op = JointOperatorSeismicAndWellsTest.joint();
        float[] x = JointOperatorSeismicAndWellsTest.models(rng, N);
        float[] dx = gaussian(N * op.inputSize());
        float[] dy = op.jvp(x, dx, N);
        double right = DerivativeChecks.dotProductError(op, x, dx, dy, N);
        double wrong = DerivativeChecks.dotProductError(new ScaledDerivatives(op, EPS, 0), x, dx, dy, N);
        assertTrue(right < OperatorVerification.DOT_TOLERANCE, "correct adjoint: " + right);
        assertTrue(wrong > OperatorVerification.DOT_TOLERANCE, "wrong adjoint passed: " + wrong);
        assertEquals(EPS, wrong, 1e-5, "the error the check measures");
    }

    /** r(h) = |A(x + h dx) - A(x) - h (1 + eps) J dx| keeps a term eps h |J dx|: order 1, not 2, at small h. */
    @Test
    void taylorCheckRejectsATangentWrongByOnePartInAThousand() {
        JointOperator op = JointOperatorSeismicAndWellsTest.joint();
        float[] x = JointOperatorSeismicAndWellsTest.models(rng, N);
        float[] dx = gaussian(N * op.inputSize());
        double h0 = 0.03 * DerivativeChecks.norm(x) / DerivativeChecks.norm(dx);
        DerivativeChecks.Taylor right = DerivativeChecks.taylor(op, x, dx, N, h0, 4);
        DerivativeChecks.Taylor wrong = DerivativeChecks.taylor(new ScaledDerivatives(op, 0, EPS), x, dx, N, h0, 4);
        assertTrue(right.passes(), "correct tangent: orders " + Arrays.toString(right.orders()));
        assertFalse(wrong.passes(), "wrong tangent passed: orders " + Arrays.toString(wrong.orders()));
    }

    private float[] gaussian(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
