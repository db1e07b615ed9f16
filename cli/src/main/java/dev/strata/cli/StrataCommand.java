package dev.strata.cli;

import dev.strata.cli.experiment.ExperimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strata} command and its subcommands. */
@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = StrataCommand.Version.class,
        description = "Diffusion-model posterior sampling for subsurface inversion.",
        subcommands = {InvertCommand.class, DatagenCommand.class, DemoCommand.class, DevicesCommand.class,
                VerifyCommand.class, BenchCommand.class, ValidateCommand.class, TrainPriorCommand.class, TrainCommand.class, PlotCommand.class,
                MergeCommand.class, SubmitCommand.class, ExperimentCommand.class,
                CommandLine.HelpCommand.class})
public final class StrataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A picocli command line with Strata's error handling: one clear line and exit code 2 for bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StrataCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("strata: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = StrataCommand.class.getPackage().getImplementationVersion();
            return new String[] {"strata " + (v == null ? "(development build)" : v)};
        }
    }
}
