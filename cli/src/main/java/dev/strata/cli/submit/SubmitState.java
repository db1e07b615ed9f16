package dev.strata.cli.submit;

import dev.strata.cli.UserInputException;
import dev.strata.io.AtomicFiles;
import dev.strata.io.ConfigText;
import dev.strata.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code strata submit} remembers of a run in {@code RUN/submit.json}: the kind of its tasks, their labels, the
 * array throttle, and every Slurm job submitted for it with the tasks it ran (the first job has them all, each
 * {@code --resume} one more job with the tasks it redid).
 *
 * @param kind     what the tasks run
 * @param labels   per task, what it computes
 * @param arrayMax most tasks running at once (0: no limit)
 * @param jobs     the jobs in submission order
 */
public record SubmitState(TaskKind kind, List<String> labels, int arrayMax, List<Job> jobs) {
    /** The file's name in the run folder. */
    public static final String FILE = "submit.json";
    /** The script's name in the run folder. */
    public static final String SCRIPT = "submit.sbatch";

    /** One {@code sbatch}: its job id and the array indices (tasks) it ran. */
    public record Job(String id, List<Integer> tasks) {
        public Job {
            tasks = List.copyOf(tasks);
        }
    }

    public SubmitState {
        labels = List.copyOf(labels);
        jobs = List.copyOf(jobs);
    }

    /** This state with {@code job} added. */
    SubmitState with(Job job) {
        List<Job> all = new ArrayList<>(jobs);
        all.add(job);
        return new SubmitState(kind, labels, arrayMax, all);
    }

    /** The latest job that ran {@code task}, or null. */
    Job latest(int task) {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            if (jobs.get(i).tasks().contains(task)) {
                return jobs.get(i);
            }
        }
        return null;
    }

    /** Writes {@code RUN/submit.json} atomically. */
    void write(Path run) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.command());
        m.put("tasks", Integer.toString(labels.size()));
        m.put("array_max", Integer.toString(arrayMax));
        for (int k = 0; k < labels.size(); k++) {
            m.put("label_" + k, labels.get(k));
        }
        m.put("jobs", String.join(";", jobs.stream().map(j -> j.id() + "=" + String.join(",",
                j.tasks().stream().map(String::valueOf).toList())).toList()));
        AtomicFiles.writeText(run.resolve(FILE), "submission record", Json.object(m) + "\n");
    }

    /** Reads {@code RUN/submit.json}; refuses a folder without one in one line. */
    static SubmitState read(Path run) {
        Path file = run.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no submitted run in " + run + " (no " + FILE + "); fix: point --out at the"
                    + " folder given to strata submit");
        }
        try {
            Map<String, String> m = ConfigText.read(file);
            int tasks = Integer.parseInt(m.get("tasks"));
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < tasks; k++) {
                labels.add(m.getOrDefault("label_" + k, "task " + k));
            }
            List<Job> jobs = new ArrayList<>();
            for (String j : m.get("jobs").split(";")) {
                String[] idTasks = j.split("=", 2);
                jobs.add(new Job(idTasks[0], Arrays.stream(idTasks[1].split(",")).map(Integer::valueOf).toList()));
            }
            return new SubmitState(TaskKind.valueOf(m.get("kind").toUpperCase(Locale.ROOT)), labels,
                    Integer.parseInt(m.get("array_max")), jobs);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(file + " is damaged (" + e.getMessage() + "); fix: submit the run again into"
                    + " a new --out", e);
        }
    }
}
