package dev.strata.cli.submit;

import dev.strata.cli.UserInputException;
import dev.strata.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code strata submit}'s three actions on a run folder: submit a plan as one Slurm array (the script in
 * {@code RUN/submit.sbatch}, logs in {@code RUN/logs/}, outputs in {@code RUN/task-K}, the job in
 * {@code RUN/submit.json}); report each task's state; resubmit, with the same script, only the tasks that ended
 * without their complete output.
 */
public final class SubmitRun {
    /** Characters a path in an {@code #SBATCH} line cannot hold. */
    private static final Pattern UNSAFE = Pattern.compile("[\\s'\"\\\\$`%]");

    private SubmitRun() {
    }

    /**
     * Writes the script and submits it, or with {@code dryRun} only prints it.
     *
     * @param run      the run folder (new, or without a submitted run)
     * @param workdir  where the tasks start
     * @param launcher the command that starts strata in a task
     */
    public static void submit(TaskPlan plan, Path run, Path workdir, SlurmOptions options, List<String> launcher,
                              boolean dryRun, Slurm slurm, PrintWriter out) throws IOException {
        Path dir = run.toAbsolutePath().normalize();
        Path wd = workdir.toAbsolutePath().normalize();
        for (Path p : List.of(dir, wd)) {
            if (UNSAFE.matcher(p.toString()).find()) {
                throw new UserInputException("path " + p + " has spaces, quotes or other characters an #SBATCH line"
                        + " cannot hold; fix: choose an --out (and start from a folder) with a plain path");
            }
        }
        String script = SbatchScript.render(plan, dir, wd, options, launcher);
        if (dryRun) {
            out.print(script);
            out.flush();
            return;
        }
        if (Files.exists(dir.resolve(SubmitState.FILE))) {
            throw new UserInputException("--out " + dir + " already holds a submitted run; fix: strata submit --status"
                    + " (or --resume) --out " + dir + ", or choose another --out");
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.anyMatch(p -> p.getFileName().toString().startsWith("task-"))) {
                    throw new UserInputException("--out " + dir + " already holds task outputs (task-*) that the new"
                            + " tasks would take for their own; fix: choose another --out");
                }
            }
        }
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir.resolve("logs"));
        Path file = dir.resolve(SubmitState.SCRIPT);
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < plan.tasks(); k++) {
            all.add(k);
        }
        String id;
        try {
            AtomicFiles.writeText(file, "sbatch script", script);
            id = slurm.submit(file, SlurmOptions.array(all, options.arrayMax()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("logs"));
            if (created) {
                Files.deleteIfExists(dir);
            }
            throw e;
        }
        List<String> labels = all.stream().map(plan::label).toList();
        new SubmitState(plan.kind(), labels, options.arrayMax(), List.of(new SubmitState.Job(id, all))).write(dir);
        out.println("submitted job " + id + ": " + plan.tasks() + " task(s) of strata " + plan.kind().command()
                + " (array " + SlurmOptions.array(all, options.arrayMax()) + ") from " + file);
        out.println("logs: " + dir.resolve("logs") + "/" + SbatchScript.jobName(plan.kind()) + "-" + id
                + "_K.out for task K; follow with: strata submit --status --out " + dir);
        out.flush();
    }

    /** Prints a count line, one line per unfinished task (state, files, log) and what to do next. */
    public static void status(Path run, Slurm slurm, PrintWriter out) {
        Path dir = run.toAbsolutePath().normalize();
        SubmitState state = SubmitState.read(dir);
        TaskStatus.Report report = TaskStatus.of(state, dir, slurm);
        List<TaskStatus> all = report.tasks();
        long done = all.stream().filter(TaskStatus::done).count();
        long active = all.stream().filter(TaskStatus::active).count();
        long redo = all.stream().filter(TaskStatus::toResubmit).count();
        out.println("strata " + state.kind().command() + ", " + all.size() + " task(s), job(s) " + String.join(", ",
                state.jobs().stream().map(SubmitState.Job::id).toList()) + ": " + done + " done, " + active
                + " queued or running, " + redo + " to resubmit; end states from " + report.source());
        all.stream().filter(t -> !t.done()).forEach(t -> out.println(t.line()));
        if (done == all.size()) {
            out.println("all tasks done; merge them: " + state.kind().mergeCommand(dir));
        } else if (redo > 0) {
            out.println("resubmit the " + redo + " unfinished task(s): strata submit --resume --out " + dir);
        }
        out.flush();
    }

    /** Resubmits the tasks that ended without their complete output, one line each; with {@code dryRun} only says so. */
    public static void resume(Path run, boolean dryRun, Slurm slurm, PrintWriter out) throws IOException {
        Path dir = run.toAbsolutePath().normalize();
        SubmitState state = SubmitState.read(dir);
        List<TaskStatus> redo = TaskStatus.of(state, dir, slurm).tasks().stream().filter(TaskStatus::toResubmit).toList();
        if (redo.isEmpty()) {
            out.println("nothing to resubmit: every task is done, queued or running (strata submit --status --out "
                    + dir + ")");
            out.flush();
            return;
        }
        redo.forEach(t -> out.println("resubmit " + t.line()));
        List<Integer> tasks = redo.stream().map(TaskStatus::task).toList();
        String array = SlurmOptions.array(tasks, state.arrayMax());
        Path script = dir.resolve(SubmitState.SCRIPT);
        if (dryRun) {
            out.println("would run: sbatch --array=" + array + " " + script);
            out.flush();
            return;
        }
        String id = slurm.submit(script, array);
        state.with(new SubmitState.Job(id, tasks)).write(dir);
        out.println("submitted job " + id + ": task(s) " + array + " again; follow with: strata submit --status --out "
                + dir);
        out.flush();
    }
}
