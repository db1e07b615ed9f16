package dev.strata.cli;

import dev.strata.cli.invert.StoreMerge;
import dev.strata.cli.submit.BenchLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code strata merge}: one sample store from the stores of the shares of a run, or one file of bench lines. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the stores of the shares of one run (strata invert --shard K/N, e.g. the tasks of"
                + " strata submit) into one store in --out: the manifest, every shard file, posterior.h5 (mean, std,"
                + " quantiles, misfit, metrics) and the pictures, the same files, with the same samples bit for bit,"
                + " as the run drawn at once. Stores of different runs (settings, data, prior, sampler or Strata"
                + " version) and missing or duplicated samples are refused in one line with exit code 2, before"
                + " anything is written. Given the JSON-lines files of a bench matrix (RUN/task-K.jsonl), writes"
                + " their lines into the one file --out. Examples: strata merge --out run1 run1/task-*; strata merge"
                + " --out bench1/bench.jsonl bench1/task-*.jsonl.")
final class MergeCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE",
            description = "The merged store's folder (new, or without a run), or the merged .jsonl file.")
    Path out;

    @Option(names = "--json", description = "One JSON object per event on stdout.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "STORE", description = "The stores (folders) of the shares, or the"
            + " task-K.jsonl files of a bench matrix.")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        long files = inputs.stream().filter(Files::isRegularFile).count();
        if (files == inputs.size() && inputs.stream().allMatch(p -> p.toString().endsWith(".jsonl"))) {
            int lines = BenchLines.concat(inputs, out);
            stdout.println("merge: " + lines + " lines from " + inputs.size() + " file(s) into "
                    + out.toAbsolutePath().normalize());
        } else if (files > 0) {
            throw new UserInputException("merge takes sample stores (folders) or bench .jsonl files, not a mix nor"
                    + " other files; fix: give e.g. RUN/task-* (stores) or RUN/task-*.jsonl (bench lines)");
        } else {
            StoreMerge.execute(inputs, out, json, stdout);
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
