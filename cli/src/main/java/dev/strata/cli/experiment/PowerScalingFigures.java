package dev.strata.cli.experiment;

import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.LinePlot;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The figures of a power-scaling experiment: {@code problem.png} (truth, RTM condition, 1-D starting model),
 * {@code lambda-sweep.png} and {@code alpha-sweep.png} (per setting, one row: three samples, mean, std),
 * {@code joint-grid.png} (the sample mean per (lambda, alpha): alpha grows to the right, lambda upwards, as the
 * paper's Figure 4), {@code residual.png} (shot-data residual against lambda per alpha) and {@code diversity.png}
 * (pixel std against alpha per lambda).
 */
final class PowerScalingFigures {
    /** Samples shown per setting in the sweep figures. */
    static final int SHOWN = 3;

    private PowerScalingFigures() {
    }

    static void write(PowerScalingResult r) {
        PowerScalingSettings s = r.settings();
        PowerScalingLayout layout = r.layout();
        try {
            fields(r, layout.problemPng(), 3, "FWI: the held-out truth, the RTM image the network is conditioned on,"
                    + " the 1-D starting model", List.of(
                    velocity(r, "true model (m/s)", r.truth()),
                    Panel.of("RTM condition (unit RMS)", r.condition(), s.cells(), s.cells(), Colormap.SEISMIC)
                            .withRange(symmetric(r.condition())).withAxes(s.cellMetres(), s.cellMetres(),
                                    "depth (m)", "distance (m)"),
                    velocity(r, "1-D starting model (m/s)", r.starting())));
            List<PowerScalingRow> lambdaRows = s.lambdas().stream().map(l -> r.row(l, 1)).toList();
            List<PowerScalingRow> alphaRows = s.alphas().stream().map(a -> r.row(1, a)).toList();
            fields(r, layout.lambdaPng(), SHOWN + 2, "Likelihood power λ (α = 1): samples, mean and std (m/s) per"
                    + " row", sweep(r, lambdaRows));
            fields(r, layout.alphaPng(), SHOWN + 2, "Prior power α (λ = 1): samples, mean and std (m/s) per row",
                    sweep(r, alphaRows));
            List<Panel> grid = new ArrayList<>();
            for (double l : s.gridLambdas().reversed()) {
                for (double a : s.alphas()) {
                    PowerScalingRow row = r.row(l, a);
                    grid.add(velocity(r, "mean, " + row.setting(), row.mean()));
                }
            }
            fields(r, layout.gridPng(), s.alphas().size(), "Sample means: α grows to the right, λ upwards", grid);
            new LinePlot().write(layout.residualPng(), residualChart(r));
            new LinePlot().write(layout.diversityPng(), diversityChart(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figures: " + e.getMessage(), e);
        }
    }

    private static void fields(PowerScalingResult r, Path png, int columns, String title, List<Panel> panels)
            throws IOException {
        int pixels = Math.max(2, 96 / r.settings().cells());
        new FieldPlot(FieldPlot.Options.defaults().withColumns(columns).withPixelsPerCell(pixels)).write(png, title,
                panels);
    }

    /** Per row: the first {@link #SHOWN} samples and the mean on the truth's colour range, then the std. */
    private static List<Panel> sweep(PowerScalingResult r, List<PowerScalingRow> rows) {
        int size = r.truth().length;
        float top = 0;
        for (PowerScalingRow row : rows) {
            for (float v : row.std()) {
                top = Math.max(top, v);
            }
        }
        ValueRange stdRange = new ValueRange(0, top > 0 ? top : 1);
        List<Panel> panels = new ArrayList<>();
        for (PowerScalingRow row : rows) {
            int shown = Math.min(SHOWN, row.samples().length / size);
            for (int i = 0; i < SHOWN; i++) {
                float[] sample = i < shown ? Arrays.copyOfRange(row.samples(), i * size, (i + 1) * size)
                        : row.mean();
                panels.add(velocity(r, row.setting() + ", sample " + (i + 1), sample));
            }
            panels.add(velocity(r, row.setting() + ", mean", row.mean()));
            panels.add(panel(r, row.setting() + ", std", row.std()).withRange(stdRange));
        }
        return panels;
    }

    private static Panel velocity(PowerScalingResult r, String title, float[] field) {
        return panel(r, title, field).withRange(ValueRange.of(r.truth()));
    }

    private static Panel panel(PowerScalingResult r, String title, float[] field) {
        int c = r.settings().cells();
        double h = r.settings().cellMetres();
        return Panel.of(title, field, c, c, Colormap.VIRIDIS).withAxes(h, h, "depth (m)", "distance (m)");
    }

    private static ValueRange symmetric(float[] x) {
        float top = 0;
        for (float v : x) {
            top = Math.max(top, Math.abs(v));
        }
        return new ValueRange(-(top > 0 ? top : 1), top > 0 ? top : 1);
    }

    private static LinePlot.Chart residualChart(PowerScalingResult r) {
        PowerScalingSettings s = r.settings();
        List<LinePlot.Series> series = new ArrayList<>();
        for (double a : s.alphas()) {
            List<PowerScalingRow> rows = r.atAlpha(a);
            double[] x = rows.stream().mapToDouble(row -> row.setting().lambda()).toArray();
            double[] y = rows.stream().mapToDouble(PowerScalingRow::residual).toArray();
            series.add(LinePlot.Series.line("α = " + PowerSetting.number(a), x, y));
        }
        return new LinePlot.Chart("Shot-data residual ||F(x) - y|| / ||y||, mean over samples", "likelihood power λ",
                "relative residual", series, false, List.of(new LinePlot.Reference(r.truthResidual(),
                        "true model (noise only)")));
    }

    private static LinePlot.Chart diversityChart(PowerScalingResult r) {
        PowerScalingSettings s = r.settings();
        double[] x = s.alphas().stream().mapToDouble(Double::doubleValue).toArray();
        List<LinePlot.Series> series = new ArrayList<>();
        for (double l : s.gridLambdas()) {
            series.add(LinePlot.Series.line("λ = " + PowerSetting.number(l), x,
                    s.alphas().stream().mapToDouble(a -> r.row(l, a).pixelStd()).toArray()));
        }
        return new LinePlot.Chart("Sample diversity: std per cell, averaged over cells", "prior power α",
                "pixel std (m/s)", series, false, List.of());
    }
}
