package dev.strata.sampler.validate;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Gaussian;

/**
 * The random linear measurement every linear oracle case shares: A_ij ~ N(0, 1/d) (m x d, row-major), then
 * y = A x_true + s e, e ~ N(0, I), both drawn in that order from one {@link Gaussian}.
 *
 * @param matrix   A, m x d row-major
 * @param operator A as a forward operator
 * @param data     y
 */
record LinearMeasurement(double[] matrix, MatrixOperator operator, float[] data) {

    /**
     * @param shape shape of one model, d values
     * @param m     number of measurements
     * @param noise data noise std s
     * @param truth x_true, [1, d] (not modified)
     * @param g     source of A and e (advanced by m d + m draws)
     */
    static LinearMeasurement draw(int[] shape, int m, double noise, float[] truth, Gaussian g) {
        int d = truth.length;
        double[] a = new double[m * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = g.next() / Math.sqrt(d);
        }
        MatrixOperator operator = new MatrixOperator(shape, m, a);
        float[] clean = operator.apply(truth, 1);
        float[] data = new float[m];
        for (int i = 0; i < m; i++) {
            data[i] = (float) (clean[i] + noise * g.next());
        }
        return new LinearMeasurement(a, operator, data);
    }

    /** y widened to double. */
    double[] dataAsDouble() {
        double[] y = new double[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = data[i];
        }
        return y;
    }
}
