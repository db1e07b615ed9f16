package dev.strata.cli.invert;

import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.ImageStack;
import dev.strata.io.LinePlot;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The data picture: per kind of data, the observations and, with a prediction, the data predicted by the posterior
 * mean and the whitened residual (predicted - observed) / sigma, which should look like white noise of std 1.
 * Images (seismic section; first and last shot gather, resampled to at most {@value #MAX_ROWS} rows) are drawn as
 * panels with axes, one row per image: observed, predicted, residual. Lists (wells, heads) are drawn as charts:
 * predicted against observed with the 1:1 line, and the residual per datum with lines at +-1.
 *
 * @param observed  the stacked data vector, physical units
 * @param predicted the posterior mean's prediction, physical units, or null (then only the observations are drawn)
 * @param sigma     the noise std per datum, or null when {@code predicted} is
 */
record DataFigure(String title, List<DataKind> kinds, float[] observed, float[] predicted, float[] sigma) {
    static final int MAX_ROWS = 200;
    private static final int MAX_COLUMNS = 200;
    /** Narrowest width / height of a drawn data image. */
    private static final double MIN_ASPECT = 0.75;

    BufferedImage render() {
        List<Panel> panels = new ArrayList<>();
        List<BufferedImage> charts = new ArrayList<>();
        for (DataKind k : kinds) {
            if (k.isImage()) {
                for (int sheet : k.sheets() == 1 ? new int[] {0} : new int[] {0, k.sheets() - 1}) {
                    panels.addAll(imageRow(k, sheet));
                }
            } else {
                charts.add(listCharts(k));
            }
        }
        int columns = predicted == null ? Math.min(2, Math.max(1, panels.size())) : 3;
        List<BufferedImage> parts = new ArrayList<>();
        if (!panels.isEmpty()) {
            parts.add(new FieldPlot(FieldPlot.Options.defaults().withColumns(columns).withPixelsPerCell(pixels(panels)))
                    .render(title, panels));
        }
        parts.addAll(charts);
        return ImageStack.vertical(parts);
    }

    private List<Panel> imageRow(DataKind k, int sheet) {
        String name = k.sheets() == 1 ? k.name() : k.name() + ": shot " + (sheet + 1);
        float[] obs = k.sheet(observed, sheet);
        List<Panel> row = new ArrayList<>();
        Colormap map = Colormap.SEISMIC;
        ValueRange range = ValueRange.of(obs).symmetric();
        row.add(image("observed " + name, obs, k, map, range));
        if (predicted != null) {
            float[] pred = k.sheet(predicted, sheet);
            row.add(image("predicted (posterior mean)", pred, k, map, range));
            row.add(image("whitened residual", residual(k.sheet(predicted, sheet), obs, k.sheet(sigma, sheet)), k,
                    Colormap.RDBU_R, new ValueRange(-3, 3)));
        }
        return row;
    }

    private static Panel image(String title, float[] values, DataKind k, Colormap map, ValueRange range) {
        Panel fitted = Panel.of(title, values, k.rows(), k.columns(), map).withRange(range)
                .withAxes(k.rowStep(), k.columnStep(), k.rowLabel(), k.columnLabel())
                .fitTo(MAX_ROWS, MAX_COLUMNS, Panel.Resampling.AREA_AVERAGE);
        // a gather of few receivers and many time samples is widened (cells repeated) to a readable aspect
        int minColumns = (int) Math.ceil(MIN_ASPECT * fitted.nz());
        return fitted.nx() >= minColumns ? fitted
                : fitted.resampled(fitted.nz(), minColumns, Panel.Resampling.NEAREST);
    }

    private BufferedImage listCharts(DataKind k) {
        double[] index = new double[k.size()];
        double[] obs = new double[k.size()];
        for (int i = 0; i < k.size(); i++) {
            index[i] = i + 1;
            obs[i] = observed[k.offset() + i];
        }
        LinePlot plot = new LinePlot(new LinePlot.Options(480, 360, FieldPlot.Text.AUTO));
        if (predicted == null) {
            return plot.render(new LinePlot.Chart("observed " + k.name(), "datum", k.name(),
                    List.of(LinePlot.Series.points("observed", index, obs)), false, List.of()));
        }
        double[] pred = new double[k.size()];
        double[] res = new double[k.size()];
        for (int i = 0; i < k.size(); i++) {
            pred[i] = predicted[k.offset() + i];
            res[i] = (pred[i] - obs[i]) / sigma[k.offset() + i];
        }
        ValueRange r = ValueRange.of(toFloats(obs), toFloats(pred));
        LinePlot.Chart fit = new LinePlot.Chart(k.name() + ": predicted vs observed", "observed", "predicted",
                List.of(LinePlot.Series.points("datum", obs, pred),
                        LinePlot.Series.line("1:1", new double[] {r.min(), r.max()}, new double[] {r.min(), r.max()})),
                false, List.of());
        LinePlot.Chart whitened = new LinePlot.Chart(k.name() + ": whitened residual", "datum",
                "(predicted - observed) / sigma", List.of(LinePlot.Series.points("residual", index, res)), false,
                List.of(new LinePlot.Reference(1, "+1 sigma"), new LinePlot.Reference(-1, "-1 sigma")));
        return ImageStack.horizontal(List.of(plot.render(fit), plot.render(whitened)));
    }

    private static float[] residual(float[] predicted, float[] observed, float[] sigma) {
        float[] out = new float[observed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (predicted[i] - observed[i]) / sigma[i];
        }
        return out;
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static int pixels(List<Panel> panels) {
        int largest = panels.stream().mapToInt(p -> Math.max(p.nz(), p.nx())).max().orElse(1);
        return Math.clamp(300 / largest, 1, 4);
    }
}
