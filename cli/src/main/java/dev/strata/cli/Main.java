package dev.strata.cli;

import picocli.CommandLine;

/** Entry point of the {@code strata} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 ok, 1 a check failed, 2 bad input or setup. */
    public static int run(String... args) {
        return StrataCommand.commandLine().execute(args);
    }
}
