package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.io.LinePlot;
import dev.strata.io.TrainingSetFile;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import dev.strata.sampler.nn.NetworkDevice;
import dev.strata.sampler.nn.ScoreMatchingTrainer;
import dev.strata.sampler.nn.SmallUNet;
import dev.strata.sampler.nn.TorchEngine;
import dev.strata.sampler.prior.ChannelNormalisation;
import dev.strata.sampler.quality.PriorQuality;
import java.io.IOException;
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
                + "network-examples.f32, loss.png, samples.png and train-state.bin (the checkpoint, every --checkpoint-every "
                + "steps; --resume continues a killed run to the same weights). Use with "
                + "'strata invert --prior network:DIR'. "
                + "The last --holdout models are kept out of training; the prior is then judged by --quality-samples "
                + "unguided Heun draws against them (mean difference, std and variogram-range ratios, 1-D Wasserstein "
                + "distance per channel, sand proportion, memorization share), written to quality.json. A training "
                + "set that holds /conditions trains a conditional network with classifier-free-guidance dropout "
                + "(--condition-dropout); as a prior it answers for the null condition. --condition rtm (fwi sets) "
                + "first computes each model's condition, the RTM image of its noisy shot gathers in a smooth "
                + "background (seed 003), into OUT/" + RtmTrainingSet.FILE + ". "
                + "--shipped seismic|fwi|darcy makes the training set and trains with the settings of the prior "
                + "shipped under that name (--prior network:NAME), reproducing its weights on a machine of the same "
                + "kind; --stop-after K stops at step K with the checkpoint written (continue with --resume).")
final class TrainPriorCommand implements Callable<Integer> {
    /** Fixed network settings: groups of the normalisation, Fourier features, embedding width. */
    static final int GROUPS = 4;
    static final int FEATURES = 16;
    static final int EMBEDDING = 32;

    @Option(names = "--data", paramLabel = "FILE", description = "Training set (strata datagen).")
    Path data;

    @Option(names = "--shipped", paramLabel = "NAME",
            description = "Instead of --data: make the training set (OUT/training-set.h5) and train with the settings"
                    + " of the shipped prior NAME (seismic, fwi or darcy).")
    String shipped;

    @Option(names = "--stop-after", paramLabel = "K",
            description = "Stop after step K, leaving the checkpoint for --resume (default: run every step).")
    Integer stopAfter;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch intra-op threads (default: every core; a run reproduces bit for bit only with the"
                    + " same count).")
    Integer threads;

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

    @Option(names = "--condition-dropout", defaultValue = "0.1", paramLabel = "P",
            description = "With a training set that holds /conditions: the share of steps' models shown the null "
                    + "condition (classifier-free guidance), so one network learns D(x; y) and D(x) (default: "
                    + "${DEFAULT-VALUE}).")
    double conditionDropout;

    @Option(names = "--condition", paramLabel = "rtm",
            description = "Compute a condition per model and train a conditional network: rtm, the RTM image of the"
                    + " model's shot gathers (fwi training sets).")
    String condition;

    @Option(names = "--condition-noise", defaultValue = "0.05", paramLabel = "R",
            description = "--condition rtm: relative noise of the shot gathers, as strata invert --noise (default:"
                    + " ${DEFAULT-VALUE}).")
    double conditionNoise;

    @Option(names = "--latent", description = "Train a latent diffusion prior (seed 002) on a one-channel set: a VAE"
            + " (--vae-steps), then an EDM denoiser on its latents (--steps; --seed); fixed shapes (see the README)."
            + " Writes latent-prior.properties, latent-vae.params, latent-denoiser.params.")
    boolean latent;

