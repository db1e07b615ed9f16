package dev.strata.cli;

import dev.strata.cli.invert.InvertRun;
import dev.strata.cli.invert.InvertSettings;
import dev.strata.io.SampleStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata demo}: a preset of {@code strata invert} on a built-in seismic + wells problem. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in demo, a preset of 'strata invert': a facies + impedance section (80 x 100,"
                + " from Strata's geological generator) is observed by noisy full-stack seismic and three wells, and"
                + " posterior samples are drawn with corrected DPS. Same as: strata invert --problem seismic+wells"
                + " --true builtin:seismic --guidance cdps --samples 8 --steps 50. Replaces the previous demo run in"
                + " --out.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "strata-out/demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--samples", defaultValue = "8", description = "Posterior samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--steps", defaultValue = "50", description = "Diffusion steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "2026", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The preset's settings. */
    static InvertSettings preset(int samples, int steps, long seed) {
        if (samples < 2) {
            throw new UserInputException("--samples must be >= 2 to estimate a spread, got " + samples);
        }
        return new InvertSettings("seismic+wells", "", "builtin:seismic", 0.05, "gaussian", "edm-euler", "cdps",
                "isotropic", 1, 1, 1, samples, seed, steps, 0, samples, "jvm", "cpu", 0);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        InvertSettings settings = preset(samples, steps, seed);
        removePreviousRun(out);
        try (Progress progress = new Progress("sampling", steps)) {
            InvertRun.execute(settings, out, false, false, progress, stdout);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** Deletes the store and pictures of an earlier run in {@code dir}, if it holds one; nothing else. */
    private static void removePreviousRun(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(SampleStore.MANIFEST))) {
            return;
        }
        Path shardDir = dir.resolve("shards");
        try (Stream<Path> shards = Files.isDirectory(shardDir) ? Files.list(shardDir) : Stream.empty()) {
            for (Path p : (Iterable<Path>) shards::iterator) {
                if (p.getFileName().toString().endsWith(".h5")) {
                    Files.delete(p);
                }
            }
        }
        for (String name : new String[] {SampleStore.MANIFEST, "posterior.h5", "posterior.png"}) {
            Files.deleteIfExists(dir.resolve(name));
        }
    }
}
