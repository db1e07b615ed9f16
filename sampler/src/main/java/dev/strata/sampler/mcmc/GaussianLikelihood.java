package dev.strata.sampler.mcmc;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;

/**
 * The Gaussian data likelihood log p(y | x) = -||y - F(x)||^2 / (2 s^2) (up to a constant) for any forward operator,
 * with gradient J(x)^T (y - F(x)) / s^2 by the operator's VJP; batched over states. A state the operator refuses
 * (IllegalArgumentException, e.g. a non-physical model) has log-likelihood -inf and a zero gradient, so a
 * Metropolis-Hastings proposal there is rejected instead of ending the run.
 */
public final class GaussianLikelihood implements LogDensity {
    private final ForwardOperator operator;
    private final float[] data;
    private final double noise;

    /**
     * @param operator F
     * @param data     y, one data sample (copied)
     * @param noise    noise standard deviation s
     */
    public GaussianLikelihood(ForwardOperator operator, float[] data, double noise) {
        Shapes.requireBatch("likelihood data", data, 1, operator.outputSize());
        if (!(noise > 0)) {
            throw new IllegalArgumentException("noise must be > 0, got " + noise);
        }
        this.operator = operator;
        this.data = data.clone();
        this.noise = noise;
    }

    @Override
    public int[] shape() {
        return operator.inputShape();
    }

    @Override
    public double[] evaluate(float[] x, int n, float[] grad) {
        try {
            return evaluateValid(x, n, grad);
        } catch (IllegalArgumentException refusedBatch) {
            int size = operator.inputSize();
            double[] out = new double[n];
            float[] g = grad == null ? null : new float[size];
            for (int b = 0; b < n; b++) {
                float[] xb = java.util.Arrays.copyOfRange(x, b * size, (b + 1) * size);
                try {
                    out[b] = evaluateValid(xb, 1, g)[0];
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

    private double[] evaluateValid(float[] x, int n, float[] grad) {
        int m = operator.outputSize();
        float[] pred = operator.apply(x, n);
        float[] r = new float[pred.length];
        double[] out = new double[n];
        double s2 = noise * noise;
        for (int b = 0; b < n; b++) {
            double q = 0;
            for (int j = 0; j < m; j++) {
                double rj = data[j] - pred[b * m + j];
                q += rj * rj;
                r[b * m + j] = (float) (rj / s2);
            }
            out[b] = -0.5 * q / s2;
        }
        if (grad != null) {
            float[] g = operator.vjp(x, r, n);
            System.arraycopy(g, 0, grad, 0, g.length);
        }
        return out;
    }
}