    @Option(names = "--vae-steps", defaultValue = "1000", paramLabel = "N",
            description = "--latent: VAE training steps (default: ${DEFAULT-VALUE}).")
    int vaeSteps;

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
        ShippedPrior preset = preset();
        if (stopAfter != null && stopAfter < 1) {
            throw new UserInputException("--stop-after must be >= 1, got " + stopAfter);
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads must be >= 1, got " + threads);
        }
        prepareOut();
        TrainingSetFile set = readData(preset);
        if (latent) {
            if (preset != null || resume) {
                throw new UserInputException("--latent trains from --data in one go; drop --shipped and --resume");
            }
            return LatentTraining.run(set, data, out, vaeSteps, steps, seed, json, spec.commandLine().getOut());
        }
        int[] s = set.models().shape();
        int[] shape = {s[1], s[2], s[3]};
        int conditionChannels = set.conditions() == null ? 0 : set.conditions().shape()[1];
        ScoreMatchingTrainer.Settings settings = settings(shape, conditionChannels);
        int size = shape[0] * shape[1] * shape[2];
        HeldOutSplit split = split(set, size);
        ChannelNormalisation norm;
        try {
            norm = ChannelNormalisation.of(split.training(), split.trainingCount(), shape);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--data " + data + ": " + e.getMessage(), e);
        }
        float[] normalised = norm.normalise(split.training());
        float[] conditions = null;
        ChannelNormalisation conditionNorm = null;
        if (conditionChannels > 0) {
            int[] cs = {conditionChannels, shape[1], shape[2]};
            float[] kept = Arrays.copyOf(set.conditions().data(), split.trainingCount() * conditionChannels
                    * shape[1] * shape[2]);
            try {
                conditionNorm = ChannelNormalisation.of(kept, split.trainingCount(), cs);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--data " + data + " /conditions: " + e.getMessage(), e);
            }
            conditions = conditionNorm.normalise(kept);
        }
        long start = System.nanoTime();
        ScoreMatchingTrainer.Result r;
        ScoreMatchingTrainer.Data training = new ScoreMatchingTrainer.Data(normalised, split.trainingCount(), shape,
                conditions);
        double seconds;
        LearnedPriorCheckpoint checkpoint;
        // one pin over training and the sidecar, which records the engine threads the weights were trained with
        try (TorchEngine.ThreadPin pin = TorchEngine.pinThreads(threads != null ? threads : TorchEngine.threads())) {
            try (Progress p = new Progress("training", settings.steps())) {
                r = ScoreMatchingTrainer.train(settings, training, ScoreMatchingTrainer.statePath(out), resume,
                        (done, total, loss) -> {
                            p.message(String.format("loss %.4f", loss));
                            p.stepDone(done, total);
                        }, where, stopAfter != null ? stopAfter : settings.steps());
            } catch (IllegalArgumentException e) {
                throw new UserInputException((resume ? "--resume: " : "") + e.getMessage(), e);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            if (!r.complete(settings)) {
                new TrainingReport(spec.commandLine().getOut(), json, out).stopped(settings, r, seconds);
                return ExitCodes.OK;
            }
            int kept = Math.min(split.trainingCount(), LearnedPriorCheckpoint.EXAMPLES);
            checkpoint = new LearnedPriorCheckpoint(norm, settings.net(), settings.sigmaData(),
                    trainingMap(settings, split.heldOutCount(), training, r, preset, conditionNorm), r.finalLoss(),
                    r.emaWeights(),
                    Arrays.copyOf(normalised, kept * size));
            checkpoint.write(out);
        }
        Path png = out.resolve("loss.png");
        new LinePlot().write(png, TrainingReport.lossChart(r.losses()));
        PriorQuality quality;
        try (Progress p = new Progress("judging the prior", qualitySteps)) {
            quality = new PriorQualityCheck(qualitySamples, qualitySteps, seed).run(checkpoint, set, split,
                    normalised, p, out.resolve("samples.png"));
        }
        Path qualityJson = out.resolve("quality.json");
        Files.writeString(qualityJson, Json.object(quality.fields()) + "\n");
        new TrainingReport(spec.commandLine().getOut(), json, out).done(settings, r, seconds, png, quality);
        return ExitCodes.OK;
    }

