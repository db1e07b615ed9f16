package dev.strata.cli.submit;

import dev.strata.cli.invert.InvertSettings;
import dev.strata.io.SampleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the tasks of a submitted array are, and how a task's files tell whether it finished: an {@code invert} task K
 * draws share K/N of the run into the store {@code RUN/task-K}; a {@code bench} task K runs cell K of the matrix into
 * {@code RUN/task-K.jsonl}. (An {@code experiment} grid would be one more kind: a task per cell, a store each.)
 */
public enum TaskKind {
    INVERT {
        @Override
        public TaskProgress progress(Path run, int task) {
            Path dir = run.resolve("task-" + task);
            if (!Files.isRegularFile(dir.resolve(SampleStore.MANIFEST))) {
                return new TaskProgress(false, "not started");
            }
            try {
                SampleStore store = SampleStore.open(dir);
                InvertSettings s = InvertSettings.fromMap(store.manifest());
                int own = s.ownBatchFirsts().size();
                int missing = s.missing(store.shards()).size();
                return new TaskProgress(missing == 0, (own - missing) + " of " + own + " batches drawn");
            } catch (IOException | RuntimeException e) {
                return new TaskProgress(false, "store unreadable (" + e.getMessage() + ")");
            }
        }

        @Override
        public String mergeCommand(Path run) {
            return "strata merge --out " + run + " " + run + "/task-*";
        }
    },
    BENCH {
        @Override
        public TaskProgress progress(Path run, int task) {
            boolean done = Files.isRegularFile(run.resolve("task-" + task + ".jsonl"));
            return new TaskProgress(done, done ? "lines written" : "no lines yet");
        }

        @Override
        public String mergeCommand(Path run) {
            return "strata merge --out " + run.resolve("bench.jsonl") + " " + run + "/task-*.jsonl";
        }
    };

    /** Whether a task is finished, and what its files hold, in words. */
    public record TaskProgress(boolean done, String words) {
    }

    /** The command name the tasks run ({@code invert}, {@code bench}). */
    public String command() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the files of task {@code task} under the run folder {@code run} say. */
    public abstract TaskProgress progress(Path run, int task);

    /** The command that merges the finished tasks' outputs. */
    public abstract String mergeCommand(Path run);
}
