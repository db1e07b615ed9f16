package dev.strata.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.forward.verify.DerivativeChecks;
import dev.strata.forward.verify.OperatorVerification;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What every {@link ForwardOperator} promises, as tests that each implementation inherits: subclass, give the
 * operator and a generator of valid random models, and add only the tests of its own physics.
 *
 * <p>All randomness comes from a {@link SplittableRandom} with a fixed seed, so a failure reproduces.
 */
public abstract class ForwardOperatorContract {

    /** Models per batch in these tests. */
    protected static final int BATCH = 3;

    /** Fixed seed per test method (JUnit makes one instance per method). */
    protected final SplittableRandom rng = new SplittableRandom(15809);

    /** The operator under test; may be a new instance on each call. */
    protected abstract ForwardOperator operator();

    /** {@code n} valid models, {@code [n][inputSize()]}, at which A and its derivatives are defined. */
    protected abstract float[] randomModels(SplittableRandom random, int n);

    /** {@code n} perturbation directions, {@code [n][inputSize()]}; standard normal unless overridden. */
    protected float[] randomDirections(SplittableRandom random, int n) {
        return gaussian(random, n * operator().inputSize());
    }

    /**
     * Largest step of the Taylor test relative to the model, h0 ||dx|| / ||x||. A few percent keeps x + h dx valid
     * and the cubic term small, while the quadratic remainder at h0 / 16 still stands well above float32 rounding.
     */
    protected double taylorRelativeStep() {
        return 0.03;
    }

    /** A batch of models and a tangent and cotangent there. */
    private record Point(float[] x, float[] dx, float[] dy) {
    }

    /** Random models (as {@link #randomModels} draws them) with Gaussian dx and dy of matching sizes. */
    private Point point(ForwardOperator op) {
        return new Point(randomModels(rng, BATCH), gaussian(rng, BATCH * op.inputSize()),
                gaussian(rng, BATCH * op.outputSize()));
    }

    /** Where the operator claims a block pattern of its Jacobian, no datum moves with a tangent on another block. */
    @Test
    void derivativesStayInTheDeclaredJacobianBlocks() {
        ForwardOperator op = operator();
        assumeTrue(op.jacobianBlocks().isPresent(), "the operator claims no block pattern");
        JacobianBlockChecks.assertDerivativesStayInBlocks(op, randomModels(rng, 1));
    }

    /** Where the operator claims a block pattern, its blocks equal the probed JVPs. */
    @Test
    void jacobianBlocksEqualTheProbedJvps() {
        ForwardOperator op = operator();
        assumeTrue(op.jacobianBlocks().isPresent(), "the operator claims no block pattern");
        JacobianBlockChecks.assertBlocksEqualProbed(op, randomModels(rng, BATCH), BATCH);
    }

    @Test
    void adjointMatchesForwardInDotProduct() {
        ForwardOperator op = operator();
        Point p = point(op);
        double relative = DerivativeChecks.dotProductError(op, p.x(), p.dx(), p.dy(), BATCH);
        assertTrue(relative < OperatorVerification.DOT_TOLERANCE,
                "|<J dx, dy> - <dx, J^T dy>| / (|J dx| |dy|) = " + relative);
    }

    /**
     * r(h) = ||A(x + h dx) - A(x) - h J dx|| must fall as h^2 (order >= 1.9 over four halvings) for a nonlinear
     * operator, and be float32 rounding only for a linear one. The steps are chosen relative to x (see
     * {@link #taylorRelativeStep()}): much smaller h would let float32 rounding of A, of order 1e-7 ||A||, swamp
     * the remainder and flatten the measured order; much larger h would let the cubic term bend it.
     */
    @Test
    void taylorRemainderFallsQuadratically() {
        ForwardOperator op = operator();
        float[] x = randomModels(rng, BATCH);
        float[] dx = randomDirections(rng, BATCH);
        double h0 = taylorRelativeStep() * norm(x) / norm(dx);
        DerivativeChecks.Taylor t = DerivativeChecks.taylor(op, x, dx, BATCH, h0, 4);
        assertTrue(t.passes(), (t.linear() ? "linear operator: remainders beyond rounding, " : "Taylor orders ")
                + Arrays.toString(t.orders()) + ", remainders " + Arrays.toString(t.remainders()));
    }

    @Test
    void batchEqualsSamplesOneByOne() {
        ForwardOperator op = operator();
        int in = op.inputSize();
        int out = op.outputSize();
        float[] x = randomModels(rng, BATCH);
        float[] dx = gaussian(rng, BATCH * in);
        float[] dy = gaussian(rng, BATCH * out);
        float[] y = op.apply(x, BATCH);
        float[] jdx = op.jvp(x, dx, BATCH);
        float[] jtdy = op.vjp(x, dy, BATCH);
        assertEquals(BATCH * out, y.length, "apply output length");
        assertEquals(BATCH * out, jdx.length, "jvp output length");
        assertEquals(BATCH * in, jtdy.length, "vjp output length");
        for (int b = 0; b < BATCH; b++) {
            float[] xb = slice(x, b, in);
            assertArrayEquals(slice(y, b, out), op.apply(xb, 1), "apply, sample " + b);
            assertArrayEquals(slice(jdx, b, out), op.jvp(xb, slice(dx, b, in), 1), "jvp, sample " + b);
            assertArrayEquals(slice(jtdy, b, in), op.vjp(xb, slice(dy, b, out), 1), "vjp, sample " + b);
        }
    }

