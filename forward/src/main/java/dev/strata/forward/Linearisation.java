package dev.strata.forward;

import java.util.function.UnaryOperator;

/**
 * A forward operator linearised at one batch of models x (as {@code jax.linearize} gives it): dy = J(x) dx and
 * dx = J(x)^T dy with x held fixed, equal to {@link ForwardOperator#jvp} and {@link ForwardOperator#vjp} at x. Made by
 * {@link ForwardOperator#linearise}, for solvers that apply both many times at one point (conjugate gradients on
 * J C J^T + C_d): what depends on x alone (model units, a clip, checks of the model) is done once, when it is made.
 */
public interface Linearisation {

    /** dy = J(x) dx for the batch the linearisation was made at; a new array. */
    float[] jvp(float[] dx);

    /** dx = J(x)^T dy for the batch the linearisation was made at; a new array. */
    float[] vjp(float[] dy);

    /** The linearisation whose JVP and VJP are these two functions. */
    static Linearisation of(UnaryOperator<float[]> jvp, UnaryOperator<float[]> vjp) {
        return new Linearisation() {
            @Override
            public float[] jvp(float[] dx) {
                return jvp.apply(dx);
            }

            @Override
            public float[] vjp(float[] dy) {
                return vjp.apply(dy);
            }
        };
    }
}
