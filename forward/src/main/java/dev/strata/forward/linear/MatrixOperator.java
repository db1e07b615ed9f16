package dev.strata.forward.linear;

import dev.strata.forward.LinearOperator;
import dev.strata.forward.Shapes;

/** A dense linear operator y = A x with A an m x d matrix (oracles and small tests); A^T for the adjoint. */
public final class MatrixOperator implements LinearOperator {
    private final int[] inShape;
    private final int m;
    private final double[] a;

    /**
     * @param inShape shape of one model (product d)
     * @param m       rows
     * @param a       row-major m x d (copied)
     */
    public MatrixOperator(int[] inShape, int m, double[] a) {
        int d = Shapes.size(inShape);
        if (a.length != (long) m * d) {
            throw new IllegalArgumentException("matrix needs " + m + " x " + d + " values, got " + a.length);
        }
        this.inShape = inShape.clone();
        this.m = m;
        this.a = a.clone();
    }

    /** The matrix, row-major m x d (a copy). */
    public double[] matrix() {
        return a.clone();
    }

    @Override
    public int[] inputShape() {
        return inShape.clone();
    }

    @Override
    public int[] outputShape() {
        return new int[] {m};
    }

    @Override
    public float[] apply(float[] x, int n) {
        int d = inputSize();
        Shapes.requireBatch("MatrixOperator.apply x", x, n, d);
        float[] y = new float[n * m];
        for (int b = 0; b < n; b++) {
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += a[r * d + c] * x[b * d + c];
                }
                y[b * m + r] = (float) s;
            }
        }
        return y;
    }

    @Override
    public float[] adjoint(float[] dy, int n) {
        int d = inputSize();
        Shapes.requireBatch("MatrixOperator.adjoint dy", dy, n, m);
        float[] x = new float[n * d];
        for (int b = 0; b < n; b++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int r = 0; r < m; r++) {
                    s += a[r * d + c] * dy[b * m + r];
                }
                x[b * d + c] = (float) s;
            }
        }
        return x;
    }
}
