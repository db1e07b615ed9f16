package dev.strata.cli;

import dev.strata.cli.invert.CalibrationRow;
import dev.strata.cli.invert.TruthCoverage;
import dev.strata.io.AtomicFiles;
import dev.strata.io.LinePlot;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.validate.ValidationRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of {@code strata validate --report DIR}: {@code report.md}, a table of every row with its coverage of the
 * 50, 80, 90 and 95 % central credible intervals, and {@code calibration.png}, each sampler's empirical coverage
 * (mean over its oracles) against the nominal level, where a calibrated sampler lies on the diagonal. With
 * calibration rows, a second table and {@code calibration-truths.png}: each (sampler, problem)'s coverage of the
 * synthetic truths against the nominal level, next to what S exact draws give.
 */
final class ValidationReport {
    private ValidationReport() {
    }

    /** Nominal levels, in the order of {@link PosteriorMetrics#CALIBRATION_TAILS}. */
    private static double[] nominal() {
        double[] tails = PosteriorMetrics.CALIBRATION_TAILS;
        double[] p = new double[tails.length];
        for (int l = 0; l < tails.length; l++) {
            p[l] = 1 - 2 * tails[l];
        }
        return p;
    }

    /** {@code coverage50} etc.: the name of nominal level {@code level}'s coverage. */
    static String key(double level) {
        return String.format(Locale.ROOT, "coverage%.0f", 100 * level);
    }

    static void write(Path dir, List<ValidationRow> rows, List<CalibrationRow> calibration, double seconds)
            throws IOException {
        Files.createDirectories(dir);
        if (!rows.isEmpty()) {
            new LinePlot().write(dir.resolve("calibration.png"), chart(rows));
        }
        if (!calibration.isEmpty()) {
            new LinePlot().write(dir.resolve(TRUTHS_PNG), truthChart(calibration));
        }
        AtomicFiles.writeText(dir.resolve("report.md"), "validation report", markdown(rows, calibration, seconds));
    }

    static final String TRUTHS_PNG = "calibration-truths.png";

