package dev.strata.forward;

/** A linear forward operator y = A x: the Jacobian is A everywhere, so the VJP is the adjoint A^T dy. */
public interface LinearOperator extends ForwardOperator {

    /** dx = A^T dy for a batch of {@code n}. */
    float[] adjoint(float[] dy, int n);

    @Override
    default float[] vjp(float[] x, float[] dy, int n) {
        return adjoint(dy, n);
    }

    /** A linear map is its own linearisation at every x: A dx and A^T dy, x not kept. */
    @Override
    default Linearisation linearise(float[] x, int n) {
        Shapes.requireBatch("model", x, n, inputSize());
        return Linearisation.of(dx -> apply(dx, n), dy -> adjoint(dy, n));
    }

    @Override
    default float[] jvp(float[] x, float[] dx, int n) {
        return apply(dx, n);
    }
}
