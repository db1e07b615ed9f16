package dev.strata.cli.invert;

import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The posterior picture: one row per channel with the true model (when known), the posterior mean, the posterior std
 * and up to two samples, each with depth and distance in metres; truth, mean and samples share one colour range.
 * Facies is shown as the probability of sand on a fixed 0..1 range.
 *
 * @param truth   {@code [C][nz][nx]} physical, or null
 * @param samples the samples to show, {@code [k][C][nz][nx]}, {@code k} may be 0
 */
record ModelFigure(String title, ModelGrid grid, float[] truth, float[] mean, float[] std, float[] samples) {

    /** Panels of every channel, a row of 5 each. */
    List<Panel> panels() {
        int plane = grid.nz() * grid.nx();
        int shown = samples.length / grid.size();
        List<Panel> out = new ArrayList<>();
        for (int c = 0; c < grid.channels(); c++) {
            String name = grid.channelNames().get(c);
            String unit = grid.units().get(c);
            boolean facies = name.equals("facies");
            float[] m = slice(mean, c * plane, plane);
            float[] t = truth == null ? null : slice(truth, c * plane, plane);
            ValueRange range = facies ? new ValueRange(0, 1) : t == null ? ValueRange.of(m) : ValueRange.of(t, m);
            String suffix = unit.isBlank() || unit.equals("1") ? "" : " (" + unit + ")";
            out.add(t == null ? field(name + ": no true model", new float[plane], null)
                    : field("true " + name + suffix, t, range));
            out.add(field((facies ? "probability of sand" : "posterior mean " + name) + suffix, m, range));
            out.add(field("posterior std " + name + suffix, slice(std, c * plane, plane), null));
            for (int k = 0; k < shown; k++) {
                out.add(field("sample " + (k + 1) + " " + name, slice(samples, k * grid.size() + c * plane, plane),
                        range));
            }
        }
        return out;
    }

    BufferedImage render() {
        return new FieldPlot(FieldPlot.Options.defaults().withColumns(3 + samples.length / grid.size())
                .withPixelsPerCell(pixels(grid))).render(title, panels());
    }

    /** A field of the grid with axes in metres, and a fixed range unless {@code range} is null. */
    Panel field(String title, float[] values, ValueRange range) {
        Panel p = Panel.of(title, values, grid.nz(), grid.nx(), Colormap.VIRIDIS)
                .withAxes(grid.dz(), grid.dx(), "depth (m)", "distance (m)");
        return range == null ? p : p.withRange(range);
    }

    /** Pixels per cell so the larger side of the grid is drawn at about 400 pixels, 1 to 4. */
    static int pixels(ModelGrid g) {
        return Math.max(1, Math.min(4, 400 / Math.max(g.nx(), g.nz())));
    }

    static float[] slice(float[] v, int from, int length) {
        return Arrays.copyOfRange(v, from, from + length);
    }
}
