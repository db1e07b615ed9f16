package dev.strata.cli.invert;

import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.Hdf5Writer;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's summary beside its sample store: {@code posterior.h5} (mean, std, quantiles, misfit, WRMSE trace,
 * truth and data, settings and figures as attributes) and {@code posterior.png} (one row per channel: truth, mean,
 * std, two samples; facies shown as the probability of sand). Each file is written atomically.
 */
final class InversionOutputs {
    static final String HDF5 = "posterior.h5";
    static final String PNG = "posterior.png";

    private InversionOutputs() {
    }

    static List<Path> write(Path dir, PosteriorSummary s, InverseProblem problem, Map<String, String> attributes)
            throws IOException {
        ModelGrid g = problem.observations().grid();
        int[] sh = s.shape();
        Hdf5Writer h5 = new Hdf5Writer()
                .putFloats("posterior/mean", s.mean(), sh)
                .putFloats("posterior/std", s.std(), sh)
                .putFloats("posterior/q05", s.q05(), sh)
                .putFloats("posterior/q50", s.q50(), sh)
                .putFloats("posterior/q95", s.q95(), sh)
                .putFloats("posterior/misfit", s.misfit(), s.count(), s.blocks())
                .putFloats("posterior/wrmse", s.wrmseMean(), s.blocks(), s.steps())
                .putFloats("data/observed", problem.physical().data(), problem.physical().data().length);
        if (problem.observations().truth() != null) {
            h5.putFloats("model/truth", problem.observations().truth(), sh);
        }
        attributes.forEach((k, v) -> h5.putAttribute("/", k, v));
        h5.putAttribute("/", "samples", s.count())
                .putAttribute("/", "channels", String.join(",", g.channelNames()))
                .putAttribute("/", "units", String.join(",", g.units()))
                .putAttribute("/", "dz_m", g.dz())
                .putAttribute("/", "dx_m", g.dx())
                .putAttribute("posterior/misfit", "blocks",
                        String.join(",", problem.blocks().stream().map(DataBlock::name).toList()));
        s.seconds().forEach((k, v) -> h5.putAttribute("/", k, v));
        s.metrics().forEach((k, v) -> h5.putAttribute("/", k, v));
        for (int k = 0; k < s.blocks(); k++) {
            h5.putAttribute("/", "misfit_" + problem.blocks().get(k).name(), s.meanMisfit(k));
        }
        Path h5Path = dir.resolve(HDF5);
        Path pngPath = dir.resolve(PNG);
        h5.write(h5Path);
        new FieldPlot(FieldPlot.Options.defaults().withColumns(5).withPixelsPerCell(pixels(g)))
                .write(pngPath, title(problem, s), panels(s, problem));
        return List.of(h5Path, pngPath);
    }

    private static int pixels(ModelGrid g) {
        return Math.max(1, Math.min(4, 400 / Math.max(g.nx(), g.nz())));
    }

    private static String title(InverseProblem p, PosteriorSummary s) {
        return String.format("%s inversion: %d posterior samples, %.0f x %.0f m", p.observations().problem(),
                s.count(), p.observations().grid().nz() * p.observations().grid().dz(),
                p.observations().grid().nx() * p.observations().grid().dx());
    }

    static List<Panel> panels(PosteriorSummary s, InverseProblem problem) {
        ModelGrid g = problem.observations().grid();
        int nz = g.nz();
        int nx = g.nx();
        int plane = nz * nx;
        float[] truth = problem.observations().truth();
        List<Panel> out = new ArrayList<>();
        for (int c = 0; c < g.channels(); c++) {
            String name = g.channelNames().get(c);
            String unit = g.units().get(c);
            boolean facies = name.equals("facies");
            Colormap cmap = Colormap.VIRIDIS;
            float[] mean = Arrays.copyOfRange(s.mean(), c * plane, (c + 1) * plane);
            float[] t = truth == null ? null : Arrays.copyOfRange(truth, c * plane, (c + 1) * plane);
            ValueRange range = t == null ? ValueRange.of(mean) : ValueRange.of(t, mean);
            String suffix = unit.isBlank() || unit.equals("1") ? "" : " (" + unit + ")";
            out.add(t == null ? Panel.of(name + ": no true model", new float[plane], nz, nx, cmap)
                    : Panel.of("true " + name + suffix, t, nz, nx, cmap).withRange(range));
            out.add(Panel.of((facies ? "probability of sand" : "posterior mean " + name) + suffix, mean, nz, nx, cmap)
                    .withRange(range));
            out.add(Panel.of("posterior std " + name + suffix, Arrays.copyOfRange(s.std(), c * plane,
                    (c + 1) * plane), nz, nx, cmap));
            for (int k = 0; k < Math.min(2, s.count()); k++) {
                int size = g.size();
                out.add(Panel.of("sample " + (k + 1) + " " + name, Arrays.copyOfRange(s.samples(), k * size
                        + c * plane, k * size + (c + 1) * plane), nz, nx, cmap).withRange(range));
            }
        }
        return out;
    }
}
