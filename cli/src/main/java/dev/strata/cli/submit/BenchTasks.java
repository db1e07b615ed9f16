package dev.strata.cli.submit;

import dev.strata.cli.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bench matrix: one array task per cell of the product of the {@code --matrix KEY=V1,V2} axes (the first axis
 * varies slowest); task K runs {@code strata bench ARGS --KEY V ... --json} and writes its JSON lines to
 * {@code RUN/task-K.jsonl} (complete or absent: written to {@code .part} and renamed when the bench ends).
 *
 * @param args  the bench arguments common to every cell, without {@code --json}
 * @param cells per task, the flags of its cell ({@code --backend jvm --n 256})
 */
public record BenchTasks(List<String> args, List<List<String>> cells) implements TaskPlan {
    private static final Pattern AXIS = Pattern.compile("([a-z][a-z0-9-]*)=([^=]+)");

    public BenchTasks {
        args = List.copyOf(args);
        cells = cells.stream().map(List::copyOf).toList();
    }

    /** The cells of {@code axes} ({@code KEY=V1,V2} each), first axis slowest; one empty cell without axes. */
    public static List<List<String>> cells(List<String> axes) {
        List<List<String>> cells = new ArrayList<>(List.of(List.of()));
        for (String axis : axes) {
            Matcher m = AXIS.matcher(axis);
            if (!m.matches()) {
                throw new UserInputException("--matrix '" + axis + "' is not KEY=V1,V2,...; fix: name a bench option"
                        + " without its dashes and its values, e.g. --matrix backend=jvm,tornadovm:0 --matrix"
                        + " n=256,512");
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> cell : cells) {
                for (String value : m.group(2).split(",", -1)) {
                    if (value.isBlank()) {
                        throw new UserInputException("--matrix '" + axis + "' has an empty value; fix: separate"
                                + " values by single commas");
                    }
                    List<String> c = new ArrayList<>(cell);
                    c.add("--" + m.group(1));
                    c.add(value.strip());
                    next.add(c);
                }
            }
            cells = next;
        }
        return cells;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.BENCH;
    }

    @Override
    public int tasks() {
        return cells.size();
    }

    @Override
    public String label(int task) {
        List<String> c = cells.get(task);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.size(); i += 2) {
            sb.append(i == 0 ? "" : " ").append(c.get(i).substring(2)).append('=').append(c.get(i + 1));
        }
        return sb.isEmpty() ? "bench" : sb.toString();
    }

    @Override
    public List<String> body(Path run) {
        List<String> lines = new ArrayList<>();
        lines.add("case \"$task\" in");
        for (int k = 0; k < cells.size(); k++) {
            lines.add("    " + k + ") cell=(" + Shell.words(cells.get(k)) + ") ;;");
        }
        lines.add("    *) echo \"strata: this array has tasks 0-" + (cells.size() - 1) + ", not $task\" >&2; exit 2 ;;");
        lines.add("esac");
        lines.add("out=" + Shell.quote(run.toString()) + "/task-\"$task\".jsonl");
        lines.add("\"${strata[@]}\" bench " + Shell.words(args) + (args.isEmpty() ? "" : " ")
                + "\"${cell[@]}\" --json > \"$out.part\"");
        lines.add("mv \"$out.part\" \"$out\"");
        return lines;
    }
}
