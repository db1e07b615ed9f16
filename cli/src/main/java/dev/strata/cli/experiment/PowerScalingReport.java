package dev.strata.cli.experiment;

import static dev.strata.cli.experiment.MemorizationReport.fmt;

import dev.strata.bench.suite.Timing;
import dev.strata.io.Json;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The written results of a power-scaling experiment: {@code report.md} (size, the paper's observations checked on
 * this run, the table per setting, seconds, figures), {@code results.json} (the same numbers, flat) and the summary
 * printed by the command. Every statement in the report is computed from the rows.
 */
final class PowerScalingReport {
    /** Seconds per posterior sample the paper reports on a GPU. */
    static final double PAPER_SECONDS_PER_SAMPLE = 4;

    private PowerScalingReport() {
    }

    static void write(PowerScalingResult r) {
        OutputFolder.writeReport(r.layout().report(), markdown(r), r.layout().results(), json(r));
    }

    /** The lambda of the alpha = 1 sweep with the smallest shot-data residual. */
    static double bestLambda(PowerScalingResult r) {
        return alphaOne(r).stream().min(Comparator.comparingDouble(PowerScalingRow::residual)).orElseThrow()
                .setting().lambda();
    }

    /** Whether the pixel std at lambda = 1 falls at every step up in alpha (the paper: alpha controls the spread). */
    static boolean spreadFallsWithAlpha(PowerScalingResult r) {
        double[] std = r.settings().alphas().stream().mapToDouble(a -> r.row(1, a).pixelStd()).toArray();
        for (int i = 1; i < std.length; i++) {
            if (!(std[i] < std[i - 1])) {
                return false;
            }
        }
        return std.length > 1;
    }

    private static List<PowerScalingRow> alphaOne(PowerScalingResult r) {
        return r.atAlpha(1);
    }

