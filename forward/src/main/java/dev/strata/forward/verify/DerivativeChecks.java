package dev.strata.forward.verify;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.LinearOperator;

/**
 * The two proofs every operator owes, as plain computations shared by the tests and {@code strata verify}.
 * All sums are accumulated in double.
 */
public final class DerivativeChecks {
    private DerivativeChecks() {
    }

    /**
     * Dot-product test of the Jacobian at x, normalised so that it cannot hide an error: the data direction is
     * dy' = (|dy| / |J dx|) J dx + dy, so that <J dx, dy'> ~ |J dx| |dy| whatever m, and the error is
     * |<J dx, dy'> - <dx, J^T dy'>| / |<J dx, dy'>|. An adjoint wrong by a factor (1 + eps) then shows as eps. The
     * earlier form, |<J dx, dy> - <dx, J^T dy>| / (|J dx| |dy|) with white dy, divides by a product ~ sqrt(m) larger
     * than the dot products themselves ({@link #whiteDotProductError}), and on the small acoustic problem let an
     * adjoint wrong by 1e-3 pass a 1e-5 tolerance.
     */
    public static double dotProductError(ForwardOperator op, float[] x, float[] dx, float[] dy, int n) {
        float[] jdx = op.jvp(x, dx, n);
        double scale = norm(dy) / norm(jdx);
        float[] aligned = new float[dy.length];
        for (int i = 0; i < dy.length; i++) {
            aligned[i] = (float) (scale * jdx[i] + dy[i]);
        }
        float[] jtdy = op.vjp(x, aligned, n);
        double reference = dot(jdx, aligned);
        return Math.abs(reference - dot(dx, jtdy)) / Math.abs(reference);
    }

    /** The earlier dot-product test with dy as given: |<J dx, dy> - <dx, J^T dy>| / (|J dx| |dy|) (weak for white dy). */
    public static double whiteDotProductError(ForwardOperator op, float[] x, float[] dx, float[] dy, int n) {
        float[] jdx = op.jvp(x, dx, n);
        float[] jtdy = op.vjp(x, dy, n);
        return Math.abs(dot(jdx, dy) - dot(dx, jtdy)) / (norm(jdx) * norm(dy));
    }

    /**
     * Taylor test: r(h) = ||A(x + h dx) - A(x) - h J dx|| at h = h0, h0/2, ...; for a correct J it falls as h^2.
     *
     * @param h0        largest step
     * @param halvings  number of halvings (orders measured)
     */
    public static Taylor taylor(ForwardOperator op, float[] x, float[] dx, int n, double h0, int halvings) {
        float[] ax = op.apply(x, n);
        float[] jdx = op.jvp(x, dx, n);
        double[] h = new double[halvings + 1];
        double[] r = new double[halvings + 1];
        for (int k = 0; k <= halvings; k++) {
            h[k] = h0 / (1 << k);
            float[] xh = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                xh[i] = (float) (x[i] + h[k] * dx[i]);
            }
            float[] axh = op.apply(xh, n);
            double s = 0;
            for (int i = 0; i < ax.length; i++) {
                double e = (double) axh[i] - ax[i] - h[k] * jdx[i];
                s += e * e;
            }
            r[k] = Math.sqrt(s);
        }
        return new Taylor(h, r, norm(ax), norm(jdx), op instanceof LinearOperator);
    }

    /**
     * Result of a Taylor test.
     *
     * @param steps       h values
     * @param remainders  r(h)
     * @param normAx      ||A(x)||
     * @param normJdx     ||J dx||
     * @param linear      whether the operator is linear (then r is rounding only)
     */
    public record Taylor(double[] steps, double[] remainders, double normAx, double normJdx, boolean linear) {

        /** log2(r(h) / r(h/2)) for each halving. */
        public double[] orders() {
            double[] o = new double[remainders.length - 1];
            for (int k = 0; k < o.length; k++) {
                o[k] = Math.log(remainders[k] / remainders[k + 1]) / Math.log(2);
            }
            return o;
        }

        /** The smallest measured order (the one a claim of "order 2" must survive). */
        public double minOrder() {
            double m = Double.POSITIVE_INFINITY;
            for (double v : orders()) {
                m = Math.min(m, v);
            }
            return m;
        }

        /** Largest remainder relative to the rounding scale ||A x|| + h ||J dx|| (for linear operators). */
        public double worstRelativeRemainder() {
            double w = 0;
            for (int k = 0; k < remainders.length; k++) {
                w = Math.max(w, remainders[k] / (normAx + steps[k] * normJdx));
            }
            return w;
        }

        /** Order >= 1.9 at every halving; for a linear operator, remainders at rounding level (<= 1e-5). */
        public boolean passes() {
            return linear ? worstRelativeRemainder() <= 1e-5 : minOrder() >= 1.9;
        }
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    public static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
