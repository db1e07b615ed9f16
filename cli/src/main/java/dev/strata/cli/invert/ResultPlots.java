package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.FieldPlot;
import dev.strata.io.Hdf5Reader;
import dev.strata.io.ObservationFile;
import dev.strata.io.Observations;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Panel;
import dev.strata.io.PngFiles;
import dev.strata.io.TrainingSetFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the pictures of a Strata result file, whichever kind it is: a {@code posterior.h5} of {@code strata invert}
 * (posterior, data and fit, WRMSE: the main picture at {@code out}, the others beside it as
 * {@code NAME_data.png} and {@code NAME_wrmse.png}), a training set of {@code strata datagen} (its first
 * {@value #MODELS_SHOWN} models) or an observation file (its data).
 */
public final class ResultPlots {
    static final int MODELS_SHOWN = 8;

    private ResultPlots() {
    }

    /**
     * @return the pictures written
     * @throws UserInputException one line naming the file when it is missing, not HDF5 or not a Strata result
     */
    public static List<Path> plot(Path file, Path out) throws IOException {
        String schema;
        boolean posterior;
        try (Hdf5Reader in = Hdf5Reader.open(file)) {
            schema = in.attributes("/").get("strata_schema") instanceof String s ? s : "";
            posterior = in.contains("posterior/mean");
            if (posterior) {
                return drawPosterior(in, out);
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof UserInputException u ? u : unreadable(file, e);
        }
        try {
            if (schema.equals(TrainingSetFile.SCHEMA)) {
                TrainingSetFile set = TrainingSetFile.read(file);
                PngFiles.write(out, trainingSet(set, file.getFileName().toString()));
                return List.of(out);
            }
            if (schema.equals(ObservationFile.SCHEMA)) {
                Observations obs = ObservationFile.read(file);
                PngFiles.write(out, new DataFigure("observed " + obs.problem() + " data: " + file.getFileName(),
                        DataKind.of(obs), observed(obs), null, null).render());
                return List.of(out);
            }
        } catch (IOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        throw new UserInputException(file + " is an HDF5 file but not a Strata result (no posterior/mean, strata_schema"
                + " '" + schema + "'); fix: give a posterior.h5 of 'strata invert', a training set of 'strata datagen'"
                + " or an observation file");
    }

    private static List<Path> drawPosterior(Hdf5Reader in, Path out) throws IOException {
        String stem = out.getFileName().toString().replaceFirst("\\.png$", "");
        return RunFigures.read(in).write(out, out.resolveSibling(stem + "_data.png"),
                out.resolveSibling(stem + "_wrmse.png"));
    }

    private static java.awt.image.BufferedImage trainingSet(TrainingSetFile set, String name) {
        int[] shape = set.models().shape();
        int channels = shape[1];
        ModelGrid grid = new ModelGrid(shape[2], shape[3], set.dz(), set.dx(), set.channels(), set.units());
        ModelFigure fields = new ModelFigure("", grid, null, new float[grid.size()], new float[grid.size()],
                new float[0]);
        List<Panel> panels = new ArrayList<>();
        int plane = shape[2] * shape[3];
        for (int m = 0; m < Math.min(MODELS_SHOWN, shape[0]); m++) {
            for (int c = 0; c < channels; c++) {
                String unit = set.units().get(c);
                panels.add(fields.field("#" + m + " " + set.channels().get(c) + (unit.equals("1") ? "" : " (" + unit
                        + ")"), ModelFigure.slice(set.models().data(), (m * channels + c) * plane, plane), null));
            }
        }
        return new FieldPlot(FieldPlot.Options.defaults().withColumns(channels == 1 ? 4 : channels)
                .withPixelsPerCell(ModelFigure.pixels(grid)))
                .render(set.problem() + " training set " + name + ": first " + Math.min(MODELS_SHOWN, shape[0])
                        + " of " + shape[0] + " models", panels);
    }

    private static float[] observed(Observations obs) {
        List<float[]> parts = new ArrayList<>();
        for (DataKind k : DataKind.of(obs)) {
            parts.add(DataKind.values(obs, k.name()));
        }
        float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static UserInputException unreadable(Path file, Exception e) {
        return new UserInputException("cannot plot " + file + ": " + e.getMessage()
                + (e.getMessage() != null && e.getMessage().contains("Fix") ? "" : "; fix: give a result file"
                + " written by strata (invert, datagen) or an observation file"), e);
    }
}
