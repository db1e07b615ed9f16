package dev.strata.sampler.guidance;

import dev.strata.sampler.Denoiser;

/**
 * C_x̂0(sigma) v, with C_x̂0(sigma) a stand-in for Cov[x0 | x_sigma = x], applied to a batch: the covariance of the
 * denoised estimate x̂0 = D(x; sigma) that {@link InnovationCovariance} propagates through the operator.
 */
@FunctionalInterface
public interface PosteriorCovariance {

    /**
     * C v for a batch of {@code n}; returns a new array.
     *
     * @param x     state at noise level {@code sigma}, [n, size], not modified
     * @param x0hat D(x; sigma), [n, size], not modified
     * @param v     [n, size], not modified
     */
    float[] apply(float[] x, float[] x0hat, double sigma, float[] v, int n);

    /** Whether C is diagonal at every (x, x̂0, sigma), so that C v = diag(C) ⊙ v with diag(C) = C 1. */
    default boolean diagonal() {
        return false;
    }

    /** C = diag(s_c(sigma)^2) per channel, the denoiser's own error (seed 000, arXiv 2507.15809): no VJP needed. */
    static PosteriorCovariance isotropic(DenoiserErrorProfile profile) {
        return new IsotropicCovariance(profile);
    }

    /** C = sigma^2 dD/dx = Cov[x0 | x_sigma] for an exact MMSE denoiser (Tweedie; Boys et al. 2023, arXiv 2310.06721). */
    static PosteriorCovariance tweedie(Denoiser denoiser) {
        return (x, x0hat, sigma, v, n) -> scale(denoiser.vjp(x, sigma, v, n), sigma * sigma);
    }

    /** factor * C, diagonal if C is: a deliberately wrong covariance, for tests that the exact one is needed. */
    default PosteriorCovariance scaled(double factor) {
        PosteriorCovariance c = this;
        return new PosteriorCovariance() {
            @Override
            public float[] apply(float[] x, float[] x0hat, double sigma, float[] v, int n) {
                return scale(c.apply(x, x0hat, sigma, v, n), factor);
            }

            @Override
            public boolean diagonal() {
                return c.diagonal();
            }
        };
    }

    private static float[] scale(float[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (factor * a[i]);
        }
        return a;
    }
}