    static String markdown(PowerScalingResult r) {
        PowerScalingSettings s = r.settings();
        StringBuilder sb = new StringBuilder();
        sb.append("# Power-scaled posteriors from one conditional network: FWI (seed 003)\n\n");
        sb.append("Erdinc et al., *Power-scaled Bayesian inference with score-based generative models*: one network"
                + " trained with classifier-free-guidance dropout on (velocity model, RTM image) pairs gives both"
                + " D(x; c) and D(x), so p(y | x)^λ p(x)^α is sampled with the score λ ∇log p(x | c) + (α − λ) ∇log"
                + " p(x) for any λ and α without retraining. α = 1 runs EDM Euler (the probability-flow ODE); α ≠ 1"
                + " adds ").append(s.correctorSteps()).append(" Langevin corrector steps per level (predictor-corrector,"
                + " checked against the exact Gaussian power posterior by `strata validate`'s power-pc rows).\n\n");
        sb.append("**Size.** ").append(s.describe()).append("; noise ").append(fmt(100 * s.noise())).append(" % of"
                + " the RMS of the clean shot gathers, for the training pairs and the observed data; held-out truth"
                + " of seed ").append(s.truthSeed()).append(". The condition c is the RTM image of the data in the"
                + " smoothed 1-D starting model, direct arrival removed, scaled to unit RMS. Network final loss ")
                .append(fmt(r.finalLoss())).append(".\n\n");
        sb.append("## The paper's observations, on this run\n\n");
        PowerScalingRow zero = alphaOne(r).getFirst();
        PowerScalingRow best = r.row(bestLambda(r), 1);
        sb.append("- **Data fit against λ (α = 1).** The shot-data residual is smallest at λ = ")
                .append(PowerSetting.number(best.setting().lambda())).append(" (").append(fmt(best.residual()))
                .append("), against ").append(fmt(zero.residual())).append(" at λ = ")
                .append(PowerSetting.number(zero.setting().lambda())).append(" and ")
                .append(fmt(r.truthResidual())).append(" for the true model (the noise alone). The paper finds the"
                        + " minimum near λ = 2.\n");
        PowerScalingRow bestRmse = alphaOne(r).stream().min(Comparator.comparingDouble(PowerScalingRow::meanRmse))
                .orElseThrow();
        sb.append("- **Velocity error against λ (α = 1).** The posterior mean is closest to the truth at λ = ")
                .append(PowerSetting.number(bestRmse.setting().lambda())).append(" (RMSE ")
                .append(fmt(bestRmse.meanRmse())).append(" m/s, SSIM ").append(fmt(bestRmse.ssim()))
                .append("); the 1-D starting model has RMSE ").append(fmt(Rmse.of(r.starting(), r.truth())))
                .append(" m/s.\n");
        sb.append("- **Spread against α (λ = 1).** Pixel std ");
        for (double a : s.alphas()) {
            sb.append(a == s.alphas().getFirst() ? "" : ", ").append(fmt(r.row(1, a).pixelStd())).append(" m/s at α = ")
                    .append(PowerSetting.number(a));
        }
        sb.append(spreadFallsWithAlpha(r) ? ": it falls as α grows, as the paper reports.\n"
                : ": it does not fall at every step as α grows, unlike the paper's report.\n");
        double ode = median(r, false);
        double pc = median(r, true);
        sb.append("- **Seconds per posterior sample** (this machine, CPU, median over settings): ").append(fmt(ode))
                .append(" s with the ODE (α = 1), ").append(fmt(pc)).append(" s with the corrector (α ≠ 1); the paper"
                        + " reports about ").append(fmt(PAPER_SECONDS_PER_SAMPLE)).append(" s on a GPU at its full"
                        + " size.\n\n");
        sb.append("## Every setting\n\n");
        sb.append("| λ | α | sampler | residual | mean RMSE (m/s) | sample RMSE (m/s) | SSIM of mean | sample SSIM"
                + " | pixel std (m/s) | s / sample |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (PowerScalingRow row : r.rows().stream().sorted(Comparator.comparingDouble((PowerScalingRow w) ->
                w.setting().lambda()).thenComparingDouble(w -> w.setting().alpha())).toList()) {
            sb.append("| ").append(PowerSetting.number(row.setting().lambda())).append(" | ")
                    .append(PowerSetting.number(row.setting().alpha())).append(" | ")
                    .append(row.setting().corrected() ? "predictor-corrector" : "ODE (Euler)");
            for (double v : new double[] {row.residual(), row.meanRmse(), row.sampleRmse(), row.ssim(),
                    row.sampleSsim(), row.pixelStd(), row.secondsPerSample()}) {
                sb.append(" | ").append(fmt(v));
            }
            sb.append(" |\n");
        }
        sb.append("\nResidual = ||F(x) − y|| / ||y|| averaged over samples (F the acoustic operator of the survey);"
                + " RMSE and SSIM (7 × 7 windows) against the held-out truth; pixel std = the samples' std per cell,"
                + " averaged over cells. Every setting draws from the same seed.\n\n");
        sb.append("## Seconds per stage\n\n| stage | seconds |\n|---|---|\n");
        r.seconds().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(fmt(v)).append(" |\n"));
        sb.append("\nWall-clock seconds on the machine that ran it, not a benchmark.\n\n## Figures\n\n");
        for (String[] f : new String[][] {{"The problem", r.layout().problemPng().getFileName().toString()},
                {"λ sweep", r.layout().lambdaPng().getFileName().toString()},
                {"α sweep", r.layout().alphaPng().getFileName().toString()},
                {"Joint grid", r.layout().gridPng().getFileName().toString()},
                {"Residual against λ", r.layout().residualPng().getFileName().toString()},
                {"Diversity against α", r.layout().diversityPng().getFileName().toString()}}) {
            sb.append("![").append(f[0]).append("](").append(f[1]).append(")\n\n");
        }
        return sb.toString();
    }

    /** Median seconds per sample over the settings drawn now with (or without) the corrector; NaN if none. */
    private static double median(PowerScalingResult r, boolean corrected) {
        double[] v = r.rows().stream().filter(row -> row.setting().corrected() == corrected)
                .mapToDouble(PowerScalingRow::secondsPerSample).toArray();
        return v.length == 0 ? Double.NaN : Timing.median(v);
    }

    /** One flat JSON object: settings, then per setting {@code <id>.<column>}, findings and stage seconds. */
    static String json(PowerScalingResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "experiment power-scaling");
        r.settings().toMap().forEach(m::put);
        m.put("out", r.layout().dir().toString());
        m.put("report", r.layout().report().toString());
        m.put("truth_residual", r.truthResidual());
        m.put("final_loss", r.finalLoss());
        for (PowerScalingRow row : r.rows()) {
            row.values().forEach((k, v) -> m.put(row.setting().id() + "." + k, v));
        }
        m.put("best_lambda", bestLambda(r));
        m.put("spread_falls_with_alpha", spreadFallsWithAlpha(r));
        r.seconds().forEach((k, v) -> m.put("seconds." + k, v));
        return Json.object(m);
    }

    /** The short summary of the command's text output. */
    static String summary(PowerScalingResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("power-scaling experiment (seed 003), ").append(r.settings().describe()).append('\n');
        for (PowerScalingRow row : r.rows()) {
            sb.append("  ").append(row.setting()).append(": residual ").append(fmt(row.residual()))
                    .append(", mean RMSE ").append(fmt(row.meanRmse())).append(" m/s, SSIM ").append(fmt(row.ssim()))
                    .append(", pixel std ").append(fmt(row.pixelStd())).append(" m/s\n");
        }
        sb.append("  smallest residual at λ = ").append(PowerSetting.number(bestLambda(r))).append(" (α = 1); true"
                + " model ").append(fmt(r.truthResidual())).append('\n');
        double total = r.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
        sb.append(String.format(java.util.Locale.ROOT, "in %.0f s; report %s", total, r.layout().report()));
        return sb.toString();
    }
}
