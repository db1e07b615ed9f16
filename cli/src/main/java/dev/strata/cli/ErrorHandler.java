package dev.strata.cli;

import dev.strata.kernels.BackendUnavailableException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns expected failures (bad input, a missing backend, an unreadable file) into one line on stderr and exit
 * code 2; anything else is a bug, reported with its stack trace and exit code 1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        if (ex instanceof UserInputException || ex instanceof BackendUnavailableException
                || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException) {
            cl.getErr().println("strata: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        cl.getErr().println("strata: internal error: " + ex);
        ex.printStackTrace(cl.getErr());
        return ExitCodes.CHECK_FAILED;
    }
}
