package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.sampler.nn.DenoiserCheckpoint;
import dev.strata.sampler.nn.DenoiserTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata train-gaussian-denoiser}: trains the network denoiser shipped in strata-sampler, reproducibly. */
@Command(name = "train-gaussian-denoiser", mixinStandardHelpOptions = true,
        description = "Train the small EDM network denoiser (DJL, PyTorch engine, CPU) on draws from "
                + "the 16 x 16 Gaussian prior, seeded. Writes " + TrainCommand.NAME + ".params (weights) and "
                + TrainCommand.NAME + ".properties (settings, seed, final loss, SHA-256) into --out. With the "
                + "default settings it reproduces, byte for byte on the same machine, the network "
                + "shipped in strata-sampler (dev/strata/sampler/nn/" + TrainCommand.NAME + ".*).")
final class TrainCommand implements Callable<Integer> {
    static final String NAME = "gaussian16";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--steps", paramLabel = "N",
            description = "Optimiser steps (default: the shipped setting); fewer only for quick checks.")
    Integer steps;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the shipped seed).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DenoiserTrainer.Settings settings = DenoiserTrainer.gaussian16();
        if (steps != null) {
            if (steps < 1) {
                throw new UserInputException("--steps must be >= 1, got " + steps);
            }
            settings = settings.withSteps(steps);
        }
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is a file; give a folder");
        }
        try {
            Files.createDirectories(out); // fail before a minute of training, not after
        } catch (IOException e) {
            throw new UserInputException("cannot create --out " + out + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        DenoiserTrainer.Result r;
        try (Progress p = new Progress("training", settings.steps())) {
            r = DenoiserTrainer.train(settings, p);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        DenoiserCheckpoint checkpoint = DenoiserCheckpoint.of(r);
        try {
            checkpoint.write(out, NAME);
        } catch (IOException e) {
            throw new UserInputException("cannot write the network to " + out + ": " + e.getMessage(), e);
        }
        Path params = out.resolve(NAME + ".params").toAbsolutePath().normalize();
        Path sidecar = out.resolve(NAME + ".properties").toAbsolutePath().normalize();
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", "train-gaussian-denoiser");
            m.put("steps", settings.steps());
            m.put("batch", settings.batch());
            m.put("seed", settings.seed());
            m.put("finalLoss", r.finalLoss());
            m.put("seconds", seconds);
            m.put("weights", params.toString());
            m.put("sidecar", sidecar.toString());
            m.put("sha256", checkpoint.sha256());
            pw.println(Json.object(m));
        } else {
            pw.printf("trained %d steps of %d samples in %.1f s; final loss %.4f%n", settings.steps(), settings.batch(),
                    seconds, r.finalLoss());
            pw.println("wrote " + params);
            pw.println("wrote " + sidecar);
        }
        pw.flush();
        return ExitCodes.OK;
    }
}
