package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.io.LinePlot;
import dev.strata.io.TrainingSetFile;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import dev.strata.sampler.nn.NetworkDevice;
import dev.strata.sampler.nn.ScoreMatchingTrainer;
import dev.strata.sampler.nn.SmallUNet;
import dev.strata.sampler.prior.ChannelNormalisation;
import dev.strata.sampler.quality.PriorQuality;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata train}: a learned diffusion prior from a training set of {@code strata datagen}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a small EDM network denoiser (DJL, PyTorch engine, CPU) on a training set by "
                + "denoising score matching, seeded, on the models normalised per channel. Writes into --out: "
                + "network.params (EMA weights), network.properties (shape, per-channel mean/std, settings, loss), "
                + "network-examples.f32, loss.png and train-state.bin (the checkpoint, every --checkpoint-every "
                + "steps; --resume continues a killed run to the same weights). Use with "
                + "'strata invert --prior network:DIR'. "
                + "The last --holdout models are kept out of training; the prior is then judged by --quality-samples "
                + "unguided Heun draws against them (mean difference, std and variogram-range ratios, 1-D Wasserstein "
                + "distance per channel, sand proportion, memorization share), written to quality.json.")
final class TrainPriorCommand implements Callable<Integer> {
    /** Fixed network settings: groups of the normalisation, Fourier features, embedding width. */
    static final int GROUPS = 4;
    static final int FEATURES = 16;
    static final int EMBEDDING = 32;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training set (strata datagen).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--steps", defaultValue = "800", paramLabel = "N",
            description = "Steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "B",
            description = "Models per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--width", defaultValue = "16", paramLabel = "W",
            description = "Feature maps at full size, a multiple of " + GROUPS + " (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--levels", defaultValue = "3", paramLabel = "L",
            description = "U-Net levels; nz and nx must divide by 2^(L-1) (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--lr", defaultValue = "2e-3", paramLabel = "X",
            description = "AdamW learning rate, cosine-decayed to 1 %% (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0.01", paramLabel = "X",
            description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--ema", defaultValue = "0.995", paramLabel = "D",
            description = "EMA decay of the saved weights (default: ${DEFAULT-VALUE}).")
    double ema;

    @Option(names = "--checkpoint-every", defaultValue = "100", paramLabel = "K",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in --out (same settings).")
    boolean resume;

    @Option(names = "--holdout", defaultValue = "-1", paramLabel = "N",
            description = "Models at the end of --data kept out of training to judge the prior (default: 10 %%, at "
                    + " least 1, at most " + HeldOutSplit.DEFAULT_CAP + ").")
    int holdout;

    @Option(names = "--quality-samples", defaultValue = "32", paramLabel = "K",
            description = "Prior samples drawn to judge the prior (default: ${DEFAULT-VALUE}).")
    int qualitySamples;

    @Option(names = "--quality-steps", defaultValue = "32", paramLabel = "N",
            description = "Heun levels of those draws (default: ${DEFAULT-VALUE}).")
    int qualitySteps;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu[:N]",
            description = "Where the network trains (default: ${DEFAULT-VALUE}); a GPU needs DJL's CUDA natives.")
    String device;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        NetworkDevice where;
        try {
            where = NetworkDevice.parse(device);
            where.toDjl();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserInputException(e.getMessage().startsWith("--device") ? e.getMessage()
                    : "--device: " + e.getMessage(), e);
        }
        TrainingSetFile set = readData();
        int[] s = set.models().shape();
        int[] shape = {s[1], s[2], s[3]};
        ScoreMatchingTrainer.Settings settings = settings(shape);
        int size = shape[0] * shape[1] * shape[2];
        HeldOutSplit split = split(set, size);
        prepareOut();
        ChannelNormalisation norm;
        try {
            norm = ChannelNormalisation.of(split.training(), split.trainingCount(), shape);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--data " + data + ": " + e.getMessage(), e);
        }
        float[] normalised = norm.normalise(split.training());
        long start = System.nanoTime();
        ScoreMatchingTrainer.Result r;
        try (Progress p = new Progress("training", settings.steps())) {
            ScoreMatchingTrainer.Data training = new ScoreMatchingTrainer.Data(normalised, split.trainingCount(), shape);
            r = ScoreMatchingTrainer.train(settings, training, ScoreMatchingTrainer.statePath(out), resume,
                    (done, total, loss) -> {
                        p.message(String.format("loss %.4f", loss));
                        p.stepDone(done, total);
                    }, where);
        } catch (IllegalArgumentException e) {
            throw new UserInputException((resume ? "--resume: " : "") + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int kept = Math.min(split.trainingCount(), LearnedPriorCheckpoint.EXAMPLES);
        LearnedPriorCheckpoint checkpoint = new LearnedPriorCheckpoint(norm, settings.net(), settings.sigmaData(),
                trainingMap(settings, split.heldOutCount()), r.finalLoss(), r.emaWeights(),
                Arrays.copyOf(normalised, kept * size));
        checkpoint.write(out);
        Path png = out.resolve("loss.png");
        new LinePlot().write(png, lossChart(r.losses()));
        PriorQuality quality;
        try (Progress p = new Progress("judging the prior", qualitySteps)) {
            quality = new PriorQualityCheck(qualitySamples, qualitySteps, seed).run(checkpoint, set, split,
                    normalised, p);
        }
        Path qualityJson = out.resolve("quality.json");
        Files.writeString(qualityJson, Json.object(quality.fields()) + "\n");
        report(settings, r, seconds, png, quality);
        return ExitCodes.OK;
    }

    private TrainingSetFile readData() {
        try {
            return TrainingSetFile.read(data);
        } catch (IOException e) {
            throw new UserInputException("--data: " + e.getMessage(), e);
        }
    }

    private HeldOutSplit split(TrainingSetFile set, int size) {
        if (qualitySamples < 1 || qualitySteps < 1) {
            throw new UserInputException("--quality-samples and --quality-steps must be >= 1, got " + qualitySamples
                    + " and " + qualitySteps);
        }
        int n = set.count();
        try {
            return HeldOutSplit.of(set.models().data(), n, size, holdout < 0 ? HeldOutSplit.defaultHoldout(n)
                    : holdout);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private ScoreMatchingTrainer.Settings settings(int[] shape) {
        int scale = 1 << Math.max(0, levels - 1);
        if (levels < 1 || shape[1] % scale != 0 || shape[2] % scale != 0) {
            throw new UserInputException("--levels " + levels + " needs nz and nx divisible by " + scale + ", the "
                    + " training set is " + shape[1] + " x " + shape[2] + "; fix: use fewer --levels");
        }
        if (width < GROUPS || width % GROUPS != 0) {
            throw new UserInputException("--width must be a positive multiple of " + GROUPS + ", got " + width);
        }
        try {
            return new ScoreMatchingTrainer.Settings(new SmallUNet.Config(shape[0], width, levels, GROUPS, FEATURES,
                    EMBEDDING), 1.0, -0.4, 1.4, steps, batch, lr, weightDecay, ema, checkpointEvery, seed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private void prepareOut() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is a file; give a folder");
        }
        boolean held = ScoreMatchingTrainer.hasState(out);
        if (resume && !held) {
            throw new UserInputException("--resume: " + out + " holds no checkpoint (train-state.bin); fix: drop "
                    + " --resume to start a run");
        }
        if (!resume && held) {
            throw new UserInputException("--out " + out + " already holds a training run; fix: add --resume to "
                    + " continue it, or choose another --out");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserInputException("cannot create --out " + out + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> trainingMap(ScoreMatchingTrainer.Settings s, int heldOut) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data.toAbsolutePath().normalize().toString());
        m.put("pMean", Double.toString(s.pMean()));
        m.put("pStd", Double.toString(s.pStd()));
        m.put("steps", Integer.toString(s.steps()));
        m.put("batch", Integer.toString(s.batch()));
        m.put("learningRate", Double.toString(s.learningRate()));
        m.put("weightDecay", Double.toString(s.weightDecay()));
        m.put("emaDecay", Double.toString(s.emaDecay()));
        m.put("seed", Long.toString(s.seed()));
        m.put("heldOut", Integer.toString(heldOut));
        return m;
    }

    private static LinePlot.Chart lossChart(float[] losses) {
        double[] x = new double[losses.length];
        double[] y = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            x[i] = i + 1;
            y[i] = losses[i];
        }
        return new LinePlot.Chart("Denoising score-matching loss (EDM weighting)", "step", "loss",
                List.of(LinePlot.Series.line("loss per step", x, y)), true, List.of());
    }

    private void report(ScoreMatchingTrainer.Settings s, ScoreMatchingTrainer.Result r, double seconds, Path png,
                        PriorQuality quality) {
        Path dir = out.toAbsolutePath().normalize();
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "train");
            m.put("steps", s.steps());
            m.put("resumedFrom", r.resumedFrom());
            m.put("batch", s.batch());
            m.put("seed", s.seed());
            m.put("finalLoss", r.finalLoss());
            m.put("seconds", seconds);
            m.put("out", dir.toString());
            quality.fields().forEach((k, v) -> m.put("quality." + k, v));
            pw.println(Json.object(m));
        } else {
            pw.printf("trained %d steps of %d models in %.1f s%s; final loss %.4f%n", s.steps() - r.resumedFrom(),
                    s.batch(), seconds, r.resumedFrom() > 0 ? " (resumed at step " + r.resumedFrom() + ")" : "",
                    r.finalLoss());
            pw.println("wrote " + dir.resolve(LearnedPriorCheckpoint.NAME + ".params"));
            pw.println("wrote " + png.toAbsolutePath().normalize());
            QualityText.print(pw, quality);
            pw.println("wrote " + dir.resolve("quality.json"));
        }
        pw.flush();
    }
}