    private static LinePlot.Chart chart(List<ValidationRow> rows) {
        double[] p = nominal();
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ValidationRow r : rows) {
            double[] s = sums.computeIfAbsent(r.sampler(), k -> new double[p.length]);
            for (int l = 0; l < p.length; l++) {
                s[l] += r.extras().getOrDefault(key(p[l]), Double.NaN);
            }
            counts.merge(r.sampler(), 1, Integer::sum);
        }
        Map<String, double[]> curves = new LinkedHashMap<>();
        sums.forEach((sampler, s) -> {
            double[] y = new double[p.length];
            for (int l = 0; l < p.length; l++) {
                y[l] = s[l] / counts.get(sampler);
            }
            curves.put(sampler, y);
        });
        return curves("Calibration of the credible intervals", "coverage of exact-posterior draws", p, List.of(),
                curves);
    }

    /**
     * Coverage of the synthetic truths per (sampler, problem), with the line S exact draws reach: below the diagonal
     * by the factor (S - 1)/(S + 1).
     */
    private static LinePlot.Chart truthChart(List<CalibrationRow> rows) {
        TruthCoverage first = rows.getFirst().coverage();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (CalibrationRow r : rows) {
            curves.put(r.sampler() + " @ " + r.oracle().replace("calibration-", ""), r.coverage().mean());
        }
        return curves("Coverage of synthetic truths (SBC, K cases)", "share of true cells inside the interval",
                first.nominal(), List.of(LinePlot.Series.line("exact, S = " + first.samples() + " draws",
                        first.nominal(), first.expected())), curves);
    }

    /** Empirical against nominal coverage: the diagonal, {@code references}, then one line per curve. */
    private static LinePlot.Chart curves(String title, String yLabel, double[] p, List<LinePlot.Series> references,
            Map<String, double[]> curves) {
        List<LinePlot.Series> series = new ArrayList<>();
        series.add(LinePlot.Series.line("calibrated", new double[] {0.5, 0.95}, new double[] {0.5, 0.95}));
        series.addAll(references);
        curves.forEach((name, y) -> series.add(LinePlot.Series.line(name, p, y)));
        return new LinePlot.Chart(title, "nominal coverage", yLabel, series, false, List.of());
    }

    private static String markdown(List<ValidationRow> rows, List<CalibrationRow> calibration, double seconds) {
        long failed = rows.stream().filter(r -> !r.ok()).count() + calibration.stream().filter(r -> !r.ok()).count();
        StringBuilder md = new StringBuilder("# strata validate\n\n");
        md.append(String.format(Locale.ROOT, "%d rows, %d outside their bounds, %.1f s.%n%n",
                rows.size() + calibration.size(), failed, seconds));
        if (!rows.isEmpty()) {
            suiteTable(md, rows);
        }
        if (!calibration.isEmpty()) {
            truthTable(md, calibration);
        }
        return md.toString();
    }

    private static void suiteTable(StringBuilder md, List<ValidationRow> rows) {
        md.append("Each row draws samples from one sampler on one posterior known exactly (or by a Gibbs gold"
                + " standard) and compares them pixel by pixel: meanErr and stdErr in units of the exact posterior"
                + " std, and the share of exact-posterior draws inside the samples' central 50/80/90/95 % intervals."
                + " A calibrated sampler covers each level at its nominal rate; the bound says what the row is held"
                + " to.\n\n");
        md.append("![calibration](calibration.png)\n\n");
        md.append("| sampler | oracle | n | meanErr | stdErr | cov 50 | cov 80 | cov 90 | cov 95 | bound | ok |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ValidationRow r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f", r.sampler(), r.oracle(), r.samples(),
                    r.metrics().meanErr(), r.metrics().stdErr()));
            for (double level : nominal()) {
                md.append(String.format(Locale.ROOT, " | %.3f", r.extras().getOrDefault(key(level), Double.NaN)));
            }
            md.append(" | ").append(r.bound().description().replace("|", "\\|")).append(" | ")
                    .append(r.ok() ? "yes" : "**no**").append(" |\n");
        }
    }

    private static void truthTable(StringBuilder md, List<CalibrationRow> rows) {
        TruthCoverage first = rows.getFirst().coverage();
        md.append("\n## Calibration against synthetic truths\n\n");
        md.append("The nonlinear problems have no closed-form posterior. Each row draws K true models from the"
                + " analytic Gaussian prior, synthesises their data with the problem's noise, draws S posterior"
                + " samples per case and counts the share of model cells whose truth lies inside the samples'"
                + " central interval (simulation-based calibration, Talts et al. 2018): mean over cases +- its"
                + " standard error across cases. Because the truths come from the prior the sampler uses, an exact"
                + " sampler's S draws cover on average");
        double[] expected = first.expected();
        double[] nominal = first.nominal();
        for (int l = 0; l < expected.length; l++) {
            md.append(String.format(Locale.ROOT, "%s %.3f (%.0f %%)", l == 0 ? "" : ",", expected[l],
                    100 * nominal[l]));
        }
        md.append(" at S = ").append(first.samples()).append(". Spread: sample std over prior std (1: the data say"
                + " nothing; the prior alone is calibrated too). Approximate samplers are diagnostics.\n\n");
        md.append("![calibration against synthetic truths](").append(TRUTHS_PNG).append(")\n\n");
        md.append("| sampler | problem | grid | noise | K x S");
        for (double p : nominal) {
            md.append(String.format(Locale.ROOT, " | truth in %.0f %%", 100 * p));
        }
        md.append(" | spread | seconds | bound | ok |\n|---|---|---|---|---");
        md.append("|---".repeat(nominal.length)).append("|---|---|---|---|\n");
        for (CalibrationRow r : rows) {
            TruthCoverage c = r.coverage();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d x %d | %.2f | %d x %d", r.sampler(),
                    r.oracle().replace("calibration-", ""), r.problem().nz(), r.problem().nx(), r.problem().noise(),
                    c.cases(), c.samples()));
            for (int l = 0; l < nominal.length; l++) {
                md.append(String.format(Locale.ROOT, " | %.3f +- %.3f", c.mean()[l], c.standardError()[l]));
            }
            md.append(String.format(Locale.ROOT, " | %.3f | %.1f | %s | %s |%n", c.spreadRatio(), c.seconds(),
                    r.bound().description().replace("|", "\\|"),
                    !r.bound().binding() ? "diagnostic" : r.ok() ? "yes" : "**no**"));
        }
    }
}
