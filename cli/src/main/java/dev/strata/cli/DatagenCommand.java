package dev.strata.cli;

import dev.strata.cli.invert.ExampleObservations;
import dev.strata.io.Json;
import dev.strata.forward.geology.Channel;
import dev.strata.forward.geology.FieldStatistics;
import dev.strata.forward.geology.ModelGenerator;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.io.FloatDataset;
import dev.strata.io.TrainingSetFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata datagen}: seeded training sets of subsurface models for a diffusion prior. */
@Command(name = "datagen", mixinStandardHelpOptions = true,
        description = "Generate a training set of subsurface models, seeded: seismic (facies + impedance, "
                + "object-based channels and lenses), fwi (layered, faulted or Marmousi-patch velocity) or darcy "
                + "(Gaussian random field or bimaterial log-conductivity). Writes FILE (HDF5, /models float32 "
                + "[N, C, nz, nx] with schema attributes) and a PNG of the first 8 models beside it, and prints the "
                + "measured statistics: per-channel mean, std, histogram and variogram ranges.")
public final class DatagenCommand implements Callable<Integer> {
    /** Models drawn in the PNG. */
    static final int PICTURED = 8;

    @Option(names = "--problem", required = true, paramLabel = "PROBLEM",
            description = "seismic | fwi | darcy; with --observations also wells | seismic+wells.")
    String problem;

    @Option(names = "--n", paramLabel = "N", description = "Number of models, >= 1 (training sets).")
    Integer n;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR",
            description = "HDF5 file to write; with --observations the folder for PROBLEM-observations.h5.")
    Path out;

    @Option(names = "--observations",
            description = "Write an example observation file for 'strata invert --data' instead of a training set: "
                    + " the problem's default survey over its built-in true model, with 5 %% noise.")
    boolean observations;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--nz", paramLabel = "NZ", description = "Rows (default: 80 seismic, 70 fwi, 64 darcy).")
    Integer nz;

    @Option(names = "--nx", paramLabel = "NX", description = "Columns (default: 100 seismic, 70 fwi, 64 darcy).")
    Integer nx;

    @Option(names = "--dz", paramLabel = "M", description = "Row spacing in m (default: 1 seismic, 10 fwi and darcy).")
    Double dz;

    @Option(names = "--dx", paramLabel = "M", description = "Column spacing in m (default: 10).")
    Double dx;

    @Option(names = "--family", paramLabel = "NAME",
            description = "fwi: layered (default), faulted, marmousi; darcy: grf (default), bimaterial.")
    String family;

    @Option(names = "--marmousi", paramLabel = "PATH",
            description = "Velocity file (.f32 + .json sidecar) for --family marmousi.")
    Path marmousi;

    @Option(names = "--covariance", paramLabel = "NAME",
            description = "darcy grf: squared-exponential (default), exponential, matern-3-2, matern-5-2.")
    String covariance;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (observations) {
            Path file = ExampleObservations.write(problem, out, seed, 0.05);
            spec.commandLine().getOut().println("wrote " + file);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        DatagenProblem p = DatagenProblem.parse(problem);
        if (n == null || n < 1) {
            throw new UserInputException("--n must be >= 1 (models in the training set), got " + n);
        }
        SectionGrid grid = p.grid(nz, nx, dz, dx);
        ModelGenerator generator = p.generator(family, grid, marmousi, covariance);
        DatagenReport report = writeTrainingSet(p, family == null ? p.defaultFamily() : family, generator, n, seed,
                out);
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(json ? report.json() : report.text());
        pw.flush();
        return ExitCodes.OK;
    }

    /** Draws {@code n} models, writes the training-set file and its picture, and measures the statistics. */
    public static DatagenReport writeTrainingSet(DatagenProblem p, String family, ModelGenerator generator, int n, long seed,
                                          Path out) {
        Path file = out.toAbsolutePath().normalize();
        Path png = picturePath(file);
        requireWritableFolder(file);
        long start = System.nanoTime();
        float[] models = generator.samples(new SplittableRandom(seed), n);
        FieldStatistics statistics = generator.statistics(models, n);
        SectionGrid g = generator.grid();
        List<Channel> channels = generator.channels();
        TrainingSetFile set = new TrainingSetFile(p.id(), channels.stream().map(Channel::name).toList(),
                channels.stream().map(Channel::unit).toList(), g.dz(), g.dx(), Json.object(generator.parameters()),
                Long.toString(seed), new StrataCommand.Version().getVersion()[0],
                new FloatDataset(models, new int[] {n, channels.size(), g.nz(), g.nx()}));
        try {
            set.write(file);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try {
            picture(generator, models, png);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file); // all or nothing: no training set without its picture
            throw new UserInputException(e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new DatagenReport(p.id(), family, n, seed, g, file, png, seconds, statistics);
    }

    /** FILE.h5 -> FILE.png; any other name gets .png appended. */
    static Path picturePath(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".h5") ? name.substring(0, name.length() - 3) : name;
        return file.resolveSibling(base + ".png");
    }

    private static void requireWritableFolder(Path file) {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserInputException("--out " + file + ": folder " + dir + " does not exist; create it first");
        }
        if (!Files.isWritable(dir)) {
            throw new UserInputException("--out " + file + ": folder " + dir + " is not writable; choose another");
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException("--out " + file + " is a folder; give a file name such as train.h5");
        }
    }

    private static void picture(ModelGenerator generator, float[] models, Path png) throws IOException {
        SectionGrid g = generator.grid();
        int shown = Math.min(PICTURED, models.length / (generator.channels().size() * g.cells()));
        ModelPicture.write(png, "strata datagen: first " + shown + " models", generator.channels(), g,
                List.of(new ModelPicture.Group("", models, shown)));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the picture's failure is what gets reported
        }
    }
}
