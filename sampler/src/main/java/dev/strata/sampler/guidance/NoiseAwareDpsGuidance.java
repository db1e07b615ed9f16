package dev.strata.sampler.guidance;

import dev.strata.forward.ForwardOperator;
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
 * The step is a gradient step whose size grows with J^T C_d^-1 J and diverges on stiff problems; the stable,
 * convex-combination form of the same likelihood is {@link PosteriorDenoiserGuidance}.
 *
 * <p>The weight (sigma - sigma_next) sigma is the probability-flow (ODE) weight, right for the EDM Euler/Heun
 * samplers only. With DDPM ancestral sampling ({@link dev.strata.sampler.vp.DdpmSampler}, which adds this correction
 * in EDM coordinates) it under-weights the likelihood: in EDM coordinates the ancestral mean is
 * x_next = x + (1 - sigma_next^2 / sigma^2) (x̂0 - x), and by Tweedie a likelihood term moves x̂0 by
 * sigma^2 grad_x log p(y | x), so the consistent weight is sigma^2 - sigma_next^2 = (sigma - sigma_next)
 * (sigma + sigma_next), larger than the ODE weight by (sigma + sigma_next) / sigma: about 2 for fine steps (the
 * reverse SDE's drift carries the score twice). Use {@link LikelihoodStepWeight#ANCESTRAL} with DDPM.
 */
public final class NoiseAwareDpsGuidance implements Guidance {
    private final InnovationCovariance innovation;
    private final LikelihoodStepWeight weight;

    /**
     * @param operator     A
     * @param data         y, one data sample (copied)
     * @param dataVariance C_d diagonal, one variance per datum (copied)
     * @param profile      the denoiser's error s_c(sigma)
     */
    public NoiseAwareDpsGuidance(ForwardOperator operator, float[] data, double[] dataVariance,
                                 DenoiserErrorProfile profile, double cgTolerance, int cgMaxIterations) {
        this(operator, data, dataVariance, profile, cgTolerance, cgMaxIterations, LikelihoodStepWeight.PROBABILITY_FLOW);
    }

    /** As above, with the step weight of the sampler it serves ({@link LikelihoodStepWeight#ANCESTRAL} for DDPM). */
    public NoiseAwareDpsGuidance(ForwardOperator operator, float[] data, double[] dataVariance,
                                 DenoiserErrorProfile profile, double cgTolerance, int cgMaxIterations,
                                 LikelihoodStepWeight weight) {
        this.weight = weight;
        int channels = operator.inputShape().length >= 3 ? operator.inputShape()[0] : 1;
        if (profile.channels() != channels) {
            throw new IllegalArgumentException("error profile has " + profile.channels() + " channels, the model "
                    + channels);
        }
        this.innovation = new InnovationCovariance(operator, data, dataVariance, PosteriorCovariance.isotropic(profile),
                cgTolerance, cgMaxIterations);
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
        ForwardOperator operator = innovation.operator();
        double[] r = innovation.innovation(operator.apply(x0hat, n), n);
        double[] w = innovation.solve(x, x0hat, sigma, r, n);
        float[] g = denoiser.vjp(x, sigma, operator.vjp(x0hat, InnovationCovariance.toFloat(w), n), n);
        double scale = weight.weight(sigma, sigmaNext);
        for (int k = 0; k < g.length; k++) {
            g[k] = (float) (scale * g[k]);
        }
        return g;
    }
}
