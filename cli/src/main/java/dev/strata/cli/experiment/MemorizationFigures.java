package dev.strata.cli.experiment;

import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.LinePlot;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a memorization experiment: {@code rmse.png} (posterior-mean RMSE against N for both priors and the
 * closed form, the nearest training model and the 1-D starting model as references), {@code memorization.png}
 * (memorization share and closed-form effective models against N) and {@code models.png} (truth, nearest training
 * model of the largest set, starting model, then per N the closed-form mean and the DPS means of both priors).
 */
final class MemorizationFigures {
    private MemorizationFigures() {
    }

    static void write(MemorizationResult r, float[] truth, MemorizedSet largest) {
        try {
            new LinePlot().write(r.layout().rmsePng(), rmseChart(r));
            new LinePlot().write(r.layout().memorizationPng(), memorizationChart(r));
            int cells = r.settings().cells();
            int pixels = Math.max(2, 96 / cells);
            new FieldPlot(FieldPlot.Options.defaults().withColumns(3).withPixelsPerCell(pixels))
                    .write(r.layout().modelsPng(),
                            "FWI velocity (m/s): truth; per N the DPS means and the closed-form mean",
                            panels(r, truth, largest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figures: " + e.getMessage(), e);
        }
    }

    private static LinePlot.Chart rmseChart(MemorizationResult r) {
        List<Integer> sizes = r.settings().sizes();
        double[] x = sizes.stream().mapToDouble(Integer::doubleValue).toArray();
        List<LinePlot.Series> series = new ArrayList<>();
        for (PriorKind p : PriorKind.values()) {
            series.add(LinePlot.Series.line("DPS, " + p.id() + " prior", x, column(r, p, "mean_rmse")));
        }
        series.add(LinePlot.Series.line("closed-form memorized posterior", x,
                column(r, PriorKind.MEMORIZED, "closed_form_rmse")));
        series.add(LinePlot.Series.points("nearest training model", x,
                column(r, PriorKind.MEMORIZED, "nearest_rmse")));
        return new LinePlot.Chart("Posterior-mean velocity RMSE against the held-out truth", "training-set size N",
                "RMSE (m/s)", series, false, List.of(new LinePlot.Reference(r.startingRmse(), "1-D starting model")));
    }

    private static LinePlot.Chart memorizationChart(MemorizationResult r) {
        double[] x = r.settings().sizes().stream().mapToDouble(Integer::doubleValue).toArray();
        List<LinePlot.Series> series = new ArrayList<>();
        for (PriorKind p : PriorKind.values()) {
            series.add(LinePlot.Series.line("memorized share, " + p.id() + " prior", x,
                    column(r, p, "memorization")));
        }
        return new LinePlot.Chart("Share of DPS samples within 0.5 of the neighbour distance of a training model",
                "training-set size N", "memorized share", series, false,
                List.of(new LinePlot.Reference(ClosedFormCheck.MIN_SHARE, "threshold of the check")));
    }

    /** Column {@code key} of the rows of {@code prior}, N ascending. */
    private static double[] column(MemorizationResult r, PriorKind prior, String key) {
        return r.rows().stream().filter(row -> row.prior() == prior).mapToDouble(row -> row.value(key))
                .toArray();
    }

    private static List<Panel> panels(MemorizationResult r, float[] truth, MemorizedSet largest) {
        int c = r.settings().cells();
        double h = r.settings().cellMetres();
        List<float[]> fields = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        add(fields, titles, truth, "true model (held out)");
        add(fields, titles, largest.nearest(truth), "nearest of N = " + largest.n() + " models");
        add(fields, titles, r.starting(), "1-D starting model");
        for (int n : r.settings().sizes()) {
            for (ResultRow row : r.rows()) {
                if (row.n() == n) {
                    add(fields, titles, row.metrics().mean(), "N = " + n + ", DPS, " + row.prior().id());
                }
            }
            add(fields, titles, closedFormMean(r, n), "N = " + n + ", closed form");
        }
        ValueRange range = ValueRange.of(truth);
        List<Panel> panels = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            panels.add(Panel.of(titles.get(i), fields.get(i), c, c, Colormap.VIRIDIS).withRange(range)
                    .withAxes(h, h, "depth (m)", "distance (m)"));
        }
        return panels;
    }

    private static float[] closedFormMean(MemorizationResult r, int n) {
        return r.closedForm().get(n).mean();
    }

    private static void add(List<float[]> fields, List<String> titles, float[] field, String title) {
        fields.add(field);
        titles.add(title);
    }
}
