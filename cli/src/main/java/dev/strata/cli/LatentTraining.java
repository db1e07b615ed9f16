package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.io.TrainingSetFile;
import dev.strata.sampler.nn.FieldVae;
import dev.strata.sampler.nn.LatentPriorCheckpoint;
import dev.strata.sampler.nn.LatentPriorTrainer;
import dev.strata.sampler.nn.LatentPriorWeights;
import dev.strata.sampler.nn.ScoreMatchingTrainer;
import dev.strata.sampler.nn.SmallUNet;
import dev.strata.sampler.nn.VaeTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code strata train --latent}: a latent diffusion prior (seed 002, arXiv 2512.22421) on a one-channel training set:
 * a {@link FieldVae} of width 16 with 2 latent channels at a quarter of the grid per side (batch 16, beta 1e-3), then a
 * {@link SmallUNet} EDM denoiser of width 16 with 2 levels on its standardised latents (batch 32), written as a
 * {@link LatentPriorCheckpoint}. {@code strata experiment ld-dim} trains with the same settings.
 */
public final class LatentTraining {
    private LatentTraining() {
    }

    /** The training settings: {@code vaeSteps} VAE steps, {@code latentSteps} denoiser steps, seeded. */
    public static LatentPriorTrainer.Settings settings(int vaeSteps, int latentSteps, long seed) {
        FieldVae.Config vae = new FieldVae.Config(16, 2, 2);
        SmallUNet.Config net = new SmallUNet.Config(2, ScoreMatchingTrainer.MIN_WIDTH, 2, 4, 16, 32);
        return new LatentPriorTrainer.Settings(new VaeTrainer.Settings(vae, vaeSteps, 16, 2e-3, 1e-3, seed),
                new ScoreMatchingTrainer.Settings(net, 1.0, -1.2, 1.2, latentSteps, 32, 2e-3, 0.0, 0.999, latentSteps,
                        seed + 1));
    }

    /** Trains on {@code set} (read from {@code data}) into {@code out}; prints one line, or one JSON object. */
    static int run(TrainingSetFile set, Path data, Path out, int vaeSteps, int latentSteps, long seed, boolean json,
                   PrintWriter pw) throws IOException {
        int[] s = set.models().shape();
        if (s[1] != 1 || set.conditions() != null) {
            throw new UserInputException("--latent needs a one-channel training set without conditions (ln K of"
                    + " strata datagen --problem darcy); " + data + " has " + s[1] + " channel(s)"
                    + (set.conditions() != null ? " and conditions" : ""));
        }
        if (s[2] % 4 != 0 || s[3] % 4 != 0) {
            throw new UserInputException("--latent needs nz and nx divisible by 4; " + data + " is " + s[2] + " x "
                    + s[3] + "; fix: make the set with strata datagen --nz/--nx multiples of 4");
        }
        if (vaeSteps < 1 || latentSteps < 1) {
            throw new UserInputException("--vae-steps and --steps must be >= 1, got " + vaeSteps + " and "
                    + latentSteps);
        }
        long start = System.nanoTime();
        LatentPriorWeights w;
        try (Progress p = new Progress("training VAE, then latent denoiser", vaeSteps + latentSteps)) {
            w = LatentPriorTrainer.train(settings(vaeSteps, latentSteps, seed), set.models().data(), set.count(),
                    s[2], s[3], ScoreMatchingTrainer.statePath(out), (stage, done, total, loss) -> {
                        p.message(String.format("%s loss %.4f", stage, loss));
                        p.stepDone(stage.equals("vae") ? done : vaeSteps + done, vaeSteps + latentSteps);
                    });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> training = new LinkedHashMap<>();
        training.put("data", data.toAbsolutePath().normalize().toString());
        training.put("vaeSteps", Integer.toString(vaeSteps));
        training.put("latentSteps", Integer.toString(latentSteps));
        training.put("seed", Long.toString(seed));
        LatentPriorCheckpoint.write(w, training, out);
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("command", "train --latent");
        done.put("out", out.toAbsolutePath().normalize().toString());
        done.put("models", set.count());
        done.put("seconds", seconds);
        pw.println(json ? Json.object(done) : String.format("latent prior of %d models (%d x %d) in %.0f s: %s",
                set.count(), s[2], s[3], seconds, out.resolve(LatentPriorCheckpoint.SIDECAR)));
        pw.flush();
        return ExitCodes.OK;
    }
}
