package dev.strata.sampler;

import dev.strata.forward.Shapes;

/**
 * A Gaussian N(m, C) as pCN and preconditioned MALA use it: a square root S of C (S S^T = C) that colours white
 * noise, its transpose that takes gradients to whitened coordinates, and the log density with its gradient. Batches
 * are flat [n, size] rows; whitened coordinates z also have {@code size} values per row.
 */
public interface GaussianPrior {

    /** Shape of one state. */
    int[] shape();

    default int size() {
        return Shapes.size(shape());
    }

    /** The mean m, length {@link #size()} (a new array). */
    double[] mean();

    /** S z per row for a batch of {@code n} rows: white z ~ N(0, I) becomes N(0, C). {@code z} is not modified. */
    double[] colour(double[] z, int n);

    /** S^T g per row for a batch of {@code n} rows (a gradient to whitened coordinates). {@code g} is not modified. */
    double[] colourTranspose(double[] g, int n);

    /**
     * log N(x; m, C) for a batch of {@code n} (C positive definite), and its gradient -C^-1 (x - m) into {@code grad}
     * ([n, size], overwritten) when not {@code null}. {@code x} is not modified.
     */
    double[] logDensity(float[] x, int n, float[] grad);

    /** C v = S S^T v per row for a batch of {@code n} rows. {@code v} is not modified. */
    default double[] covarianceTimes(double[] v, int n) {
        return colour(colourTranspose(v, n), n);
    }
}
