package dev.strata.cli.invert;

import dev.strata.io.FloatDataset;
import dev.strata.io.Hdf5Reader;
import dev.strata.io.Hdf5Writer;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.PngFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The three pictures of an inversion (posterior, data and fit, WRMSE trace) and everything they are drawn from, so
 * that they can be drawn from the run's problem right after it, or again later from {@code posterior.h5} alone:
 * {@link #store} adds to the file what {@link #read} needs beyond the posterior's mean, std and truth.
 */
record RunFigures(ModelFigure model, DataFigure data, WrmseFigure wrmse) {
    /** How many samples the posterior picture shows. */
    static final int SHOWN_SAMPLES = 2;

    /** The pictures of a finished run; predicts the data of the posterior mean with the problem's operator. */
    static RunFigures of(PosteriorSummary s, InverseProblem problem, String title) {
        ModelGrid g = problem.observations().grid();
        int shown = Math.min(SHOWN_SAMPLES, s.count());
        ModelFigure model = new ModelFigure(title, g, problem.observations().truth(), s.mean(), s.std(),
                Arrays.copyOf(s.samples(), shown * g.size()));
        float[] sigma = new float[problem.physical().sigma().length];
        for (int i = 0; i < sigma.length; i++) {
            sigma[i] = (float) problem.physical().sigma()[i];
        }
        float[] predicted = problem.operator().apply(problem.units().toNormalised(s.mean()), 1);
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] *= sigma[i];
        }
        List<DataKind> kinds = DataKind.of(problem.observations(), problem.blocks());
        DataFigure data = new DataFigure(problem.observations().problem() + " data and fit of the posterior mean",
                kinds, problem.physical().data(), predicted, sigma);
        WrmseFigure wrmse = new WrmseFigure("WRMSE per reverse step (mean over " + s.count() + " samples)",
                kinds.stream().map(DataKind::name).toList(), s.wrmseMean(), s.steps());
        return new RunFigures(model, data, wrmse);
    }

    /** Writes the three pictures; returns their paths. */
    List<Path> write(Path posteriorPng, Path dataPng, Path wrmsePng) throws IOException {
        PngFiles.write(posteriorPng, model.render());
        PngFiles.write(dataPng, data.render());
        PngFiles.write(wrmsePng, wrmse.render());
        return List.of(posteriorPng, dataPng, wrmsePng);
    }

    /** Adds to a posterior file the shown samples, the data (observed, predicted, sigma), their kinds and titles. */
    void store(Hdf5Writer h5) {
        ModelGrid g = model.grid();
        int shown = model.samples().length / g.size();
        if (shown > 0) {
            h5.putFloats("posterior/shown_samples", model.samples(), shown, g.channels(), g.nz(), g.nx());
        }
        int m = data.observed().length;
        h5.putFloats("data/observed", data.observed(), m)
                .putFloats("data/predicted_mean", data.predicted(), m)
                .putFloats("data/sigma", data.sigma(), m)
                .putAttribute("/", "nz", g.nz())
                .putAttribute("/", "nx", g.nx())
                .putAttribute("/", "title_posterior", model.title())
                .putAttribute("/", "title_data", data.title())
                .putAttribute("/", "title_wrmse", wrmse.title());
        data.kinds().forEach(k -> k.write(h5));
    }

    /** The pictures of a posterior file written by {@code strata invert}. */
    static RunFigures read(Hdf5Reader in) throws IOException {
        ModelGrid g = new ModelGrid(in.intAttribute("/", "nz"), in.intAttribute("/", "nx"),
                in.doubleAttribute("/", "dz_m"), in.doubleAttribute("/", "dx_m"),
                List.of(in.stringAttribute("/", "channels").split(",")),
                List.of(in.stringAttribute("/", "units").split(",", -1)));
        float[] truth = in.contains("model/truth") ? in.readFloats("model/truth").data() : null;
        float[] shown = in.contains("posterior/shown_samples") ? in.readFloats("posterior/shown_samples").data()
                : new float[0];
        ModelFigure model = new ModelFigure(in.stringAttribute("/", "title_posterior"), g, truth,
                in.readFloats("posterior/mean").data(), in.readFloats("posterior/std").data(), shown);
        DataFigure data = new DataFigure(in.stringAttribute("/", "title_data"), DataKind.read(in),
                in.readFloats("data/observed").data(), in.readFloats("data/predicted_mean").data(),
                in.readFloats("data/sigma").data());
        FloatDataset w = in.readFloats("posterior/wrmse");
        WrmseFigure wrmse = new WrmseFigure(in.stringAttribute("/", "title_wrmse"),
                List.of(in.stringAttribute("posterior/misfit", "blocks").split(",")), w.data(), w.shape()[1]);
        return new RunFigures(model, data, wrmse);
    }
}
