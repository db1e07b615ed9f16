package dev.strata.cli.experiment;

import dev.strata.cli.StrataCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Trains the network prior of one N with {@code strata train}, in-process, its output captured: the U-Net learns
 * the first N models of the set with held-out models (kept out of training, they judge the network).
 */
final class NetworkPrior {
    private NetworkPrior() {
    }

    /**
     * Trains into {@code layout.network(n)}; with {@code resume} a finished network is kept, a killed one
     * continued. Returns whether it trained (false: a finished network was kept).
     */
    static boolean train(MemorizationSettings s, ExperimentLayout layout, int n, boolean resume) {
        return train(layout.network(n), List.of("--data", layout.networkSet(n).toString(),
                "--steps", Integer.toString(s.trainSteps()),
                "--batch", Integer.toString(s.trainBatch()), "--width", Integer.toString(s.width()),
                "--levels", Integer.toString(s.levels()), "--seed", Long.toString(s.seed()),
                "--holdout", Integer.toString(s.holdout(n)), "--checkpoint-every", "100",
                "--quality-samples", Integer.toString(s.qualitySamples()),
                "--quality-steps", Integer.toString(s.qualitySteps())), resume);
    }

    /**
     * Runs {@code strata train OPTIONS --out DIR --json} (adding {@code --resume} to continue a killed run); with
     * {@code resume} a finished network is kept. Returns whether it trained.
     */
    static boolean train(Path dir, List<String> options, boolean resume) {
        if (resume && Files.isRegularFile(dir.resolve("network.properties"))) {
            return false;
        }
        List<String> args = new ArrayList<>(List.of("train", "--out", dir.toString(), "--json"));
        args.addAll(options);
        if (resume && Files.isRegularFile(dir.resolve("train-state.bin"))) {
            args.add("--resume");
        }
        CommandLine cl = StrataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("strata " + String.join(" ", args) + " ended with exit code " + code + ": "
                    + err.toString().strip());
        }
        return true;
    }
}