    @Test
    void doesNotModifyItsInputs() {
        ForwardOperator op = operator();
        Point p = point(op);
        float[] x0 = p.x().clone();
        float[] dx0 = p.dx().clone();
        float[] dy0 = p.dy().clone();
        op.apply(p.x(), BATCH);
        op.jvp(p.x(), p.dx(), BATCH);
        op.vjp(p.x(), p.dy(), BATCH);
        assertArrayEquals(x0, p.x(), "x");
        assertArrayEquals(dx0, p.dx(), "dx");
        assertArrayEquals(dy0, p.dy(), "dy");
    }

    @Test
    void linearisationEqualsJvpAndVjpAtItsPoint() {
        ForwardOperator op = operator();
        Point p = point(op);
        float[] jvp = op.jvp(p.x(), p.dx(), BATCH);
        float[] vjp = op.vjp(p.x(), p.dy(), BATCH);
        Linearisation at = op.linearise(p.x(), BATCH);
        float[] other = randomModels(rng, BATCH);
        System.arraycopy(other, 0, p.x(), 0, p.x().length); // the linearisation keeps the point it was made at
        for (int call = 0; call < 2; call++) { // and serves any number of calls
            assertArrayEquals(jvp, at.jvp(p.dx()), "jvp, call " + call);
            assertArrayEquals(vjp, at.vjp(p.dy()), "vjp, call " + call);
        }
        assertRejected(() -> op.linearise(Arrays.copyOf(p.x(), p.x().length - 1), BATCH),
                String.valueOf(p.x().length));
        assertRejected(() -> at.jvp(Arrays.copyOf(p.dx(), p.dx().length + 1)), String.valueOf(p.dx().length));
        assertRejected(() -> at.vjp(Arrays.copyOf(p.dy(), p.dy().length - 1)), String.valueOf(p.dy().length));
    }

    /**
     * valueAndVjp hands its cotangent A(x), once, and returns A(x) and J^T of that cotangent, bit for bit as apply and
     * vjp give them; the cotangent here, dy + A(x) / 2, moves with the value it is handed.
     */
    @Test
    void valueAndVjpEqualsApplyThenVjpOfItsCotangent() {
        ForwardOperator op = operator();
        Point p = point(op);
        UnaryOperator<float[]> cotangent = y -> {
            float[] g = p.dy().clone();
            for (int i = 0; i < g.length; i++) {
                g[i] += 0.5f * y[i];
            }
            return g;
        };
        float[] value = op.apply(p.x(), BATCH);
        float[] vjp = op.vjp(p.x(), cotangent.apply(value), BATCH);
        int[] calls = {0};
        ValueAndVjp both = op.valueAndVjp(p.x(), BATCH, y -> {
            calls[0]++;
            return cotangent.apply(y);
        });
        assertEquals(1, calls[0], "cotangent calls");
        assertArrayEquals(value, both.value(), "value");
        assertArrayEquals(vjp, both.vjp(), "vjp");
    }

    @Test
    void rejectsWrongSizedInput() {
        ForwardOperator op = operator();
        int in = op.inputSize();
        int out = op.outputSize();
        float[] x = randomModels(rng, BATCH);
        float[] shortX = Arrays.copyOf(x, BATCH * in - 1);
        float[] dx = gaussian(rng, BATCH * in);
        float[] dy = gaussian(rng, BATCH * out);
        String inLength = String.valueOf(BATCH * in);
        String outLength = String.valueOf(BATCH * out);
        assertRejected(() -> op.apply(shortX, BATCH), inLength);
        assertRejected(() -> op.apply(x, BATCH - 1), String.valueOf((BATCH - 1) * in));
        assertRejected(() -> op.jvp(x, Arrays.copyOf(dx, BATCH * in + 1), BATCH), inLength);
        assertRejected(() -> op.vjp(x, Arrays.copyOf(dy, BATCH * out - 1), BATCH), outLength);
        if (!(op instanceof LinearOperator)) {
            assertRejected(() -> op.jvp(shortX, dx, BATCH), inLength);
            assertRejected(() -> op.vjp(shortX, dy, BATCH), inLength);
        }
    }

    @Test
    void rejectsEmptyBatch() {
        ForwardOperator op = operator();
        assertRejected(() -> op.apply(new float[0], 0), "batch");
    }

    /** Asserts an IllegalArgumentException whose message contains {@code expected}. */
    protected static void assertRejected(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(expected),
                "message should mention " + expected + ": " + e.getMessage());
    }

    /** {@code n} independent standard normal values. */
    public static float[] gaussian(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** Sum of a[i] b[i], accumulated in double. */
    protected static double dot(float[] a, float[] b) {
        return DerivativeChecks.dot(a, b);
    }

    /** Euclidean norm, accumulated in double. */
    protected static double norm(float[] a) {
        return DerivativeChecks.norm(a);
    }

    private static float[] slice(float[] batch, int b, int per) {
        return Arrays.copyOfRange(batch, b * per, (b + 1) * per);
    }
}
