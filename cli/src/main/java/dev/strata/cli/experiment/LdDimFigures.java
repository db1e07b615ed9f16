package dev.strata.cli.experiment;

import dev.strata.cli.experiment.LdDimExperiment.FamilyResult;
import dev.strata.cli.experiment.LdDimSurvey.Family;
import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.LinePlot;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of {@code strata experiment ld-dim}: per family {@code convergence-FAMILY.png} (whitened residual and
 * rel. L2 ln K against iteration, mean over restarts, one line per method) and {@code fields.png} (per family: truth,
 * restart 0 of each method, the DPS mean and std).
 */
final class LdDimFigures {
    static final String FIELDS = "fields.png";

    private LdDimFigures() {
    }

    static String convergence(Family f) {
        return "convergence-" + f.id + ".png";
    }

    static String error(Family f) {
        return "error-" + f.id + ".png";
    }

    static void write(LdDimSettings s, List<FamilyResult> results, int observed, Path out) {
        try {
            for (FamilyResult r : results) {
                new LinePlot().write(out.resolve(convergence(r.family())), chart(r, observed, true));
                new LinePlot().write(out.resolve(error(r.family())), chart(r, observed, false));
            }
            int pixels = Math.max(2, 96 / s.cells());
            new FieldPlot(FieldPlot.Options.defaults().withColumns(6).withPixelsPerCell(pixels))
                    .write(out.resolve(FIELDS), "ln K, K in m/s: truth, restart 0 of each method, DPS mean and std",
                            panels(s, results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figures: " + e.getMessage(), e);
        }
    }

    private static LinePlot.Chart chart(FamilyResult r, int observed, boolean residual) {
        List<LinePlot.Series> series = new ArrayList<>();
        for (LdDimMetrics m : r.methods()) {
            double[][] v = residual ? m.trace().misfit() : m.trace().error();
            double[] x = new double[v.length];
            double[] y = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                x[i] = i;
                double s = 0;
                for (double e : v[i]) {
                    s += residual ? Math.sqrt(2 * e / observed) : e;
                }
                y[i] = s / v[i].length;
            }
            series.add(LinePlot.Series.line(m.method(), x, y));
        }
        return residual
                ? new LinePlot.Chart(r.family().title + ": whitened head residual (mean over restarts)",
                        "Adam iteration", "RMS residual / noise", series, true,
                        List.of(new LinePlot.Reference(1, "noise level")))
                : new LinePlot.Chart(r.family().title + ": rel. L2 error of ln K (mean over restarts)",
                        "Adam iteration", "rel. L2 ln K", series, false, List.of());
    }

    private static List<Panel> panels(LdDimSettings s, List<FamilyResult> results) {
        int c = s.cells();
        double h = s.cellMetres();
        List<Panel> panels = new ArrayList<>();
        for (FamilyResult r : results) {
            ValueRange range = ValueRange.of(r.truth());
            List<float[]> fields = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            fields.add(r.truth());
            titles.add(r.family().id + ": truth");
            for (LdDimMetrics m : r.methods()) {
                fields.add(java.util.Arrays.copyOf(m.trace().fields(), c * c));
                titles.add(m.method());
            }
            fields.add(r.view().mean());
            titles.add("DPS mean");
            for (int i = 0; i < fields.size(); i++) {
                panels.add(Panel.of(titles.get(i), fields.get(i), c, c, Colormap.VIRIDIS).withRange(range)
                        .withAxes(h, h, "depth (m)", "distance (m)"));
            }
            panels.add(Panel.of("DPS std", r.view().std(), c, c, Colormap.VIRIDIS)
                    .withAxes(h, h, "depth (m)", "distance (m)"));
        }
        return panels;
    }
}
