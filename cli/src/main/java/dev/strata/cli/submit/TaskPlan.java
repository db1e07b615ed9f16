package dev.strata.cli.submit;

import java.nio.file.Path;
import java.util.List;

/**
 * The tasks of one submission: how many, what each is called, and the bash lines that run task
 * {@code $task} (the Slurm array index) with the launcher in the array {@code strata}. Implementations: an invert
 * run split into shares ({@link InvertTasks}), a bench matrix ({@link BenchTasks}); an experiment grid would be one
 * more.
 */
public interface TaskPlan {
    TaskKind kind();

    /** Number of tasks, numbered 0 to {@code tasks() - 1}. */
    int tasks();

    /** What task {@code task} computes, in a few words (e.g. {@code share 1/4}, {@code backend=jvm n=256}). */
    String label(int task);

    /** The script's lines after the header that run task {@code $task}, writing under {@code run}. */
    List<String> body(Path run);
}
