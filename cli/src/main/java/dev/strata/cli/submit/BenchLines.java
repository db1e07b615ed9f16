package dev.strata.cli.submit;

import dev.strata.cli.UserInputException;
import dev.strata.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON lines of the tasks of a bench matrix ({@code RUN/task-K.jsonl}, one {@code strata bench --json} each) as
 * one file, inputs in the order given, lines in their order. Every input must be a non-empty file of JSON objects,
 * one per line; the output is written atomically, so it is complete or absent.
 */
public final class BenchLines {
    private BenchLines() {
    }

    /** Writes the lines of {@code inputs} to {@code out} and returns how many lines it holds. */
    public static int concat(List<Path> inputs, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new UserInputException("--out " + target + " already exists; fix: choose another file for the"
                    + " merged lines, or delete it");
        }
        List<Path> seen = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        int count = 0;
        for (Path in : inputs) {
            Path file = in.toAbsolutePath().normalize();
            if (seen.contains(file)) {
                throw new UserInputException(file + " is given twice; fix: name each task's file once");
            }
            seen.add(file);
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("{") || !line.endsWith("}")) {
                    throw new UserInputException(file + " line " + (i + 1) + " is not a JSON object; fix: merge only"
                            + " the files of 'strata bench --json' (a task that failed midway: resubmit it with"
                            + " strata submit --resume)");
                }
                all.append(line).append('\n');
                count++;
            }
        }
        AtomicFiles.writeText(target, "merged bench lines", all.toString());
        return count;
    }

    private static List<String> readLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + " is not a file; fix: give the task-K.jsonl files of a bench matrix"
                    + " (all of them, or all stores of an invert run)");
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new UserInputException(file + " holds no line; fix: resubmit its task (strata submit --resume)");
        }
        return lines;
    }
}
