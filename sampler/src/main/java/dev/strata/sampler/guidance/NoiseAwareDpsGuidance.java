package dev.strata.sampler.guidance;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;

/**
 * Corrected, noise-aware DPS (seed 000, arXiv 2507.15809): the likelihood of y given x_t is approximated by
 * N(y; A(x̂0), C_tot(t)), C_tot(t) = J C_x̂0(t) J^T + C_d, with C_x̂0(t) = diag(s_c(t)^2) the denoiser's own error per
 * channel ({@link DenoiserErrorProfile}) and J the operator's Jacobian at x̂0; C_tot is held fixed when
 * differentiating, so grad_x log p(y | x_t) = J_D^T J^T C_tot^-1 (y - A(x̂0)).
 *
 * <p>Unlike plain DPS, the step has no free scale: the likelihood score enters the EDM probability-flow ODE
 * dx/dsigma = -sigma (grad log p(x) + grad log p(y | x)) with the same weight as the prior score, so the Euler
 * correction is (sigma - sigma_next) sigma grad_x log p(y | x_t). C_tot^-1 r is solved matrix-free by conjugate
 * gradients with the operator's JVP and VJP (for the seismic operator, trace by trace in effect), to a relative
 * residual of {@code cgTolerance}. Approximations: isotropic per-channel C_x̂0, J at x̂0, C_tot constant in x.
 */
public final class NoiseAwareDpsGuidance implements Guidance {
    private final ForwardOperator operator;
    private final float[] data;
    private final double[] dataVariance;
    private final DenoiserErrorProfile profile;
    private final double cgTolerance;
    private final int cgMaxIterations;

    /**
     * @param operator     A
     * @param data         y, one data sample (copied)
     * @param dataVariance C_d diagonal, one variance per datum (copied)
     * @param profile      the denoiser's error s_c(sigma)
     */
    public NoiseAwareDpsGuidance(ForwardOperator operator, float[] data, double[] dataVariance,
                                 DenoiserErrorProfile profile, double cgTolerance, int cgMaxIterations) {
        Shapes.requireBatch("noise-aware DPS data", data, 1, operator.outputSize());
        if (dataVariance.length != data.length) {
            throw new IllegalArgumentException("need one data variance per datum (" + data.length + "), got "
                    + dataVariance.length);
        }
        for (double v : dataVariance) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("data variances must be > 0, got " + v);
            }
        }
        int channels = operator.inputShape().length >= 3 ? operator.inputShape()[0] : 1;
        if (profile.channels() != channels) {
            throw new IllegalArgumentException("error profile has " + profile.channels() + " channels, the model "
                    + channels);
        }
        this.operator = operator;
        this.data = data.clone();
        this.dataVariance = dataVariance.clone();
        this.profile = profile;
        this.cgTolerance = cgTolerance;
        this.cgMaxIterations = cgMaxIterations;
    }

    /** Data variance sigma_d^2 with sigma_d = a + b |d| per datum (seed 000 uses a = 1, b = 5 %). */
    public static double[] affineNoiseVariance(float[] data, double a, double b) {
        double[] v = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            double s = a + b * Math.abs(data[i]);
            v[i] = s * s;
        }
        return v;
    }

    @Override
    public float[] correction(Denoiser denoiser, float[] x, float[] x0hat, double sigma, double sigmaNext, int n) {
        int m = operator.outputSize();
        int size = operator.inputSize();
        int channels = profile.channels();
        int plane = size / channels;
        double[] s2 = new double[channels];
        for (int c = 0; c < channels; c++) {
            double s = profile.at(sigma, c);
            s2[c] = s * s;
        }
        float[] predicted = operator.apply(x0hat, n);
        double[] r = new double[n * m];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < m; j++) {
                r[b * m + j] = data[j] - predicted[b * m + j];
            }
        }
        // C_tot v = J diag(s^2) J^T v + C_d v, applied to the whole batch
        java.util.function.UnaryOperator<double[]> cTot = v -> {
            float[] vf = toFloat(v);
            float[] jt = operator.vjp(x0hat, vf, n);
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < channels; c++) {
                    int off = b * size + c * plane;
                    for (int i = 0; i < plane; i++) {
                        jt[off + i] = (float) (s2[c] * jt[off + i]);
                    }
                }
            }
            float[] jjt = operator.jvp(x0hat, jt, n);
            double[] out = new double[v.length];
            for (int b = 0; b < n; b++) {
                for (int j = 0; j < m; j++) {
                    out[b * m + j] = jjt[b * m + j] + dataVariance[j] * v[b * m + j];
                }
            }
            return out;
        };
        double[] w = BatchedConjugateGradient.solve(cTot, r, n, m, cgTolerance, cgMaxIterations);
        float[] g = denoiser.vjp(x, sigma, operator.vjp(x0hat, toFloat(w), n), n);
        double scale = (sigma - sigmaNext) * sigma;
        for (int k = 0; k < g.length; k++) {
            g[k] = (float) (scale * g[k]);
        }
        return g;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
