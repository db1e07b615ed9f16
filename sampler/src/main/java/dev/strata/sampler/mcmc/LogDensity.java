package dev.strata.sampler.mcmc;

import dev.strata.forward.Shapes;
import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.oracle.DenseGaussianMixture;

/** A log density known up to a constant, with its gradient, evaluated on a batch (the target of an MCMC sampler). */
public interface LogDensity {

    /** Shape of one state. */
    int[] shape();

    default int size() {
        return Shapes.size(shape());
    }

    /**
     * log p(x_b) up to a constant for each of the {@code n} states of {@code x} ([n, size], not modified); writes
     * grad_x log p into {@code grad} ([n, size], overwritten) when it is not {@code null}.
     */
    double[] evaluate(float[] x, int n, float[] grad);

    /** log p + log q, e.g. a prior plus a likelihood (gradients add). */
    static LogDensity sum(LogDensity p, LogDensity q) {
        return new LogDensity() {
            @Override
            public int[] shape() {
                return p.shape();
            }

            @Override
            public double[] evaluate(float[] x, int n, float[] grad) {
                float[] g2 = grad == null ? null : new float[grad.length];
                double[] a = p.evaluate(x, n, grad);
                double[] b = q.evaluate(x, n, g2);
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
                if (grad != null) {
                    for (int i = 0; i < grad.length; i++) {
                        grad[i] += g2[i];
                    }
                }
                return a;
            }
        };
    }

    /** The log density of a Gaussian (a dense one, or a spectral prior). */
    static LogDensity of(GaussianPrior g) {
        return new LogDensity() {
            @Override
            public int[] shape() {
                return g.shape();
            }

            @Override
            public double[] evaluate(float[] x, int n, float[] grad) {
                return g.logDensity(x, n, grad);
            }
        };
    }

    /** The log density of a dense Gaussian mixture. */
    static LogDensity of(DenseGaussianMixture mixture) {
        return new LogDensity() {
            @Override
            public int[] shape() {
                return mixture.shape();
            }

            @Override
            public double[] evaluate(float[] x, int n, float[] grad) {
                return mixture.logDensity(x, n, grad);
            }
        };
    }
}
