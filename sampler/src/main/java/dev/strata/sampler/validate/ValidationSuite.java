package dev.strata.sampler.validate;

import dev.strata.sampler.nn.DenoiserTrainer;
import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import dev.strata.sampler.oracle.DenseGaussian;

import dev.strata.forward.linear.MatrixOperator;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.edm.Churn;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.guidance.DenoiserErrorProfile;
import dev.strata.sampler.guidance.DpsGuidance;
import dev.strata.sampler.guidance.InnovationCovariance;
import dev.strata.sampler.guidance.NoiseAwareDpsGuidance;
import dev.strata.sampler.guidance.PosteriorDenoiser;
import dev.strata.sampler.guidance.PosteriorDenoiserGuidance;
import dev.strata.sampler.mcmc.ChainSettings;
import dev.strata.sampler.mcmc.EffectiveSampleSize;
import dev.strata.sampler.mcmc.GaussianLikelihood;
import dev.strata.sampler.mcmc.LogDensity;
import dev.strata.sampler.mcmc.MalaChains;
import dev.strata.sampler.mcmc.McmcRun;
import dev.strata.sampler.mcmc.PcnChains;
import dev.strata.sampler.mixture.MemorizationMetric;
import dev.strata.sampler.mixture.MemorizedPosterior;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.oracle.PosteriorOracle;
import dev.strata.sampler.oracle.levy.LevyPosterior;
import dev.strata.sampler.vp.BetaSchedule;
import dev.strata.sampler.vp.DdimSampler;
import dev.strata.sampler.vp.DdpmSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code strata validate}: every sampler against posteriors known in closed form, one {@link ValidationRow} per
 * (sampler, oracle).
 * <ul>
 *   <li>Oracles: gaussian-linear (8 x 8 smooth Gaussian prior, 12 random measurements, noise 0.1,
 *       {@link GaussianLinearCase}); gmm-linear (6 x 6, three-component Gaussian-mixture prior, 8 measurements,
 *       noise 0.1, seed chosen so that the posterior weights are mixed, 0.49 / 0.13 / 0.38,
 *       {@link MixtureLinearCase}); memorized-linear (1000 memorized 8 x 8 examples, 2 measurements, noise 0.5: the
 *       posterior spreads over ~280 examples, {@link MemorizedLinearCase}; judged by {@link ReweightedExamples}, the
 *       same posterior computed independently of the library's {@link MemorizedPosterior}, so that the memorized-exact
 *       row does not compare the closed-form sampler with itself); gmm-iso-linear (12 examples with
 *       gamma = 0.6, 4 measurements, noise 0.3, weights 0.65 / 0.22 / 0.06 / ..., {@link LinearisedMixtureCase}).</li>
 *   <li>Exact samplers, each driven by the exact posterior's own denoiser (the dense Gaussian posterior, the mixture
 *       posterior, the reweighted memorized set): EDM Euler (128 Karras steps), Heun (32), Heun with churn (64,
 *       S_churn 20 on [0.01, 10]), DDPM ancestral on linear (T = 500) and cosine (T = 250) betas, DDIM eta 0 (250
 *       of 1000 linear steps) and eta 0.5 (250 of 1000 cosine steps); and the closed-form samplers of seed 001
 *       (memorized-exact, linearised-gmm). Held to {@link Bound#exact()} with n = 4000 samples (2000 for the
 *       memorized denoiser, whose cost grows with the set). Step counts: the first-order samplers lose std at a
 *       rate that halves as the steps double; at 64 Euler steps, T = 200 DDPM or 100 DDIM steps it was 0.04-0.055 on
 *       these oracles, so the counts above hold it near 0.02.</li>
 *   <li>DPS (Chung et al.) with the prior's exact denoiser, zeta 0.5, 100 Euler steps: known biased, held to the band
 *       it was measured in ({@link Bound#band}). Measured at n = 4000: Gaussian-linear meanErr 0.71, stdErr 0.45,
 *       coverage90 0.94; GMM-linear 0.52, 0.48, 0.94 (too wide and off-centre: the unguided prior is at meanErr
 *       ~1.9). The bands are about +-20 % around these; Monte Carlo noise at n = 4000 is ~0.02. Seed 000's
 *       noise-aware DPS ({@link NoiseAwareDpsGuidance}, error profile from 1000 prior draws) likewise: measured
 *       meanErr 0.50, stdErr 0.078, coverage90 0.871 (Gaussian-linear) and 0.20, 0.062, 0.894 (GMM-linear), closer
 *       than plain DPS on every figure; its bands are about +-20 % (meanErr) and +-0.04 (stdErr) around these.</li>
 *   <li>The posterior-denoiser guidance with the Tweedie covariance (TMPD, Boys et al. 2023,
 *       {@link PosteriorDenoiserGuidance}, {@link PosteriorDenoiser}): on the Gaussian-linear oracle D_y is
 *       E[x0 | x_sigma, y] exactly, so it is held to {@link Bound#exact()} like the exact samplers, as guidance with
 *       EDM Euler (128 steps) and as a denoiser with EDM Heun (32 steps, in the quick suite).</li>
 *   <li>MCMC baselines, pCN (Gaussian prior) and prior-preconditioned MALA, 32 chains: held to their own Monte Carlo
 *       error ({@link Bound#monteCarlo}, with an ESS floor: a row with ESS_min < 100 fails); ESS by the initial positive sequence, reported as the minimum and the median
 *       over pixels, and per second of wall time (burn-in included).</li>

 *   <li>Levy-process oracles (Zach et al., ICLR 2026; {@link LevyRows}, not in the quick suite): length-64 signals with
 *       Laplace, Student-t(3) and Bernoulli-Laplace increments under identity, blur and every-4th-sample operators,
 *       judged against Gibbs gold standards ({@link LevyProcessCase}) and held to {@link Bound#goldStandard}, the
 *       Monte Carlo error of sampler and reference together; each row also reports the MMSE gap and its floor.</li>
 * </ul>
 * Every row says what its speed counts ({@link SpeedBasis}). Only rows comparable with MCMC report {@code
 * essPerSecond}: MCMC (minimum-over-pixels ESS) and samplers that see only the prior's denoiser and the likelihood
 * and meet the exact bound (the Tweedie rows: independent draws, ESS = n); a "faster than MCMC" claim may rest on
 * these alone. Samplers handed the target's own denoiser or closed form (the exact samplers, memorized-exact,
 * linearised-gmm, the gaussian16-prior rows) and the biased DPS rows report {@code drawsPerSecond} instead: their
 * draws are exact because they were given the answer, or are not posterior draws at all.
 * {@code seconds} is the wall time of the sampling alone (a 16-sample warm-up run of the same sampler goes first, so
 * that JIT compilation is not billed to the first row; MCMC includes its burn-in).
 * The quick suite (for CI) keeps one or two samplers per oracle at n = 2000 and a shorter MCMC burn-in, and the
 * network row (the shipped DJL denoiser, 256 draws).
 */
public final class ValidationSuite {
    private static final int N = 4000;
    private static final int N_QUICK = 2000;
    private static final int EXACT_DRAWS = 8000;
    private static final int WARM_UP = 16;

    /** Which rows to run. */
    public record Settings(boolean quick, String samplerPrefix, String oraclePrefix) {
        public static Settings full() {
            return new Settings(false, null, null);
        }

        public static Settings quickSuite() {
            return new Settings(true, null, null);
        }

        /**
         * Whether a row of {@code sampler} on {@code oracle} runs: its names start with the prefixes given, and with
         * {@code quick} it is one of the quick suite's rows.
         */
        public boolean selects(String sampler, String oracle, boolean inQuick) {
            return (!quick || inQuick) && (samplerPrefix == null || sampler.startsWith(samplerPrefix))
                    && (oraclePrefix == null || oracle.startsWith(oraclePrefix));
        }
    }

    /** One row to run. */
    record Check(String sampler, String oracle, boolean inQuick, Supplier<ValidationRow> run) {
    }

    private ValidationSuite() {
    }

    /** Runs the selected rows in order, handing each to {@code out} as soon as it is done; returns all rows. */
    public static List<ValidationRow> run(Settings settings, Consumer<ValidationRow> out) {
        List<ValidationRow> rows = new ArrayList<>();
        for (Check c : checks(settings.quick())) {
            if (!settings.selects(c.sampler(), c.oracle(), c.inQuick())) {
                continue;
            }
            ValidationRow r = c.run().get();
            rows.add(r);
            out.accept(r);
        }
        return rows;
    }

    /** Names of every (sampler, oracle) pair of the full or quick suite, in order. */
    public static List<String> names(boolean quick) {
        List<String> names = new ArrayList<>();
        for (Check c : checks(quick)) {
            if (!quick || c.inQuick()) {
                names.add(c.sampler() + " @ " + c.oracle());
            }
        }
        return names;
    }

    private static List<Check> checks(boolean quick) {
        int n = quick ? N_QUICK : N;
        Lazy<GaussianLinearCase> gl = new Lazy<>(() -> GaussianLinearCase.of(8, 8, 12, 0.1, 7));
        Lazy<MixtureLinearCase> gm = new Lazy<>(() -> MixtureLinearCase.of(6, 6, 8, 0.1, 2));
        Lazy<MemorizedLinearCase> mem = new Lazy<>(() -> MemorizedLinearCase.of(8, 8, 1000, 2, 0.5, 11));
        Lazy<LinearisedMixtureCase> lin = new Lazy<>(() -> LinearisedMixtureCase.of(8, 8, 12, 0.6, 4, 0.3, 1));
        List<Check> list = new ArrayList<>();

        List<NamedSampler> exact = exactSamplers();
        for (NamedSampler s : exact) {
            list.add(new Check(s.name(), "gaussian-linear", s.name().startsWith("edm-heun-32")
                    || s.name().startsWith("ddim-eta0-"), () -> sampled(s.name(), "gaussian-linear",
                    s.make().apply(gl.get().posterior()), gl.get().posterior(), n, Bound.exact())));
        }
        list.add(new Check("dps-edm-euler-100", "gaussian-linear", true, () -> sampled("dps-edm-euler-100",
                "gaussian-linear", EdmSampler.euler(gl.get().prior().denoiser(), KarrasSchedule.edm(100),
                        new DpsGuidance(gl.get().operator(), gl.get().data(), 0.5)), gl.get().posterior(), n,
                Bound.band("DPS, Gaussian-linear", 0.55, 0.85, 0.35, 0.55, 0.90, 0.97),
                SpeedBasis.BIASED_APPROXIMATION)));
        list.add(new Check("cdps-edm-euler-100", "gaussian-linear", false, () -> sampled("cdps-edm-euler-100",
                "gaussian-linear", EdmSampler.euler(gl.get().prior().denoiser(), KarrasSchedule.edm(100),
                        noiseAware(gl.get().prior().denoiser(), gl.get().prior().sample(1000, 21), gl.get().operator(),
                                gl.get().data(), gl.get().noise())), gl.get().posterior(), n,
                Bound.band("corrected DPS, Gaussian-linear", 0.40, 0.60, 0.04, 0.13, 0.84, 0.90),
                SpeedBasis.BIASED_APPROXIMATION)));
        list.add(new Check("tmpd-tweedie-edm-euler-128", "gaussian-linear", false, () -> sampled(
                "tmpd-tweedie-edm-euler-128", "gaussian-linear", EdmSampler.euler(gl.get().prior().denoiser(),
                        KarrasSchedule.edm(128), new PosteriorDenoiserGuidance(tweedie(gl.get()))), gl.get().posterior(),
                n, Bound.exact(), SpeedBasis.PRIOR_AND_LIKELIHOOD)));
        list.add(new Check("tmpd-tweedie-edm-heun-32", "gaussian-linear", true, () -> sampled(
                "tmpd-tweedie-edm-heun-32", "gaussian-linear", EdmSampler.heun(new PosteriorDenoiser(
                        gl.get().prior().denoiser(), tweedie(gl.get())), KarrasSchedule.edm(32)), gl.get().posterior(),
                n, Bound.exact(), SpeedBasis.PRIOR_AND_LIKELIHOOD)));
        list.addAll(PowerRows.checks(gl, n));
        list.add(new Check("pcn", "gaussian-linear", true, () -> mcmc("pcn", "gaussian-linear",
                () -> new PcnChains(gl.get().densePrior(), likelihood(gl.get()))
                        .run(chains(quick, 0.1), 21, ProgressListener.NONE), gl.get().posterior())));
        list.add(new Check("mala", "gaussian-linear", false, () -> mcmc("mala", "gaussian-linear",
                () -> new MalaChains(LogDensity.sum(LogDensity.of(gl.get().densePrior()), likelihood(gl.get())),
                        gl.get().densePrior()).run(chains(quick, 0.01), 22, ProgressListener.NONE),
                gl.get().posterior())));

        for (NamedSampler s : exact) {
            list.add(new Check(s.name(), "gmm-linear", s.name().startsWith("edm-heun-32"), () -> sampled(s.name(),
                    "gmm-linear", s.make().apply(gm.get().posterior()), gm.get().posterior(), n, Bound.exact())));
        }
        list.add(new Check("dps-edm-euler-100", "gmm-linear", false, () -> sampled("dps-edm-euler-100", "gmm-linear",
                EdmSampler.euler(gm.get().prior(), KarrasSchedule.edm(100),
                        new DpsGuidance(gm.get().operator(), gm.get().data(), 0.5)), gm.get().posterior(), n,
                Bound.band("DPS, GMM-linear", 0.40, 0.65, 0.38, 0.60, 0.90, 0.97),
                SpeedBasis.BIASED_APPROXIMATION)));
        list.add(new Check("cdps-edm-euler-100", "gmm-linear", false, () -> sampled("cdps-edm-euler-100",
                "gmm-linear", EdmSampler.euler(gm.get().prior(), KarrasSchedule.edm(100),
                        noiseAware(gm.get().prior(), gm.get().prior().sample(1000, 21), gm.get().operator(),
                                gm.get().data(), gm.get().noise())), gm.get().posterior(), n,
                Bound.band("corrected DPS, GMM-linear", 0.14, 0.27, 0.03, 0.10, 0.86, 0.92),
                SpeedBasis.BIASED_APPROXIMATION)));
        list.add(new Check("mala", "gmm-linear", false, () -> mcmc("mala", "gmm-linear",
                () -> new MalaChains(LogDensity.sum(LogDensity.of(gm.get().prior()), likelihood(gm.get())),
                        gm.get().prior().momentMatched()).run(chains(quick, 0.01), 23, ProgressListener.NONE),
                gm.get().posterior())));

        list.add(new Check("memorized-exact", "memorized-linear", true, () -> sampled("memorized-exact",
                "memorized-linear", mem.get().posterior(), mem.get().reweighted(), n, Bound.exact())));
        list.add(new Check("edm-heun-32", "memorized-linear", false, () -> {
            MemorizedLinearCase c = mem.get();
            return sampled("edm-heun-32", "memorized-linear",
                    EdmSampler.heun(c.posterior().denoiser(), KarrasSchedule.edm(32)), c.reweighted(), n / 2,
                    Bound.exact());
        }));
        // the learned denoiser (DJL network trained by Strata on this prior) next to the exact one, same sampler and noise
        Lazy<DenseGaussian> g16 = new Lazy<>(ValidationSuite::gaussian16Prior);
        int nNet = quick ? 256 : 1000;
        list.add(new Check("edm-heun-16-exact", "gaussian16-prior", false, () -> sampled("edm-heun-16-exact",
                "gaussian16-prior", EdmSampler.heun(new SpectralGaussianPrior(DenoiserTrainer.gaussian16Prior())
                        .denoiser(), KarrasSchedule.edm(16)), g16.get(), nNet,
                Bound.band("exact denoiser, 16 Heun steps", 0.0, 0.10, 0.0, 0.10, 0.85, 0.93))));
        list.add(new Check("edm-heun-16-network", "gaussian16-prior", true, () -> {
            try (NetworkDenoiser net = NetworkDenoiser.loadShippedGaussian16()) {
                return sampled("edm-heun-16-network", "gaussian16-prior", EdmSampler.heun(net, KarrasSchedule.edm(16)),
                        g16.get(), nNet, Bound.band("DJL network denoiser, 16 Heun steps", 0.0, 0.10, 0.0, 0.12, 0.85,
                                0.93));
            }
        }));
        list.add(new Check("linearised-gmm", "gmm-iso-linear", true, () -> sampled("linearised-gmm", "gmm-iso-linear",
                lin.get().linearised(), lin.get().exact(), n, Bound.exact())));
        list.addAll(LevyRows.checks());
        return list;
    }

    /** The prior the shipped network was trained on, as a dense Gaussian oracle. */
    private static DenseGaussian gaussian16Prior() {
        SpectralGaussianPrior.Config c = DenoiserTrainer.gaussian16Prior();
        SpectralGaussianPrior p = new SpectralGaussianPrior(c);
        double[] mean = new double[c.nz() * c.nx()];
        Arrays.fill(mean, c.mean()[0]);
        return new DenseGaussian(p.shape(), mean, p.denseCovariance(0));
    }

    /** A sampler built around an exact posterior denoiser. */
    private record NamedSampler(String name, Function<Denoiser, Sampler> make) {
    }

    private static List<NamedSampler> exactSamplers() {
        return List.of(
                new NamedSampler("edm-euler-128", d -> EdmSampler.euler(d, KarrasSchedule.edm(128), Guidance.NONE)),
                new NamedSampler("edm-heun-32", d -> EdmSampler.heun(d, KarrasSchedule.edm(32))),
                new NamedSampler("edm-heun-churn-64", d -> new EdmSampler(d, KarrasSchedule.edm(64),
                        EdmSampler.Method.HEUN, new Churn(20, 0.01, 10, 1), Guidance.NONE)),
                new NamedSampler("ddpm-linear-500", d -> new DdpmSampler(d, BetaSchedule.linear(500))),
                new NamedSampler("ddpm-cosine-250", d -> new DdpmSampler(d, BetaSchedule.cosine(250))),
                new NamedSampler("ddim-eta0-250", d -> new DdimSampler(d, BetaSchedule.linear(1000), 250, 0.0,
                        Guidance.NONE)),
                new NamedSampler("ddim-eta0.5-250", d -> new DdimSampler(d, BetaSchedule.cosine(1000), 250, 0.5,
                        Guidance.NONE)));
    }

    /** Seed 000's noise-aware DPS with the denoiser's error profile measured on 1000 prior draws (24 levels). */
    private static NoiseAwareDpsGuidance noiseAware(Denoiser prior, float[] priorDraws, MatrixOperator operator,
            float[] data, double noise) {
        DenoiserErrorProfile profile = DenoiserErrorProfile.estimate(prior, priorDraws, 1000, 1, 0.002, 80, 24, 22);
        double[] variance = new double[data.length];
        Arrays.fill(variance, noise * noise);
        return new NoiseAwareDpsGuidance(operator, data, variance, profile, 1e-6, 200);
    }

    /** The innovation covariance of the case with the Tweedie C of its exact prior denoiser (CG to 1e-6). */
    private static InnovationCovariance tweedie(GaussianLinearCase c) {
        return PowerRows.tweedie(c, 1);
    }

    /**
     * Chain lengths. The quick suite's pCN once ran 2000 iterations per chain and reached ESS_min = 22, passing only
     * because the unfloored bound widened to 3 / sqrt(22) = 0.64; at 16000 it reached 73, still under the floor of 100
     * (pCN on gaussian-linear mixes slowly: acceptance 0.25, beta 0.07). Both suites now run 32000.
     */
    private static ChainSettings chains(boolean quick, double step) {
        return quick ? new ChainSettings(32, 2000, 32000, 8, step) : new ChainSettings(32, 4000, 32000, 8, step);
    }

    private static GaussianLikelihood likelihood(GaussianLinearCase c) {
        return new GaussianLikelihood(c.operator(), c.data(), c.noise());
    }

    private static GaussianLikelihood likelihood(MixtureLinearCase c) {
        return new GaussianLikelihood(c.operator(), c.data(), c.noise());
    }

    /** A row whose sampler is handed the target's own denoiser or closed form ({@link SpeedBasis#TARGET_GIVEN}). */
    static ValidationRow sampled(String name, String oracleName, Sampler sampler, PosteriorOracle oracle,
            int n, Bound bound) {
        return sampled(name, oracleName, sampler, oracle, n, bound, SpeedBasis.TARGET_GIVEN);
    }

    /**
     * A row of independent draws: ESS = n, reported as {@code essPerSecond} only where the draws are comparable with
     * MCMC's ({@link SpeedBasis#comparableWithMcmc()}), otherwise as {@code drawsPerSecond}.
     */
    static ValidationRow sampled(String name, String oracleName, Sampler sampler, PosteriorOracle oracle,
            int n, Bound bound, SpeedBasis speed) {
        sampler.sample(WARM_UP, 99); // compiles the hot loops, so that the first row's time is not JIT time
        long t0 = System.nanoTime();
        float[] s = sampler.sample(n, 1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        float[] exact = oracle.sample(EXACT_DRAWS, 2);
        PosteriorMetrics m = PosteriorMetrics.compare(s, n, oracle, exact, EXACT_DRAWS);
        Map<String, Double> extras = calibration(s, n, exact, oracle.size());
        extras.put(speed.comparableWithMcmc() ? "essPerSecond" : "drawsPerSecond", n / seconds);
        if (oracle instanceof ReweightedExamples re) {
            extras.put("posteriorEss", re.effectiveSize());
            if (!(sampler instanceof MemorizedPosterior)) {
                extras.put("memorizedShare", MemorizationMetric.of(s, n, re.trainingSet()).share());
            }
        }
        if (oracle instanceof LevyPosterior gold) {
            extras.putAll(LevyRows.figures(s, n, gold));
        }
        return new ValidationRow(name, oracleName, n, m, seconds, bound, speed, extras);
    }

    /** coverage50, coverage80, coverage90 and coverage95 of the samples' intervals ({@link PosteriorMetrics#coverages}). */
    private static Map<String, Double> calibration(float[] samples, int n, float[] exact, int d) {
        double[] tails = PosteriorMetrics.CALIBRATION_TAILS;
        double[] c = PosteriorMetrics.coverages(samples, n, exact, EXACT_DRAWS, d, tails);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int l = 0; l < tails.length; l++) {
            m.put(String.format(java.util.Locale.ROOT, "coverage%.0f", 100 * (1 - 2 * tails[l])), c[l]);
        }
        return m;
    }

    private static ValidationRow mcmc(String name, String oracleName, Supplier<McmcRun> chains, PosteriorOracle oracle) {
        McmcRun run = chains.get();
        int n = run.chains() * run.kept();
        EffectiveSampleSize ess = run.ess();
        float[] exact = oracle.sample(EXACT_DRAWS, 2);
        PosteriorMetrics m = PosteriorMetrics.compare(run.draws(), n, oracle, exact, EXACT_DRAWS);
        Map<String, Double> extras = calibration(run.draws(), n, exact, oracle.size());
        extras.put("essPerSecond", ess.min() / run.seconds());
        extras.put("essMin", ess.min());
        extras.put("essMedian", ess.median());
        extras.put("essMedianPerSecond", ess.median() / run.seconds());
        extras.put("acceptance", run.acceptance());
        extras.put("step", run.stepSize());
        return new ValidationRow(name, oracleName, n, m, run.seconds(), Bound.monteCarlo(ess.min()), SpeedBasis.MCMC_ESS,
                extras);
    }

    /** A value built on first use (cases cost an eigendecomposition or two). */
    static final class Lazy<T> {
        private final Supplier<T> make;
        private T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}
