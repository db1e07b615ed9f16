package dev.strata.sampler.prior;

import dev.strata.forward.Shapes;
import dev.strata.sampler.Denoiser;
import java.util.stream.IntStream;

/**
 * The exact denoiser of a {@link SpectralGaussianPrior}: D(x; sigma) = mu + Sigma (Sigma + sigma^2 I)^-1 (x - mu)
 * = mu + g_eps (x - mu) + P diag(lambda / (lambda + sigma^2) - g_eps) P^T (x - mu), g_eps = eps / (eps + sigma^2).
 * D is affine in x with a symmetric Jacobian, so the VJP is the same filter applied to v without the mean.
 */
public final class GaussianDenoiser implements Denoiser {
    private final SpectralGaussianPrior prior;

    GaussianDenoiser(SpectralGaussianPrior prior) {
        this.prior = prior;
    }

    @Override
    public int[] shape() {
        return prior.shape();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        return filter(x, sigma, n, true);
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        Shapes.requireBatch("GaussianDenoiser.vjp x", x, n, size());
        return filter(v, sigma, n, false);
    }

    private float[] filter(float[] x, double sigma, int n, boolean affine) {
        Shapes.requireBatch("GaussianDenoiser input", x, n, size());
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        }
        int channels = prior.config().channels();
        int plane = prior.config().nz() * prior.config().nx();
        double s2 = sigma * sigma;
        float[] out = new float[x.length];
        CosineBasis basis = prior.basis();
        IntStream.range(0, n * channels).parallel().forEach(bc -> {
            int c = bc % channels;
            int off = bc * plane;
            double mu = affine ? prior.mean(c) : 0.0;
            double eps = prior.nugget(c);
            double gEps = eps / (eps + s2);
            float[] centred = new float[plane];
            for (int i = 0; i < plane; i++) {
                centred[i] = (float) (x[off + i] - mu);
                out[off + i] = (float) (mu + gEps * centred[i]);
            }
            double[] y = basis.analyze(centred, 0);
            for (int m = 0; m < y.length; m++) {
                double lam = prior.lambda(c, m);
                y[m] *= lam / (lam + s2) - gEps;
            }
            basis.synthesizeAdd(y, 1.0, out, off);
        });
        return out;
    }
}
