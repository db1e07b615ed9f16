package dev.strata.sampler.guidance;

import dev.strata.sampler.Denoiser;

/**
 * The posterior denoiser D_y(x; sigma) = x̂0 + C J^T (J C J^T + C_d)^-1 (y - A(x̂0)), x̂0 = D(x; sigma) (Boys et al.
 * 2023, arXiv 2310.06721; {@link InnovationCovariance}), as a denoiser any sampler can drive (Heun evaluates it at
 * its predictor too, which {@link PosteriorDenoiserGuidance} cannot). Its VJP holds C, J and S fixed:
 * (dD_y/dx)^T v = (dD/dx)^T (v - J^T S^-1 J C v), exact for an affine D with the Tweedie C and a linear A.
 */
public final class PosteriorDenoiser implements Denoiser {
    private final Denoiser prior;
    private final InnovationCovariance innovation;

    public PosteriorDenoiser(Denoiser prior, InnovationCovariance innovation) {
        this.prior = prior;
        this.innovation = innovation;
    }

    @Override
    public int[] shape() {
        return prior.shape();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        float[] x0hat = prior.denoise(x, sigma, n);
        double[] r = innovation.innovation(innovation.operator().apply(x0hat, n), n);
        float[] k = innovation.gain(x, x0hat, sigma, r, n);
        for (int i = 0; i < k.length; i++) {
            k[i] += x0hat[i];
        }
        return k;
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        float[] x0hat = prior.denoise(x, sigma, n);
        return prior.vjp(x, sigma, innovation.gainComplementAdjoint(x, x0hat, sigma, v, n), n);
    }
}
