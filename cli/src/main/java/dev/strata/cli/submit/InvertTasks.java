package dev.strata.cli.submit;

import java.nio.file.Path;
import java.util.List;

/**
 * An invert run split into {@code shares} array tasks: task K runs {@code strata invert ARGS --shard K/N --out
 * RUN/task-K}, or, when that store already exists (a resubmitted task), {@code strata invert --resume --out
 * RUN/task-K}, which draws only its missing batches.
 *
 * @param args   the invert arguments, without {@code --out}, {@code --shard} and {@code --resume}
 * @param shares N
 */
public record InvertTasks(List<String> args, int shares) implements TaskPlan {
    public InvertTasks {
        args = List.copyOf(args);
    }

    @Override
    public TaskKind kind() {
        return TaskKind.INVERT;
    }

    @Override
    public int tasks() {
        return shares;
    }

    @Override
    public String label(int task) {
        return "share " + task + "/" + shares;
    }

    @Override
    public List<String> body(Path run) {
        return List.of(
                "out=" + Shell.quote(run.toString()) + "/task-\"$task\"",
                "if [ -f \"$out/manifest.json\" ]; then",
                "    exec \"${strata[@]}\" invert --resume --out \"$out\"",
                "fi",
                "exec \"${strata[@]}\" invert " + Shell.words(args) + " --shard \"$task/" + shares + "\" --out \"$out\"");
    }
}
