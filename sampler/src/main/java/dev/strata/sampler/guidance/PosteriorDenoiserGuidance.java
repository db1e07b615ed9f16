package dev.strata.sampler.guidance;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;

/**
 * Corrected, noise-aware DPS as a posterior-denoiser step: dx = ((sigma - sigma_next) / sigma) (D_y - x̂0) with
 * D_y = x̂0 + C J^T (J C J^T + C_d)^-1 (y - A(x̂0)) (Boys et al. 2023, arXiv 2310.06721; {@link InnovationCovariance}).
 *
 * <p>Added to the EDM Euler step x + ((sigma_next - sigma) / sigma) (x - x̂0) it gives the Euler step with D_y in place
 * of D, x_next = (1 - h) x + h D_y with h = (sigma - sigma_next) / sigma in (0, 1]: a convex combination, so the
 * step cannot overshoot the data however precise they are (K J has eigenvalues in [0, 1)), unlike a gradient step
 * whose size grows with J^T C_d^-1 J. Likewise DDIM eta = 0 with this correction is DDIM with D_y. With the
 * {@link PosteriorCovariance#tweedie Tweedie} covariance of an exact denoiser, a Gaussian prior and a linear A, D_y is
 * E[x0 | x_sigma, y] exactly, so the sampler samples the exact posterior. Approximations otherwise: the covariance
 * (isotropic, or Tweedie of an inexact denoiser), A linearised at x̂0, C and J held fixed in x.
 */
public final class PosteriorDenoiserGuidance implements Guidance {
    private final InnovationCovariance innovation;
    private final ResidualMonitor monitor;
    private final StepCounter steps = new StepCounter();

    /** @param monitor told A(x̂0) at each step ({@link ResidualMonitor#NONE} for none); one run at a time */
    public PosteriorDenoiserGuidance(InnovationCovariance innovation, ResidualMonitor monitor) {
        this.innovation = innovation;
        this.monitor = monitor;
    }

    public PosteriorDenoiserGuidance(InnovationCovariance innovation) {
        this(innovation, ResidualMonitor.NONE);
    }

    @Override
    public float[] correction(Denoiser denoiser, float[] x, float[] x0hat, double sigma, double sigmaNext, int n) {
        float[] predicted = innovation.operator().apply(x0hat, n);
        monitor.residual(steps.next(sigmaNext), sigma, predicted, n);
        float[] dx = innovation.gain(x, x0hat, sigma, innovation.innovation(predicted, n), n);
        double h = (sigma - sigmaNext) / sigma;
        for (int k = 0; k < dx.length; k++) {
            dx[k] = (float) (h * dx[k]);
        }
        return dx;
    }
}
