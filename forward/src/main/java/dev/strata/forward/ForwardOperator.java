package dev.strata.forward;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A forward map y = A(x) from a model to data, applied to a batch of models at once, with its derivatives.
 *
 * <p>Models and data are flat row-major {@code float[]}; a batch of {@code n} stacks {@code n} of them, so a batch
 * of models is {@code n * inputSize()} long and a batch of data {@code n * outputSize()}. Inputs are not modified.
 * Shapes per sample are in {@link #inputShape()} / {@link #outputShape()}.
 */
public interface ForwardOperator {

    /** Shape of one model, slowest index first, e.g. {@code [channels, nz, nx]}. */
    int[] inputShape();

    /** Shape of one data sample, slowest index first. */
    int[] outputShape();

    /** Elements of one model. */
    default int inputSize() {
        return Shapes.size(inputShape());
    }

    /** Elements of one data sample. */
    default int outputSize() {
        return Shapes.size(outputShape());
    }

    /** y = A(x) for a batch of {@code n} models; returns a new array of {@code n * outputSize()}. */
    float[] apply(float[] x, int n);

    /** Vector-Jacobian product (adjoint): dx = J(x)^T dy for a batch; returns a new array of {@code n * inputSize()}. */
    float[] vjp(float[] x, float[] dy, int n);

    /** Jacobian-vector product: dy = J(x) dx for a batch; returns a new array of {@code n * outputSize()}. */
    float[] jvp(float[] x, float[] dx, int n);

    /**
     * This operator linearised at the batch {@code x} of {@code n} models (copied): its JVP and VJP equal
     * {@link #jvp} and {@link #vjp} at x. Operators with work that depends on x alone override it to do that work
     * once.
     */
    default Linearisation linearise(float[] x, int n) {
        Shapes.requireBatch("model", x, n, inputSize());
        float[] at = x.clone();
        return Linearisation.of(dx -> jvp(at, dx, n), dy -> vjp(at, dy, n));
    }

    /**
     * y = A(x) and J(x)^T g(y) for {@code n} models, g = {@code cotangent} (given y, {@code [n, outputSize]}, which it
     * must not modify, it returns a cotangent of the same shape): the value and the VJP of a cotangent made from it,
     * as {@code jax.vjp} gives both. The default applies, then takes the VJP; an operator whose VJP runs its forward
     * model again (the acoustic wave operator's checkpointed sweep) records y on that run instead of a run of its own.
     */
    default ValueAndVjp valueAndVjp(float[] x, int n, UnaryOperator<float[]> cotangent) {
        float[] y = apply(x, n);
        return new ValueAndVjp(y, vjp(x, cotangent.apply(y), n));
    }

    /**
     * The block-diagonal pattern of this operator's Jacobian at every model, if it has one (empty: none claimed, J
     * taken as dense). Solvers of J C J^T + C_d use it to solve block by block.
     */
    default Optional<JacobianBlocks> jacobianBlocks() {
        return Optional.empty();
    }

    /**
     * The blocks of the Jacobian at the batch x ({@link BlockJacobian}); operators with a cheap closed form override
     * this one, which probes them by JVPs ({@link JacobianBlocks#probed}). Throws IllegalStateException without
     * {@link #jacobianBlocks()}.
     */
    default BlockJacobian blockJacobian(float[] x, int n) {
        Shapes.requireBatch("model", x, n, inputSize());
        return jacobianBlocks().orElseThrow(() -> new IllegalStateException(getClass().getSimpleName()
                + " claims no block pattern of its Jacobian")).probed(this, x, n);
    }
}
