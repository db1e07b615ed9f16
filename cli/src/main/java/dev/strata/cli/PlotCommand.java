package dev.strata.cli;

import dev.strata.cli.invert.ResultPlots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code strata plot}: redraws the pictures of a result file. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw the pictures of a result file: a posterior.h5 of 'strata invert' (posterior, and beside "
                + "it NAME_data.png with the data fit and NAME_wrmse.png with the WRMSE trace), a training set of "
                + "'strata datagen' (its first 8 models) or an observation file (its data).")
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The HDF5 file to draw.")
    Path file;

    @Option(names = "--out", paramLabel = "PNG", description = "Picture to write (default: FILE with .png).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path png = out != null ? out
                : file.resolveSibling(file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".png");
        for (Path p : ResultPlots.plot(file, png)) {
            spec.commandLine().getOut().println("wrote " + p);
        }
        return ExitCodes.OK;
    }
}
