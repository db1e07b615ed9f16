package dev.strata.cli.experiment;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code strata experiment}: reproductions of the seed papers' experiments, one subcommand each. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run an experiment of a seed paper end to end and write its report: memorization (seed 001),"
                + " ld-dim (seed 002), power-scaling (seed 003).",
        subcommands = {MemorizationCommand.class, LdDimCommand.class, PowerScalingCommand.class})
public final class ExperimentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
