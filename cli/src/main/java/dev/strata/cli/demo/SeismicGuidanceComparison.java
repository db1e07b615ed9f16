package dev.strata.cli.demo;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.guidance.DenoiserErrorProfile;
import dev.strata.sampler.guidance.DpsGuidance;
import dev.strata.sampler.guidance.InnovationCovariance;
import dev.strata.sampler.guidance.NoiseAwareDpsGuidance;
import dev.strata.sampler.guidance.PosteriorCovariance;
import dev.strata.sampler.guidance.PosteriorDenoiserGuidance;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain DPS (Chung et al. 2023, the demo's zeta) against the posterior-denoiser guidance D_y = x̂0 + C J^T (J C J^T +
 * C_d)^-1 (y - A(x̂0)) (Boys et al. 2023) with the isotropic and the Tweedie C, on the demo's problem and data, all
 * with EDM Euler and the prior's exact denoiser, and seed 000's noise-aware DPS (a gradient step on the same
 * likelihood, {@link NoiseAwareDpsGuidance}) for reference: per method the RMSE of the posterior mean to the truth and the data
 * misfit RMS(A(x) - y) / noise std (1 = fit to the noise).
 */
public final class SeismicGuidanceComparison {

    /**
     * @param method      dps, noise-aware-dps, isotropic or tweedie
     * @param meanRmse    RMS over pixels of (posterior mean - truth), normalised impedance (x stdIp for m/s g/cm^3)
     * @param misfit      mean over samples of RMS(A(x_b) - y) / noise std
     * @param meanMisfit  RMS(A(posterior mean) - y) / noise std
     * @param finite      every sample value is finite (false also when the run left the operator's domain)
     */
    public record Figures(String method, double meanRmse, double misfit, double meanMisfit, boolean finite) {
    }

    private SeismicGuidanceComparison() {
    }

    /** Runs the three methods on {@code c}'s problem with {@code c.samples()} samples and {@code c.steps()} levels. */
    public static List<Figures> run(SeismicDemoConfig c, double cgTolerance, int cgMaxIterations) {
        SeismicDemo.Problem p = SeismicDemo.problem(c);
        Denoiser prior = p.prior().denoiser();
        DenoiserErrorProfile profile = DenoiserErrorProfile.estimate(prior, p.prior().sample(64, c.seed() + 3), 64, 1,
                0.002, 80, 24, c.seed() + 4);
        double[] variance = InnovationCovariance.uniformVariance(p.data().length, p.noiseStd());
        List<Figures> out = new ArrayList<>();
        out.add(figures("dps", p, c, new DpsGuidance(p.operator(), p.data(), c.zeta())));
        out.add(figures("noise-aware-dps", p, c, new NoiseAwareDpsGuidance(p.operator(), p.data(), variance, profile,
                cgTolerance, cgMaxIterations)));
        for (var e : List.of(java.util.Map.entry("isotropic", PosteriorCovariance.isotropic(profile)),
                java.util.Map.entry("tweedie", PosteriorCovariance.tweedie(prior)))) {
            out.add(figures(e.getKey(), p, c, new PosteriorDenoiserGuidance(new InnovationCovariance(p.operator(),
                    p.data(), variance, e.getValue(), cgTolerance, cgMaxIterations))));
        }
        return out;
    }

    private static Figures figures(String method, SeismicDemo.Problem p, SeismicDemoConfig c, Guidance guidance) {
        int n = c.samples();
        int plane = c.nz() * c.nx();
        float[] s;
        try {
            s = EdmSampler.euler(p.prior().denoiser(), KarrasSchedule.edm(c.steps()), guidance)
                    .sample(n, c.seed() + 2);
        } catch (IllegalArgumentException diverged) { // the operator refuses Ip[z] + Ip[z+1] <= 0
            return new Figures(method, Double.NaN, Double.NaN, Double.NaN, false);
        }
        boolean finite = true;
        for (float v : s) {
            finite &= Float.isFinite(v);
        }
        if (!finite) {
            return new Figures(method, Double.NaN, Double.NaN, Double.NaN, false);
        }
        float[] mean = new float[plane];
        SeismicDemo.moments(s, n, plane, mean, new float[plane]);
        double e = 0;
        for (int i = 0; i < plane; i++) {
            double d = mean[i] - p.truth()[i];
            e += d * d;
        }
        double misfit = 0;
        for (double chi : SeismicDemo.chi(p, s, n)) {
            misfit += chi / n;
        }
        return new Figures(method, Math.sqrt(e / plane), misfit, SeismicDemo.chi(p, mean, 1)[0], true);
    }
}