    /** The shipped prior named by --shipped (its settings replace the options'), or null. */
    private ShippedPrior preset() {
        if (shipped == null) {
            if (data == null) {
                throw new UserInputException("give --data FILE (a training set of strata datagen) or --shipped NAME");
            }
            return null;
        }
        if (data != null) {
            throw new UserInputException("--shipped makes its own training set; drop --data");
        }
        ShippedPrior p = ShippedPrior.named(shipped);
        for (String fixed : List.of("--steps", "--batch", "--seed", "--width", "--levels", "--lr", "--weight-decay",
                "--ema", "--holdout", "--threads", "--condition")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(fixed)) {
                throw new UserInputException("--shipped " + p.name() + " fixes " + fixed + "; drop it, or train with"
                        + " --data to choose your own settings");
            }
        }
        steps = p.steps();
        batch = p.batch();
        seed = ShippedPrior.SEED;
        width = p.width();
        levels = p.levels();
        lr = ShippedPrior.LR;
        weightDecay = ShippedPrior.WEIGHT_DECAY;
        ema = ShippedPrior.EMA;
        threads = ShippedPrior.THREADS;
        return p;
    }

    private TrainingSetFile readData(ShippedPrior p) {
        if (p != null) {
            data = out.resolve("training-set.h5");
            DatagenCommand.writeTrainingSet(p.problem(), p.family(), p.generator(), p.models(), ShippedPrior.SEED,
                    data);
        }
        TrainingSetFile set;
        try {
            set = TrainingSetFile.read(data);
        } catch (IOException e) {
            throw new UserInputException("--data: " + e.getMessage(), e);
        }
        if (condition == null) {
            return set;
        }
        if (!condition.equals("rtm")) {
            throw new UserInputException("--condition " + condition + " is unknown; fix: use --condition rtm");
        }
        return resume && Files.isRegularFile(out.resolve(RtmTrainingSet.FILE)) ? readConditioned()
                : RtmTrainingSet.make(set, data, out, conditionNoise, seed);
    }

    /** The conditioned set a killed --condition rtm run already wrote. */
    private TrainingSetFile readConditioned() {
        try {
            return TrainingSetFile.read(out.resolve(RtmTrainingSet.FILE));
        } catch (IOException e) {
            throw new UserInputException("--resume: " + e.getMessage(), e);
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

    private ScoreMatchingTrainer.Settings settings(int[] shape, int conditionChannels) {
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
                    EMBEDDING, conditionChannels), 1.0, -0.4, 1.4, steps, batch, lr, weightDecay, ema, checkpointEvery,
                    seed, conditionChannels > 0 ? conditionDropout : 0);
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

    private Map<String, String> trainingMap(ScoreMatchingTrainer.Settings s, int heldOut,
                                            ScoreMatchingTrainer.Data training, ScoreMatchingTrainer.Result r,
                                            ShippedPrior preset, ChannelNormalisation conditionNorm) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", preset != null ? "training-set.h5 of " + preset.command()
                : data.toAbsolutePath().normalize().toString());
        m.put("dataSha256", training.sha256());
        m.put("pMean", Double.toString(s.pMean()));
        m.put("pStd", Double.toString(s.pStd()));
        m.put("steps", Integer.toString(s.steps()));
        m.put("batch", Integer.toString(s.batch()));
        m.put("learningRate", Double.toString(s.learningRate()));
        m.put("weightDecay", Double.toString(s.weightDecay()));
        m.put("emaDecay", Double.toString(s.emaDecay()));
        m.put("seed", Long.toString(s.seed()));
        m.put("heldOut", Integer.toString(heldOut));
        m.put("probeStep", Integer.toString(Math.min(ScoreMatchingTrainer.PROBE_STEP, s.steps())));
        m.put("probeSha256", r.probeSha256());
        if (preset != null) {
            m.put("command", preset.command());
        }
        if (conditionNorm != null) {
            m.put("conditionDropout", Double.toString(s.conditionDropout()));
            m.put("conditionMean", Arrays.toString(conditionNorm.mean()).replaceAll("[\\[\\] ]", ""));
            m.put("conditionStd", Arrays.toString(conditionNorm.std()).replaceAll("[\\[\\] ]", ""));
        }
        if (condition != null) {
            m.put("condition", condition);
            m.put("conditionNoise", Double.toString(conditionNoise));
        }
        return m;
    }
}
