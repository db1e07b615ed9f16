package dev.strata.cli.experiment;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every {@code strata experiment} subcommand takes (a picocli mixin). */
final class ExperimentOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new or empty).")
    Path out;

    @Option(names = "--full", description = "The full size instead of the reduced one (see above).")
    boolean full;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the training data, training and sampling; the held-out truth uses S + 1000003"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue the experiment in --out (same options): finished stages are"
            + " kept, a killed one continues.")
    boolean resume;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;
}
