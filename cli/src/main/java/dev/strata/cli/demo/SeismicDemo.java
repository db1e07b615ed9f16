package dev.strata.cli.demo;

import dev.strata.forward.AffineInput;
import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.RickerWavelet;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.guidance.DpsGuidance;
import dev.strata.sampler.prior.SpectralGaussianPrior;

/**
 * The built-in demo: draw a "true" impedance section from a smooth layered Gaussian prior, make noisy
 * convolutional seismic from it, then draw posterior samples with the EDM Euler sampler, the prior's exact
 * denoiser and DPS guidance (Chung et al. 2023) through the seismic operator's exact VJP.
 */
public final class SeismicDemo {

    /** Everything the demo computes; fields are [nz][nx] flat, samples [n][nz][nx], data [nz-1][nx]. */
    public record Result(SeismicDemoConfig config, float[] truth, float[] cleanData, float[] data, double noiseStd,
                         float[] samples, float[] mean, float[] std, float[] priorStd, double[] chi, double seconds) {
    }

    private SeismicDemo() {
    }

    /**
     * The demo's inverse problem: the prior over the normalised impedance, the seismic operator on it, the normalised
     * truth, the clean and the noisy data, and the noise std.
     */
    public record Problem(SpectralGaussianPrior prior, AffineInput operator, float[] truth, float[] clean,
                          float[] data, double noiseStd) {
    }

    /** The truth, data and operator of {@code c}, drawn from its seed. */
    public static Problem problem(SeismicDemoConfig c) {
        SpectralGaussianPrior prior = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(1, c.nz(), c.nx(),
                new double[] {0.0}, new double[] {1.0}, c.corrZ(), c.corrX(), Math.min(c.nz(), 40),
                Math.min(c.nx(), 25), 0.02));
        RickerWavelet ricker = new RickerWavelet(c.peakHz(), c.dt(), oddLength(2.5 / c.peakHz() / c.dt()));
        var seismic = new ConvolutionalSeismic(1, c.nz(), c.nx(), 0, ricker.samples());
        var operator = new AffineInput(seismic, c.meanIp(), c.stdIp());

        float[] truthNormalised = prior.sample(1, c.seed());
        float[] clean = operator.apply(truthNormalised, 1);
        double noiseStd = c.noiseFraction() * rms(clean);
        Gaussian g = new Gaussian(c.seed() + 1);
        float[] data = new float[clean.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (clean[i] + noiseStd * g.next());
        }
        return new Problem(prior, operator, truthNormalised, clean, data, noiseStd);
    }

    public static Result run(SeismicDemoConfig c, ProgressListener progress) {
        long t0 = System.nanoTime();
        int plane = c.nz() * c.nx();
        Problem p = problem(c);
        var operator = p.operator();
        var sampler = EdmSampler.euler(p.prior().denoiser(), KarrasSchedule.edm(c.steps()),
                new DpsGuidance(operator, p.data(), c.zeta()));
        float[] normalised = sampler.sample(c.samples(), c.seed() + 2, progress);
        double[] chi = chi(p, normalised, c.samples());
        float[] samples = operator.toPhysical(normalised);
        float[] mean = new float[plane];
        float[] std = new float[plane];
        moments(samples, c.samples(), plane, mean, std);
        float[] priorStd = new float[plane];
        java.util.Arrays.fill(priorStd, (float) c.stdIp());
        return new Result(c, operator.toPhysical(p.truth()), p.clean(), p.data(), p.noiseStd(), samples, mean, std,
                priorStd, chi, (System.nanoTime() - t0) / 1e9);
    }

    /** RMS(A(x_b) - y) / noise std per sample b of the normalised {@code samples}: 1 for a fit to the noise level. */
    public static double[] chi(Problem p, float[] samples, int n) {
        float[] predicted = p.operator().apply(samples, n);
        double[] chi = new double[n];
        int m = p.data().length;
        for (int b = 0; b < n; b++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                double r = predicted[b * m + j] - p.data()[j];
                s += r * r;
            }
            chi[b] = Math.sqrt(s / m) / p.noiseStd();
        }
        return chi;
    }

    private static int oddLength(double samples) {
        int n = (int) Math.ceil(samples);
        return n % 2 == 1 ? n : n + 1;
    }

    private static double rms(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s / a.length);
    }

    /** Pixelwise mean and (n - 1)-normalised standard deviation of {@code n} fields. */
    static void moments(float[] fields, int n, int plane, float[] mean, float[] std) {
        for (int i = 0; i < plane; i++) {
            double s = 0;
            double s2 = 0;
            for (int b = 0; b < n; b++) {
                double v = fields[b * plane + i];
                s += v;
                s2 += v * v;
            }
            double mu = s / n;
            mean[i] = (float) mu;
            std[i] = (float) Math.sqrt(Math.max(0, (s2 - n * mu * mu) / (n - 1)));
        }
    }
}
