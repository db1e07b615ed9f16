package dev.strata.cli.submit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sbatch array script of a submission: a header of {@code #SBATCH} lines (job name {@code strata-KIND}, the
 * array, logs {@code RUN/logs/%x-%A_%a.out}, the submitting folder as working directory, the resources), then bash
 * that starts one JVM for task {@code $SLURM_ARRAY_TASK_ID}. {@code strata submit --resume} runs the same script
 * again with {@code sbatch --array} naming only the tasks to redo.
 */
final class SbatchScript {
    private SbatchScript() {
    }

    /** The job name of a submission of {@code kind}; {@code %x} in the log names. */
    static String jobName(TaskKind kind) {
        return "strata-" + kind.command();
    }

    /** The log file of task {@code task} of job {@code jobId}, as Slurm names it from {@code %x-%A_%a.out}. */
    static Path log(Path run, TaskKind kind, String jobId, int task) {
        return run.resolve("logs").resolve(jobName(kind) + "-" + jobId + "_" + task + ".out");
    }

    /**
     * @param run      the run folder (absolute)
     * @param workdir  where the tasks start (absolute; relative paths in the arguments are read from there)
     * @param launcher the command that starts strata
     */
    static String render(TaskPlan plan, Path run, Path workdir, SlurmOptions options, List<String> launcher) {
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < plan.tasks(); k++) {
            all.add(k);
        }
        List<String> lines = new ArrayList<>(List.of(
                "#!/bin/bash",
                "# Written by strata submit: " + plan.tasks() + " task(s) of strata " + plan.kind().command()
                        + ", one JVM each; the array index is the task.",
                "# Resubmit missing or failed tasks with: strata submit --resume --out " + run,
                "#SBATCH --job-name=" + jobName(plan.kind()),
                "#SBATCH --array=" + SlurmOptions.array(all, options.arrayMax()),
                "#SBATCH --output=" + run.resolve("logs") + "/%x-%A_%a.out",
                "#SBATCH --chdir=" + workdir));
        lines.addAll(options.directives());
        lines.add("set -euo pipefail");
        lines.add("task=\"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch, as an array}\"");
        lines.add("strata=(" + Shell.words(launcher) + ")");
        lines.addAll(plan.body(run));
        return String.join("\n", lines) + "\n";
    }
}
