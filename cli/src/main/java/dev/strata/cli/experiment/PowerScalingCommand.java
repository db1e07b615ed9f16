package dev.strata.cli.experiment;

import dev.strata.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata experiment power-scaling}: seed 003's power-scaled posterior on FWI. */
@Command(name = "power-scaling", mixinStandardHelpOptions = true,
        description = "Seed 003 (Erdinc et al.): power-scaled posteriors p(y|x)^lambda p(x)^alpha from one conditional"
                + " network. Trains a network with classifier-free-guidance dropout on faulted-layer FWI velocity"
                + " models paired with the RTM images of their noisy shot gathers (strata train --condition rtm),"
                + " conditions it on the RTM image of a held-out model's data, and samples the lambda sweep (alpha"
                + " = 1), the alpha sweep (lambda = 1) and the joint grid; alpha != 1 adds Langevin corrector steps."
                + " Writes under --out report.md (shot-data residual, velocity RMSE, SSIM and pixel std per setting;"
                + " seconds per sample; the paper's observations checked), results.json, problem.png,"
                + " lambda-sweep.png, alpha-sweep.png, joint-grid.png, residual.png and diversity.png. Default"
                + " (reduced) size: 32 x 32 cells of 10 m, 400 models, 1500 training steps of 16, 8 samples of 16"
                + " levels per setting (under an hour on 2 cores). --full: 64 x 64 cells, 2000 models, 6000 steps"
                + " of width 32, 16 samples of 32 levels (hours).")
public final class PowerScalingCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ExperimentOptions options;

    @Option(names = "--lambdas", paramLabel = "L,L,...",
            description = "Override: likelihood powers of the lambda sweep (default 0,0.5,1,2,4,8,16).")
    String lambdas;

    @Option(names = "--alphas", paramLabel = "A,A,...",
            description = "Override: prior powers of the alpha sweep and the joint grid (default 0.25,0.5,1,1.5).")
    String alphas;

    @Option(names = "--grid-lambdas", paramLabel = "L,L,...",
            description = "Override: likelihood powers of the joint grid, each with every alpha (default 0.5,1,2,4).")
    String gridLambdas;

    @Option(names = "--grid", paramLabel = "CELLS", description = "Override: CELLS x CELLS cells (divisible by 4).")
    Integer grid;

    @Option(names = "--models", paramLabel = "N", description = "Override: training models.")
    Integer models;

    @Option(names = "--train-steps", paramLabel = "K", description = "Override: training steps.")
    Integer trainSteps;

    @Option(names = "--samples", paramLabel = "S", description = "Override: samples per setting (>= 2).")
    Integer samples;

    @Option(names = "--steps", paramLabel = "T", description = "Override: EDM levels per run.")
    Integer steps;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PowerScalingSettings s = (options.full ? PowerScalingSettings.full(options.seed)
                : PowerScalingSettings.reduced(options.seed))
                .with(grid, models, trainSteps, samples, steps,
                        lambdas == null ? null : PowerScalingSettings.parsePowers("--lambdas", lambdas),
                        alphas == null ? null : PowerScalingSettings.parsePowers("--alphas", alphas),
                        gridLambdas == null ? null : PowerScalingSettings.parsePowers("--grid-lambdas", gridLambdas));
        PowerScalingResult r = PowerScalingExperiment.run(s, options.out, options.resume);
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(options.json ? PowerScalingReport.json(r) : PowerScalingReport.summary(r));
        pw.flush();
        return ExitCodes.OK;
    }
}
