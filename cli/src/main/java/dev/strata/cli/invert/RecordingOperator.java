package dev.strata.cli.invert;

import dev.strata.cli.invert.PhaseClock.Phase;
import dev.strata.forward.BlockJacobian;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.JacobianBlocks;
import dev.strata.forward.Linearisation;
import dev.strata.forward.ValueAndVjp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The inversion's operator, timed (apply and JVP as physics forward, VJP as physics adjoint), recording the
 * whitened misfit of every predicted batch the guidance computes: each reverse step predicts A(x̂0) once, so the
 * records are the WRMSE trace over the steps without an extra forward run.
 */
final class RecordingOperator implements ForwardOperator {
    private final InverseProblem problem;
    private final PhaseClock clock;
    private final List<float[]> trace = new ArrayList<>();

    RecordingOperator(InverseProblem problem, PhaseClock clock) {
        this.problem = problem;
        this.clock = clock;
    }

    /** Misfit {@code [n][blocks]} of each recorded prediction, in call order. */
    List<float[]> trace() {
        return trace;
    }

    @Override
    public int[] inputShape() {
        return problem.operator().inputShape();
    }

    @Override
    public int[] outputShape() {
        return problem.operator().outputShape();
    }

    @Override
    public float[] apply(float[] x, int n) {
        float[] y = clock.time(Phase.PHYSICS_FORWARD, () -> problem.operator().apply(x, n));
        trace.add(problem.misfit(y, n));
        return y;
    }

    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        return clock.time(Phase.PHYSICS_ADJOINT, () -> problem.operator().vjp(x, dy, n));
    }

    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        return clock.time(Phase.PHYSICS_FORWARD, () -> problem.operator().jvp(x, dx, n));
    }

    /**
     * The operator's value and VJP, timed as physics adjoint (an operator may record the value on its VJP's own
     * forward run), the value's misfit recorded as {@link #apply} records it.
     */
    @Override
    public ValueAndVjp valueAndVjp(float[] x, int n, UnaryOperator<float[]> cotangent) {
        return clock.time(Phase.PHYSICS_ADJOINT, () -> problem.operator().valueAndVjp(x, n, y -> {
            trace.add(problem.misfit(y, n));
            return cotangent.apply(y);
        }));
    }

    @Override
    public Optional<JacobianBlocks> jacobianBlocks() {
        return problem.operator().jacobianBlocks();
    }

    /**
     * The blocks of the Jacobian, making them timed as physics forward; each block's entries are made where the
     * guidance's solver asks for them, in its parallel loop, and counted with it.
     */
    @Override
    public BlockJacobian blockJacobian(float[] x, int n) {
        return clock.time(Phase.PHYSICS_FORWARD, () -> problem.operator().blockJacobian(x, n));
    }

    /** The operator's linearisation, timed: making it and its JVPs as physics forward, its VJPs as physics adjoint. */
    @Override
    public Linearisation linearise(float[] x, int n) {
        Linearisation at = clock.time(Phase.PHYSICS_FORWARD, () -> problem.operator().linearise(x, n));
        return Linearisation.of(dx -> clock.time(Phase.PHYSICS_FORWARD, () -> at.jvp(dx)),
                dy -> clock.time(Phase.PHYSICS_ADJOINT, () -> at.vjp(dy)));
    }
}
