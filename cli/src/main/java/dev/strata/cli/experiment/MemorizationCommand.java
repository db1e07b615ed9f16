package dev.strata.cli.experiment;

import dev.strata.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata experiment memorization}: seed 001's memorization experiment on FWI. */
@Command(name = "memorization", mixinStandardHelpOptions = true,
        description = "Seed 001 (Siahkoohi and Sabeddu): does DPS under a memorized prior return the training set"
                + " reweighted by the likelihood, and how far does a trained network prior memorize? For each"
                + " training-set size N: faulted-layer FWI velocity models (strata datagen), the memorized prior and a"
                + " network trained on the same N models (strata train), DPS on the shot gathers of a held-out true"
                + " model with each (strata invert), and the closed-form memorized posterior w_k ~ exp(-||F(m_k) -"
                + " y||^2 / (2 sigma^2)). Writes under --out report.md (RMSE, misfit, memorized share, effective"
                + " models, closed-form agreement per N and prior; seconds per stage), results.json, rmse.png,"
                + " memorization.png and models.png, and every run it made. Default (reduced) size: 32 x 32 cells of"
                + " 10 m, networks of width 16 trained 300 steps of 16 models, DPS 4 samples of 16 steps; about an hour"
                + " on 2 cores with N = 50,200,1000. --full: 64 x 64 cells, 4000 steps of width 32, 16 samples of 50"
                + " steps (hours).")
public final class MemorizationCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ExperimentOptions options;

    @Option(names = "--sizes", defaultValue = "50,200,1000", paramLabel = "N,N,...",
            description = "Training-set sizes, each >= 2 (default: ${DEFAULT-VALUE}).")
    String sizes;

    @Option(names = "--grid", paramLabel = "CELLS",
            description = "Override: CELLS x CELLS cells (divisible by 4; default 32, --full 64).")
    Integer grid;

    @Option(names = "--train-steps", paramLabel = "K", description = "Override: training steps per network.")
    Integer trainSteps;

    @Option(names = "--samples", paramLabel = "S", description = "Override: DPS samples per run.")
    Integer samples;

    @Option(names = "--steps", paramLabel = "T", description = "Override: reverse steps per DPS run.")
    Integer steps;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var parsed = MemorizationSettings.parseSizes(sizes);
        MemorizationSettings s = (options.full ? MemorizationSettings.full(parsed, options.seed)
                : MemorizationSettings.reduced(parsed, options.seed)).with(grid, trainSteps, samples, steps);
        MemorizationResult r = MemorizationExperiment.run(s, options.out, options.resume);
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(options.json ? MemorizationReport.json(r) : MemorizationReport.summary(r));
        pw.flush();
        return ExitCodes.OK;
    }
}
