package dev.strata.sampler.guidance;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Linearisation;
import dev.strata.forward.Shapes;
import java.util.Optional;

/**
 * S = J C J^T + C_d, the covariance of the innovation r = y - A(x̂0) when x0 ~ N(x̂0, C) and A is linearised at x̂0
 * (J its Jacobian there, C_d the data noise): the Kalman gain K = C J^T S^-1 of the posterior denoiser
 * D_y = x̂0 + K r (Boys et al. 2023, arXiv 2310.06721). Where C is diagonal and the operator's Jacobian has a
 * block-diagonal pattern ({@link ForwardOperator#jacobianBlocks}, e.g. seismic traces and well points), S is block
 * diagonal and S^-1 r is solved exactly, block by block ({@link BlockInnovationSolver}). Otherwise it is solved
 * matrix-free, per sample, by conjugate gradients ({@link BatchedConjugateGradient}) with the JVP and VJP of the
 * operator linearised at x̂0 ({@link ForwardOperator#linearise}, made once a solve), to a relative residual of
 * {@code cgTolerance}, or until {@code cgMaxIterations}: {@link #tally()} counts the systems solved and those
 * stopped there (none of the exact ones).
 */
public final class InnovationCovariance {
    private final ForwardOperator operator;
    private final float[] data;
    private final double[] dataVariance;
    private final PosteriorCovariance covariance;
    private final double cgTolerance;
    private final int cgMaxIterations;
    /** The exact block solver where C is diagonal and A has a Jacobian pattern, else empty. */
    private final Optional<BlockInnovationSolver> blocks;
    private SolveTally tally = SolveTally.NONE;

    /**
     * @param operator     A
     * @param data         y, one data sample (copied)
     * @param dataVariance C_d diagonal, one variance per datum (copied)
     * @param covariance   C = C_x̂0(sigma)
     */
    public InnovationCovariance(ForwardOperator operator, float[] data, double[] dataVariance,
            PosteriorCovariance covariance, double cgTolerance, int cgMaxIterations) {
        Shapes.requireBatch("guidance data", data, 1, operator.outputSize());
        if (dataVariance.length != data.length) {
            throw new IllegalArgumentException("need one data variance per datum (" + data.length + "), got "
                    + dataVariance.length);
        }
        for (double v : dataVariance) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("data variances must be > 0, got " + v);
            }
        }
        if (!(cgTolerance > 0) || cgMaxIterations < 1) {
            throw new IllegalArgumentException("need cgTolerance > 0 and cgMaxIterations >= 1");
        }
        this.operator = operator;
        this.data = data.clone();
        this.dataVariance = dataVariance.clone();
        this.covariance = covariance;
        this.cgTolerance = cgTolerance;
        this.cgMaxIterations = cgMaxIterations;
        this.blocks = covariance.diagonal() ? BlockInnovationSolver.of(operator, this.dataVariance)
                : Optional.empty();
    }

    /** Whether S^-1 r is solved exactly block by block rather than by conjugate gradients. */
    public boolean solvesByBlocks() {
        return blocks.isPresent();
    }

    /** The same data variance s^2 for every datum. */
    public static double[] uniformVariance(int m, double std) {
        double[] v = new double[m];
        java.util.Arrays.fill(v, std * std);
        return v;
    }

    public ForwardOperator operator() {
        return operator;
    }

    /** r = y - A(x̂0) per sample, from {@code predicted} = A(x̂0), [n, m]. */
    public double[] innovation(float[] predicted, int n) {
        int m = data.length;
        double[] r = new double[n * m];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < m; j++) {
                r[b * m + j] = data[j] - predicted[b * m + j];
            }
        }
        return r;
    }

    /** w = S^-1 r per sample, S = J C J^T + C_d at (x, x̂0, sigma). */
    public double[] solve(float[] x, float[] x0hat, double sigma, double[] r, int n) {
        return blocks.isPresent() ? solveByBlocks(x, x0hat, sigma, r, n)
                : solve(operator.linearise(x0hat, n), x, x0hat, sigma, r, n);
    }

    /** The systems solved so far and how many stopped at the iteration cap above the tolerance. */
    public synchronized SolveTally tally() {
        return tally;
    }

    private synchronized void count(int systems, int truncated) {
        tally = tally.plus(new SolveTally(systems, truncated));
    }

    /** {@link #solve} with J and J^T from {@code at}, the operator linearised at x̂0. */
    private double[] solve(Linearisation at, float[] x, float[] x0hat, double sigma, double[] r, int n) {
        if (blocks.isPresent()) {
            return solveByBlocks(x, x0hat, sigma, r, n);
        }
        int m = data.length;
        BatchedConjugateGradient.Solution s = BatchedConjugateGradient.solve(v -> {
            float[] jcjt = at.jvp(covariance.apply(x, x0hat, sigma, at.vjp(toFloat(v)), n));
            double[] out = new double[v.length];
            for (int b = 0; b < n; b++) {
                for (int j = 0; j < m; j++) {
                    out[b * m + j] = jcjt[b * m + j] + dataVariance[j] * v[b * m + j];
                }
            }
            return out;
        }, r, n, m, cgTolerance, cgMaxIterations);
        count(n, s.truncated());
        return s.w();
    }

    /** S^-1 r by {@link BlockInnovationSolver}, diag(C) = C 1. */
    private double[] solveByBlocks(float[] x, float[] x0hat, double sigma, double[] r, int n) {
        float[] ones = new float[x0hat.length];
        java.util.Arrays.fill(ones, 1f);
        double[] w = blocks.orElseThrow().solve(x0hat, covariance.apply(x, x0hat, sigma, ones, n), r, n);
        count(n, 0);
        return w;
    }

    /** K r = C J^T S^-1 r, the Kalman update D_y - x̂0. */
    public float[] gain(float[] x, float[] x0hat, double sigma, double[] r, int n) {
        Linearisation at = operator.linearise(x0hat, n);
        return covariance.apply(x, x0hat, sigma, at.vjp(toFloat(solve(at, x, x0hat, sigma, r, n))), n);
    }

    /** (I - K J)^T v = v - J^T S^-1 J C v, the adjoint of dD_y/dx̂0 with C, J and S held fixed. */
    public float[] gainComplementAdjoint(float[] x, float[] x0hat, double sigma, float[] v, int n) {
        Linearisation at = operator.linearise(x0hat, n);
        float[] jc = at.jvp(covariance.apply(x, x0hat, sigma, v, n));
        double[] r = new double[jc.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = jc[i];
        }
        float[] back = at.vjp(toFloat(solve(at, x, x0hat, sigma, r, n)));
        float[] out = new float[v.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i] - back[i];
        }
        return out;
    }

    static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
