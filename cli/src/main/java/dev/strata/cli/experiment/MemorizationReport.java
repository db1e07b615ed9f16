package dev.strata.cli.experiment;

import dev.strata.io.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The written results of a memorization experiment: {@code report.md} (size, table per N and prior, the closed-form
 * check per N, seconds per stage, figures), {@code results.json} (the same numbers, flat) and the summary printed
 * by the command.
 */
final class MemorizationReport {
    static final String TABLE_HEADER = "| N | prior | mean RMSE (m/s) | sample RMSE (m/s) | best sample RMSE (m/s)"
            + " | misfit | memorized share | closed-form RMSE (m/s) | closed-form misfit | effective models"
            + " | closed-form weight of copied models | DPS mean to closed form (m/s)"
            + " | DPS mean to prior mean (m/s) | nearest model RMSE (m/s) | seconds |";

    private MemorizationReport() {
    }

    static void write(MemorizationResult r) {
        OutputFolder.writeReport(r.layout().report(), markdown(r), r.layout().results(), json(r));
    }

    static String markdown(MemorizationResult r) {
        MemorizationSettings s = r.settings();
        StringBuilder sb = new StringBuilder();
        sb.append("# Memorization in learned priors: FWI (seed 001)\n\n");
        sb.append("Siahkoohi and Sabeddu, *On the role of memorization in learned priors for geophysical inverse"
                + " problems*: under a memorized prior the posterior is the training set reweighted by the likelihood,"
                + " w_k ∝ exp(-||F(m_k) - y||² / (2σ²)). This run tests that prediction with DPS (`strata invert"
                + " --guidance dps`) and compares a network prior trained on the same set (`strata train`).\n\n");
        sb.append("**Size.** ").append(s.describe()).append("; held-out true model of seed ").append(s.truthSeed())
                .append(", training sets of seed ").append(s.seed()).append(", data noise ")
                .append(fmt(100 * s.noise())).append(" % of the RMS of the clean shot gathers. Each network is trained"
                        + " on exactly the N models of the memorized prior; ").append("10 % more (at least 1) are held"
                        + " out to judge it.\n\n");
        sb.append(TABLE_HEADER).append('\n');
        sb.append("|").append("---|".repeat(15)).append('\n');
        for (ResultRow row : r.rows()) {
            sb.append("| ").append(row.n()).append(" | ").append(row.prior().id());
            for (double v : row.values()) {
                sb.append(" | ").append(fmt(v));
            }
            sb.append(" |\n");
        }
        sb.append("\nColumns: RMSE of the DPS posterior mean, mean and best RMSE of the samples, against the true"
                + " model; misfit = RMS residual / noise std of the samples (1 = fitted to the noise); memorized share"
                + " = share of samples whose distance to the nearest training model is below 0.5 of the mean"
                + " distance to the next ones (K = min(50, N), in the set's normalised units); closed form = the"
                + " reweighted training set (its mean's RMSE and data misfit, and 1 / Σ w_k²);"
                + " closed-form weight of copied models = mean over samples of w_k of the training model nearest each"
                + " sample (a sampler of the closed form that copies models scores Σ w_k² = 1 / effective models on"
                + " average); the distances of the DPS mean to the closed-form mean and to the training set's mean;"
                + " the RMSE of the training model nearest the truth; seconds of the run (network: training"
                + " included). The 1-D starting model has RMSE ")
                .append(fmt(r.startingRmse())).append(" m/s.\n\n");
        sb.append("## Does the closed form predict the memorized DPS posterior?\n\n");
        sb.append("Checked at each N on the memorized prior's run, in three parts: the memorized share is at least ")
                .append(fmt(ClosedFormCheck.MIN_SHARE)).append("; the closed-form mean is closer to the DPS mean than"
                        + " the prior mean is; and the samples copy the models the closed form weights (their mean"
                        + " weight w is at least ").append(fmt(ClosedFormCheck.MIN_WEIGHT_SHARE)).append(" of Σ w_k²,"
                        + " what exact sampling of the closed form scores on average). The mean test alone is weak:"
                        + " the mean of a few copied models lies nearer any one of them than the training set's mean"
                        + " does.\n\n");
        r.checks().forEach((n, c) -> sb.append("- N = ").append(n).append(": ").append(c.verdict()).append('\n'));
        sb.append("\n## Seconds per stage\n\n| stage | seconds |\n|---|---|\n");
        r.stageSeconds().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(fmt(v)).append(" |\n"));
        sb.append("| total | ").append(fmt(r.totalSeconds())).append(" |\n\n");
        sb.append("Wall-clock seconds on the machine that ran it, not a benchmark.\n\n");
        sb.append("## Figures\n\n");
        sb.append("![RMSE against N](").append(ExperimentLayout.RMSE_PNG).append(")\n\n");
        sb.append("![Memorized share against N](").append(ExperimentLayout.MEMORIZATION_PNG).append(")\n\n");
        sb.append("![Truth and posterior means](").append(ExperimentLayout.MODELS_PNG).append(")\n");
        return sb.toString();
    }

    /** One flat JSON object: settings, then per row {@code n<N>.<prior>.<column>}, checks and stage seconds. */
    static String json(MemorizationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "experiment memorization");
        m.put("size", r.settings().full() ? "full" : "reduced");
        r.settings().toMap().forEach(m::put);
        m.put("out", r.layout().dir().toString());
        m.put("report", r.layout().report().toString());
        m.put("starting_model_rmse", r.startingRmse());
        for (ResultRow row : r.rows()) {
            double[] v = row.values();
            for (int i = 0; i < v.length; i++) {
                m.put("n" + row.n() + "." + row.prior().id() + "." + ResultRow.KEYS[i], v[i]);
            }
        }
        r.checks().forEach((n, c) -> m.put("n" + n + ".closed_form_check", c.holds()));
        r.stageSeconds().forEach((k, v) -> m.put("seconds." + k, v));
        m.put("seconds", r.totalSeconds());
        return Json.object(m);
    }

    /** The short summary of the command's text output. */
    static String summary(MemorizationResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("memorization experiment (seed 001), ").append(r.settings().describe()).append('\n');
        for (ResultRow row : r.rows()) {
            RunMetrics m = row.metrics();
            sb.append(String.format(Locale.ROOT, "  N = %d, %s prior: mean RMSE %s m/s, misfit %s, memorized share"
                            + " %s, closed form %s m/s away (effective models %s)%n", row.n(), row.prior().id(),
                    fmt(m.meanRmse()), fmt(m.misfit()), fmt(m.memorization()), fmt(m.agreement()),
                    fmt(row.effectiveModels())));
        }
        r.checks().forEach((n, c) -> sb.append("  closed-form check at N = ").append(n).append(": ")
                .append(c.verdict()).append('\n'));
        sb.append(String.format(Locale.ROOT, "in %.0f s; report %s", r.totalSeconds(), r.layout().report()));
        return sb.toString();
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
