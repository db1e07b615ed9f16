package dev.strata.sampler.guidance;

/**
 * C_x̂0(sigma) = diag(s_c(sigma)^2), one variance per channel c, the denoiser's own error (seed 000, arXiv 2507.15809).
 */
final class IsotropicCovariance implements PosteriorCovariance {
    private final DenoiserErrorProfile profile;

    IsotropicCovariance(DenoiserErrorProfile profile) {
        this.profile = profile;
    }

    @Override
    public boolean diagonal() {
        return true;
    }

    @Override
    public float[] apply(float[] x, float[] x0hat, double sigma, float[] v, int n) {
        int channels = profile.channels();
        if (n <= 0 || v.length % (n * channels) != 0) {
            throw new IllegalArgumentException(v.length + " values are not " + n + " samples of " + channels
                    + " channels");
        }
        int plane = v.length / (n * channels);
        float[] out = new float[v.length];
        for (int c = 0; c < channels; c++) {
            double s = profile.at(sigma, c);
            double s2 = s * s;
            for (int b = 0; b < n; b++) {
                int off = (b * channels + c) * plane;
                for (int i = 0; i < plane; i++) {
                    out[off + i] = (float) (s2 * v[off + i]);
                }
            }
        }
        return out;
    }
}
