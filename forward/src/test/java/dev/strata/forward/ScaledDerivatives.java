package dev.strata.forward;

/** An operator with J^T dy replaced by (1 + vjpError) J^T dy and J dx by (1 + jvpError) J dx: a wrong derivative. */
public record ScaledDerivatives(ForwardOperator inner, double vjpError, double jvpError) implements WrappedOperator {
    @Override
    public float[] apply(float[] x, int n) {
        return inner.apply(x, n);
    }

    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        return scaled(inner.vjp(x, dy, n), vjpError);
    }

    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        return scaled(inner.jvp(x, dx, n), jvpError);
    }

    private static float[] scaled(float[] v, double error) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * (1 + error));
        }
        return v;
    }
}
