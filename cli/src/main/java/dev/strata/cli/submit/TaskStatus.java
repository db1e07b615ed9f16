package dev.strata.cli.submit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where one task of a submitted run stands, from its files first and Slurm second: done when its output is complete
 * (whatever Slurm says); else queued or running while Slurm's queue holds it; else ended unfinished, with the end
 * state Slurm recorded (FAILED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, CANCELLED, ...), and then it is to be resubmitted.
 *
 * @param task     the array index
 * @param label    what it computes
 * @param done     its output is complete
 * @param state    Slurm's state of its latest job, or {@code UNKNOWN}
 * @param progress what its files hold, in words
 * @param log      the log of its latest job
 */
public record TaskStatus(int task, String label, boolean done, String state, String progress, Path log) {
    /** States of a task that has left Slurm's hands (UNKNOWN: not in the queue, no record of its end). */
    private static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT",
            "OUT_OF_MEMORY", "NODE_FAIL", "BOOT_FAIL", "DEADLINE", "PREEMPTED", "UNKNOWN");

    /** Still pending, running or finishing in Slurm, and not done: leave it. */
    public boolean active() {
        return !done && !ENDED.contains(state);
    }

    /** Ended without its complete output: resubmit it. */
    public boolean toResubmit() {
        return !done && ENDED.contains(state);
    }

    /** One line: the task, its state, its files, its log. */
    public String line() {
        return "task " + task + " (" + label + "): " + (done ? "done" : state) + ", " + progress + ", log " + log;
    }

    /**
     * The status of every task of a run.
     *
     * @param source where the end states came from, in words
     */
    record Report(List<TaskStatus> tasks, String source) {
    }

    /** The status of every task of the run in {@code run}. */
    static Report of(SubmitState state, Path run, Slurm slurm) {
        List<String> ids = state.jobs().stream().map(SubmitState.Job::id).toList();
        var queued = slurm.queued(ids);
        Slurm.EndStates ended = slurm.finished(ids);
        List<TaskStatus> out = new ArrayList<>();
        for (int k = 0; k < state.labels().size(); k++) {
            SubmitState.Job job = state.latest(k);
            String key = job.id() + "_" + k;
            String s = queued.getOrDefault(key, ended.states().getOrDefault(key, "UNKNOWN"));
            TaskKind.TaskProgress p = state.kind().progress(run, k);
            out.add(new TaskStatus(k, state.labels().get(k), p.done(), s, p.words(),
                    SbatchScript.log(run, state.kind(), job.id(), k)));
        }
        return new Report(out, ended.source());
    }
}
