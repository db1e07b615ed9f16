package dev.strata.cli;

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
 * (mean over its oracles) against the nominal level, where a calibrated sampler lies on the diagonal.
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

    private static String key(double level) {
        return String.format(Locale.ROOT, "coverage%.0f", 100 * level);
    }

    static void write(Path dir, List<ValidationRow> rows, double seconds) throws IOException {
        Files.createDirectories(dir);
        new LinePlot().write(dir.resolve("calibration.png"), chart(rows));
        AtomicFiles.writeText(dir.resolve("report.md"), "validation report", markdown(rows, seconds));
    }

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
        List<LinePlot.Series> series = new ArrayList<>();
        series.add(LinePlot.Series.line("calibrated", new double[] {0.5, 0.95}, new double[] {0.5, 0.95}));
        sums.forEach((sampler, s) -> {
            double[] y = new double[p.length];
            for (int l = 0; l < p.length; l++) {
                y[l] = s[l] / counts.get(sampler);
            }
            series.add(LinePlot.Series.line(sampler, p, y));
        });
        return new LinePlot.Chart("Calibration of the credible intervals", "nominal coverage",
                "coverage of exact-posterior draws", series, false, List.of());
    }

    private static String markdown(List<ValidationRow> rows, double seconds) {
        long failed = rows.stream().filter(r -> !r.ok()).count();
        StringBuilder md = new StringBuilder("# strata validate\n\n");
        md.append(String.format(Locale.ROOT, "%d rows, %d outside their bounds, %.1f s.%n%n", rows.size(), failed,
                seconds));
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
        return md.toString();
    }
}
