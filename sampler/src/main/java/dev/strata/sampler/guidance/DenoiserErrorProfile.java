package dev.strata.sampler.guidance;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Gaussian;

/**
 * The denoiser's own error s_c(sigma) per channel: s_c(sigma)^2 = mean over examples and pixels of channel c of
 * (D(x0 + sigma eps; sigma) - x0)^2, estimated once by noising training examples (seed 000, arXiv 2507.15809),
 * tabulated on log-spaced sigmas and interpolated linearly in (log sigma, log s).
 */
public final class DenoiserErrorProfile {
    private final double[] logSigma;
    private final double[][] logS; // [channel][k]

    private DenoiserErrorProfile(double[] logSigma, double[][] logS) {
        this.logSigma = logSigma;
        this.logS = logS;
    }

    /**
     * Estimates the profile.
     *
     * @param denoiser  the denoiser whose error is measured
     * @param examples  training examples [n, size] (not modified)
     * @param n         number of examples
     * @param channels  channels per example (the first index of the denoiser's shape)
     * @param sigmaMin  smallest tabulated sigma
     * @param sigmaMax  largest tabulated sigma
     * @param levels    number of tabulated sigmas (>= 2)
     * @param seed      seed of the noise
     */
    public static DenoiserErrorProfile estimate(Denoiser denoiser, float[] examples, int n, int channels,
                                                double sigmaMin, double sigmaMax, int levels, long seed) {
        if (levels < 2 || !(sigmaMax > sigmaMin && sigmaMin > 0)) {
            throw new IllegalArgumentException("need levels >= 2 and sigmaMax > sigmaMin > 0");
        }
        int size = denoiser.size();
        int plane = size / channels;
        double[] ls = new double[levels];
        double[][] lerr = new double[channels][levels];
        Gaussian g = new Gaussian(seed);
        for (int k = 0; k < levels; k++) {
            ls[k] = Math.log(sigmaMin) + (Math.log(sigmaMax) - Math.log(sigmaMin)) * k / (levels - 1);
            double sigma = Math.exp(ls[k]);
            float[] noisy = examples.clone();
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] += (float) (sigma * g.next());
            }
            float[] d = denoiser.denoise(noisy, sigma, n);
            for (int c = 0; c < channels; c++) {
                double s = 0;
                for (int b = 0; b < n; b++) {
                    int off = b * size + c * plane;
                    for (int i = 0; i < plane; i++) {
                        double e = d[off + i] - examples[off + i];
                        s += e * e;
                    }
                }
                lerr[c][k] = 0.5 * Math.log(Math.max(s / ((double) n * plane), 1e-30));
            }
        }
        return new DenoiserErrorProfile(ls, lerr);
    }

    public int channels() {
        return logS.length;
    }

    /** s_c(sigma), clamped to the end values outside the tabulated range. */
    public double at(double sigma, int channel) {
        double x = Math.log(Math.max(sigma, 1e-300));
        double[] y = logS[channel];
        if (x <= logSigma[0]) {
            return Math.exp(y[0]);
        }
        int last = logSigma.length - 1;
        if (x >= logSigma[last]) {
            return Math.exp(y[last]);
        }
        int k = 0;
        while (logSigma[k + 1] < x) {
            k++;
        }
        double f = (x - logSigma[k]) / (logSigma[k + 1] - logSigma[k]);
        return Math.exp(y[k] + f * (y[k + 1] - y[k]));
    }
}
