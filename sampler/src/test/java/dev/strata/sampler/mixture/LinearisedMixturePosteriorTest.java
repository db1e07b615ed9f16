package dev.strata.sampler.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.SamplerContract;
import dev.strata.sampler.oracle.DenseGaussianMixture;
import dev.strata.sampler.oracle.GaussianMixturePosterior;
import dev.strata.sampler.oracle.PosteriorMetrics;
import org.junit.jupiter.api.Test;

class LinearisedMixturePosteriorTest {
    private static final int[] SHAPE = {1, 4, 5};
    private static final int M = 6;
    private final TrainingSet set = MixtureFixtures.set(SHAPE, 8, 31);
    private final GaussianMixturePrior prior = new GaussianMixturePrior(set, 0.4, null);
    private final double[] a = MemorizedPosteriorTest.gaussianMatrix(M * 20, 32);
    private final float[] data = {0.3f, -0.5f, 0.8f, 0.0f, 0.2f, -0.1f};

    @Test
    void equalsExactMixturePosteriorForLinearOperator() {
        var lin = new LinearisedMixturePosterior("lin", prior, new MatrixOperator(SHAPE, M, a), data, 0.2);
        double[] y = new double[M];
        for (int j = 0; j < M; j++) {
            y[j] = data[j];
        }
        DenseGaussianMixture exact = GaussianMixturePosterior.of("exact",
                DenseGaussianMixture.isotropic("prior", SHAPE, set.examples(), set.count(), 0.4, null), a, y, 0.2);
        // the operator works in float (its Jacobian rows come back as float), the dense oracle in double
        double[] wl = lin.weights();
        double[] we = exact.weights();
        for (int k = 0; k < wl.length; k++) {
            assertEquals(we[k], wl[k], 1e-6, "weight " + k);
        }
        double[] ml = lin.mean();
        double[] me = exact.mean();
        double[] sl = lin.std();
        double[] se = exact.std();
        for (int i = 0; i < ml.length; i++) {
            assertEquals(me[i], ml[i], 1e-6);
            assertEquals(se[i], sl[i], 1e-6);
        }
    }

    @Test
    void exactDrawsMatchTheClosedForm() {
        var lin = new LinearisedMixturePosterior("lin", prior, new MatrixOperator(SHAPE, M, a), data, 0.2);
        int n = 4000;
        SamplerContract.assertMeetsExactBounds(PosteriorMetrics.compare(lin.sample(n, 1), n, lin, 4000, 2));
    }

    @Test
    void componentMeanIsTheLinearisedMapPoint() {
        // for a nonlinear F the component mean solves (mu - x_k) / gamma^2 = J^T (y - F(x_k) - J (mu - x_k)) / s^2
        ForwardOperator f = new TanhOperator(SHAPE, M, a);
        double s = 0.2;
        double g2 = 0.16;
        var lin = new LinearisedMixturePosterior("lin", prior, f, data, s);
        for (int k = 0; k < set.count(); k++) {
            float[] xk = set.example(k);
            double[] mu = lin.componentMean(k);
            float[] dx = new float[xk.length];
            for (int i = 0; i < xk.length; i++) {
                dx[i] = (float) (mu[i] - xk[i]);
            }
            float[] fk = f.apply(xk, 1);
            float[] jdx = f.jvp(xk, dx, 1);
            float[] r = new float[M];
            for (int j = 0; j < M; j++) {
                r[j] = (float) ((data[j] - fk[j] - jdx[j]) / (s * s));
            }
            float[] rhs = f.vjp(xk, r, 1);
            for (int i = 0; i < xk.length; i++) {
                assertEquals(rhs[i], dx[i] / g2, 1e-3 * (1 + Math.abs(rhs[i])), "component " + k + " at " + i);
            }
        }
    }

    /** y = A tanh(x): a smooth nonlinear operator with an exact Jacobian. */
    private record TanhOperator(int[] shape, int m, double[] a) implements ForwardOperator {
        @Override
        public int[] inputShape() {
            return shape.clone();
        }

        @Override
        public int[] outputShape() {
            return new int[] {m};
        }

        @Override
        public float[] apply(float[] x, int n) {
            float[] t = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                t[i] = (float) Math.tanh(x[i]);
            }
            return new MatrixOperator(shape, m, a).apply(t, n);
        }

        @Override
        public float[] vjp(float[] x, float[] dy, int n) {
            float[] g = new MatrixOperator(shape, m, a).adjoint(dy, n);
            for (int i = 0; i < x.length; i++) {
                double c = Math.cosh(x[i]);
                g[i] = (float) (g[i] / (c * c));
            }
            return g;
        }

        @Override
        public float[] jvp(float[] x, float[] dx, int n) {
            float[] t = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                double c = Math.cosh(x[i]);
                t[i] = (float) (dx[i] / (c * c));
            }
            return new MatrixOperator(shape, m, a).apply(t, n);
        }
    }
}
