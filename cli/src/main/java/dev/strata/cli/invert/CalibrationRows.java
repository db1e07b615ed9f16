package dev.strata.cli.invert;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.sampler.validate.ValidationSuite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rows of {@code strata validate} that calibrate credible intervals against known truths on the nonlinear
 * problems, which have no closed-form posterior: simulation-based calibration (Talts et al. 2018,
 * {@link TruthCalibration}) over K synthetic truths drawn from the analytic Gaussian prior ({@link SyntheticTruths}),
 * S = 41 samples per case, coverage of the truth by the central 50/80/90/95 % intervals.
 * <ul>
 *   <li>{@code calibration-seismic}: full-stack seismic (30 Hz Ricker) of a 24 x 8 impedance section, noise sigma
 *       2.0 x the RMS of a reference draw's clean data (192 data, each of SNR 0.5), K = 60; pCN burn-in 1000, then
 *       41 states one every 200 iterations; DPS (32 steps) and corrected DPS (16) beside it.</li>
 *   <li>{@code calibration-darcy}: 36 heads on a 6 x 6 array over a 16 x 16 log-conductivity grid of 10 m cells, one
 *       injection well, noise 0.5 x the reference RMS, K = 60; pCN burn-in 500, thinning 25; DPS (16 steps) beside
 *       it. Corrected DPS is left out: its conjugate-gradient solve in data space costs tens of Darcy solves per
 *       sample and step (110 s for 20 cases at 32 steps).</li>
 *   <li>{@code calibration-fwi}, run only when named in full ({@code --oracle calibration-fwi}): 6 surface shots over
 *       an 8 x 8 velocity grid of 10 m cells (CPML around it), noise 0.5, K = 20; pCN burn-in 100, thinning 10. A
 *       wave-equation solve costs about 25 ms here, a hundred times a Darcy solve, so the chains take minutes; no
 *       diffusion rows (DPS: a gradient per sample and step, about 25 minutes).</li>
 * </ul>
 * pCN ({@link CaseChains}: a chain per case, all cases' chains in one batch; burn-in and thinning in the name
 * {@code pcn-bB-tT}) is exact in the limit and held to {@link CalibrationBound#exact} (3 SE + 0.02); the guided
 * diffusion samplers (EDM Euler over the prior's exact denoiser with DPS at zeta 1, or corrected DPS with the
 * isotropic covariance, built as {@code strata invert} builds them) are approximate and reported as diagnostics.
 * The noise levels are set so that pCN mixes within these chains (median ESS of the kept states near S): with noise
 * 0.05 pCN's step fell to beta ~ 0.05-0.13 and 41 states thinned by 50 held 3-7 effective draws. So the data narrow
 * the prior moderately (spread, posterior over prior std: 0.73 seismic, 0.88 Darcy, 0.55 FWI), and the rows report
 * it: the prior alone would be calibrated too. Measured on a 2-core VM: seismic pCN covers 0.512 / 0.799 / 0.877 /
 * 0.912 (SE 0.02-0.03) against 0.476 / 0.762 / 0.857 / 0.905 for exact draws, Darcy 0.477 / 0.767 / 0.865 / 0.911
 * (SE 0.01-0.02), FWI 0.432 / 0.721 / 0.817 / 0.877 (SE 0.04-0.06); the five rows of the full suite take about
 * 30 s, the FWI row about 2 minutes.
 */
public final class CalibrationRows {
    /** S: with (S - 1) t an integer at every tail, the intervals' ends are order statistics (exact expectation). */
    static final int SAMPLES = 41;
    static final CalibrationBound EXACT = CalibrationBound.exact(3, 0.02);

    /** When a row runs: in the full suite, or only when {@code --oracle} names its oracle in full. */
    enum Scope { FULL, ON_REQUEST }

    /** One row to run. */
    record Check(String sampler, String oracle, Scope scope, Function<Cases, CalibrationRow> run) {
    }

    /** A guided diffusion sampler reported beside the chains: EDM Euler with {@code guidance}, {@code steps} steps. */
    record Guided(String guidance, int steps) {
        String name() {
            return guidance + "-edm-euler-" + steps;
        }
    }

    /** A problem of the rows with its chain settings and the diffusion samplers reported beside. */
    record Plan(CalibrationProblem problem, int burnIn, int thin, List<Guided> guided, Scope scope) {
        String oracle() {
            return "calibration-" + problem.problem();
        }
    }

    private CalibrationRows() {
    }

    static List<Plan> plans() {
        return List.of(
                new Plan(new CalibrationProblem("seismic", 24, 8, 1, 10, 2.0, 60, SAMPLES, 2026), 1000, 200,
                        List.of(new Guided("dps", 32), new Guided("cdps", 16)), Scope.FULL),
                new Plan(new CalibrationProblem("darcy", 16, 16, 10, 10, 0.5, 60, SAMPLES, 2026), 500, 25,
                        List.of(new Guided("dps", 16)), Scope.FULL),
                new Plan(new CalibrationProblem("fwi", 8, 8, 10, 10, 0.5, 20, SAMPLES, 2026), 100, 10, List.of(),
                        Scope.ON_REQUEST));
    }

    private static List<Check> checks() {
        List<Check> list = new ArrayList<>();
        for (Plan p : plans()) {
            String chain = "pcn-b" + p.burnIn() + "-t" + p.thin();
            list.add(new Check(chain, p.oracle(), p.scope(), cases -> {
                SyntheticTruths t = cases.of(p.problem());
                return row(chain, t, new CaseChains(t.prior(), p.burnIn(), p.thin(), 0.1), EXACT);
            }));
            for (Guided g : p.guided()) {
                list.add(new Check(g.name(), p.oracle(), p.scope(), cases -> {
                    SyntheticTruths t = cases.of(p.problem());
                    return row(g.name(), t, guided(t, g.guidance(), g.steps(), cases.backend()),
                            CalibrationBound.diagnostic());
                }));
            }
        }
        return list;
    }

    /** Whether {@code c} runs under {@code s}: on-request rows only when {@code --oracle} is their oracle. */
    private static boolean selected(Check c, ValidationSuite.Settings s) {
        return s.selects(c.sampler(), c.oracle(), false)
                && (c.scope() == Scope.FULL || c.oracle().equals(s.oraclePrefix()));
    }

    /** Runs the selected rows in order, handing each to {@code out} when done; none in the quick suite. */
    public static List<CalibrationRow> run(ValidationSuite.Settings settings, Consumer<CalibrationRow> out) {
        List<Check> selected = checks().stream().filter(c -> selected(c, settings)).toList();
        List<CalibrationRow> rows = new ArrayList<>();
        if (selected.isEmpty()) {
            return rows;
        }
        try (ComputeBackend backend = ComputeBackends.open("jvm")) {
            Cases cases = new Cases(backend);
            for (Check c : selected) {
                CalibrationRow r = c.run().apply(cases);
                rows.add(r);
                out.accept(r);
            }
        }
        return rows;
    }

    /** Names of every (sampler, oracle) pair, on-request rows marked so; none in the quick suite. */
    public static List<String> names(boolean quick) {
        if (quick) {
            return List.of();
        }
        return checks().stream().map(c -> c.sampler() + " @ " + c.oracle()
                + (c.scope() == Scope.ON_REQUEST ? " (only with --oracle " + c.oracle() + ")" : "")).toList();
    }

    /** The calibration of {@code sampling} on the cases of {@code truths}, held to {@code bound}. */
    static CalibrationRow row(String sampler, SyntheticTruths truths, CaseSampling sampling, CalibrationBound bound) {
        CalibrationProblem p = truths.spec();
        return new CalibrationRow(sampler, "calibration-" + p.problem(), p, TruthCalibration.run(truths, sampling),
                bound);
    }

    /** EDM Euler with {@code guidance} over the prior's denoiser, built as {@code strata invert} builds it. */
    static CaseSampling guided(SyntheticTruths t, String guidance, int steps, ComputeBackend backend) {
        CalibrationProblem p = t.spec();
        InvertSettings s = new InvertSettings(p.problem(), "", "synthetic-calibration", p.noise(), "gaussian",
                "edm-euler", guidance, "isotropic", 1, 1, 1, p.samples(), p.seed(), steps, 0, p.samples(), "jvm",
                "cpu", 0);
        PosteriorSamplerFactory factory = new PosteriorSamplerFactory(s, t.prior(), backend);
        return CaseSampling.eachCase(problem -> factory.sampler(t.prior().denoiser(), problem.operator(),
                problem.data()));
    }

    /** The synthetic cases of each problem, built on first use and shared by its rows. */
    static final class Cases {
        private final ComputeBackend backend;
        private final Map<CalibrationProblem, SyntheticTruths> built = new HashMap<>();

        Cases(ComputeBackend backend) {
            this.backend = backend;
        }

        ComputeBackend backend() {
            return backend;
        }

        SyntheticTruths of(CalibrationProblem p) {
            return built.computeIfAbsent(p, q -> SyntheticTruths.of(q, backend));
        }
    }
}
