package dev.strata.cli.invert;

import dev.strata.io.Hdf5Writer;
import dev.strata.io.Observations.ModelGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's summary beside its sample store: {@code posterior.h5} (mean, std, quantiles, misfit, WRMSE trace,
 * truth, data observed and predicted by the posterior mean, settings and figures as attributes) and the pictures of
 * {@link RunFigures}: {@code posterior.png}, {@code data.png}, {@code wrmse.png}. Each file is written atomically.
 */
final class InversionOutputs {
    static final String HDF5 = "posterior.h5";
    static final String PNG = "posterior.png";
    static final String DATA_PNG = "data.png";
    static final String WRMSE_PNG = "wrmse.png";

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
                .putFloats("posterior/wrmse", s.wrmseMean(), s.blocks(), s.steps());
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
        RunFigures figures = RunFigures.of(s, problem, title(problem, s));
        figures.store(h5);
        Path h5Path = dir.resolve(HDF5);
        h5.write(h5Path);
        List<Path> written = new ArrayList<>(List.of(h5Path));
        written.addAll(figures.write(dir.resolve(PNG), dir.resolve(DATA_PNG), dir.resolve(WRMSE_PNG)));
        return written;
    }

    private static String title(InverseProblem p, PosteriorSummary s) {
        return String.format("%s inversion: %d posterior samples, %.0f x %.0f m", p.observations().problem(),
                s.count(), p.observations().grid().nz() * p.observations().grid().dz(),
                p.observations().grid().nx() * p.observations().grid().dx());
    }
}
