package dev.strata.sampler.mcmc;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;

/**
 * The Gaussian data likelihood log p(y | x) = -||y - F(x)||^2 / (2 s^2) (up to a constant) for any forward operator,
 * with gradient J(x)^T (y - F(x)) / s^2 by the operator's VJP; batched over states. A state the operator refuses
 * (IllegalArgumentException, e.g. a non-physical model) has log-likelihood -inf and a zero gradient, so a
 * Metropolis-Hastings proposal there is rejected instead of ending the run. With one data sample per state
 * ({@link #perState}) a batch of chains samples as many posteriors, one data set each, in one operator call.
 */
public final class GaussianLikelihood implements LogDensity {
    private final ForwardOperator operator;
    private final float[] data;
    private final int rows;
    private final double noise;

    /**
     * @param operator F
     * @param data     y, one data sample (copied)
     * @param noise    noise standard deviation s
     */
    public GaussianLikelihood(ForwardOperator operator, float[] data, double noise) {
        this(operator, data, 1, noise);
    }

    private GaussianLikelihood(ForwardOperator operator, float[] data, int rows, double noise) {
        Shapes.requireBatch("likelihood data", data, rows, operator.outputSize());
        if (!(noise > 0)) {
            throw new IllegalArgumentException("noise must be > 0, got " + noise);
        }
        this.operator = operator;
        this.data = data.clone();
        this.rows = rows;
        this.noise = noise;
    }

    /**
     * log p(y_b | x_b) with a data sample y_b per state: every batch holds {@code rows} states, state b compared with
     * row b of {@code data} ([rows, outputSize], copied).
     */
    public static GaussianLikelihood perState(ForwardOperator operator, float[] data, int rows, double noise) {
        if (rows < 1) {
            throw new IllegalArgumentException("need at least one data row, got " + rows);
        }
        return new GaussianLikelihood(operator, data, rows, noise);
    }

    @Override
    public int[] shape() {
        return operator.inputShape();
    }

    @Override
    public double[] evaluate(float[] x, int n, float[] grad) {
        if (rows > 1 && n != rows) {
            throw new IllegalArgumentException("this likelihood holds " + rows + " data samples, one per state, and was"
                    + " given " + n + " states");
        }
        try {
            return evaluateValid(x, n, grad, 0);
        } catch (IllegalArgumentException refusedBatch) {
            int size = operator.inputSize();
            double[] out = new double[n];
            float[] g = grad == null ? null : new float[size];
            for (int b = 0; b < n; b++) {
                float[] xb = java.util.Arrays.copyOfRange(x, b * size, (b + 1) * size);
                try {
                    out[b] = evaluateValid(xb, 1, g, b)[0];
                } catch (IllegalArgumentException refused) {
                    out[b] = Double.NEGATIVE_INFINITY;
                    if (g != null) {
                        java.util.Arrays.fill(g, 0);
                    }
                }
                if (g != null) {
                    System.arraycopy(g, 0, grad, b * size, size);
                }
            }
            return out;
        }
    }

    /**
     * States of {@code x} compared with data rows {@code first ..} (row 0 throughout for one data sample); with a
     * gradient, the value and the VJP of its residual from one evaluation ({@link ForwardOperator#valueAndVjp}).
     */
    private double[] evaluateValid(float[] x, int n, float[] grad, int first) {
        double[] out = new double[n];
        if (grad == null) {
            residual(operator.apply(x, n), n, first, out);
            return out;
        }
        float[] g = operator.valueAndVjp(x, n, pred -> residual(pred, n, first, out)).vjp();
        System.arraycopy(g, 0, grad, 0, g.length);
        return out;
    }

    /** (y - A(x)) / s^2 per datum of the predictions {@code pred}, with each state's log-density into {@code out}. */
    private float[] residual(float[] pred, int n, int first, double[] out) {
        int m = operator.outputSize();
        float[] r = new float[pred.length];
        double s2 = noise * noise;
        for (int b = 0; b < n; b++) {
            double q = 0;
            int row = rows == 1 ? 0 : (first + b) * m;
            for (int j = 0; j < m; j++) {
                double rj = data[row + j] - pred[b * m + j];
                q += rj * rj;
                r[b * m + j] = (float) (rj / s2);
            }
            out[b] = -0.5 * q / s2;
        }
        return r;
    }
}
