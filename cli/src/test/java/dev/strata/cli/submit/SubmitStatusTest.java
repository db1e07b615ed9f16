package dev.strata.cli.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.invert.InvertSettings;
import dev.strata.cli.invert.ShardSpec;
import dev.strata.io.FloatDataset;
import dev.strata.io.SampleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata submit --status} and {@code --resume} against a scripted Slurm: a task is done by its files whatever
 * Slurm says, left alone while queued, and resubmitted when it ended without its output; and the parsers of what
 * squeue, sacct, the job completion log and scontrol print.
 */
class SubmitStatusTest {
    @TempDir
    Path run;

    /** A bench run of 5 tasks in job 12: task 0 done, 1 running, 2 CANCELLED, 3 TIMEOUT, 4 COMPLETED without output. */
    private ScriptedSlurm fiveTasks() throws Exception {
        new SubmitState(TaskKind.BENCH, List.of("n=1", "n=2", "n=3", "n=4", "n=5"), 2,
                List.of(new SubmitState.Job("12", List.of(0, 1, 2, 3, 4)))).write(run);
        Files.writeString(run.resolve("task-0.jsonl"), "{}\n");
        ScriptedSlurm slurm = new ScriptedSlurm();
        slurm.queued.put("12_1", "RUNNING");
        slurm.ended.putAll(Map.of("12_0", "COMPLETED", "12_2", "CANCELLED", "12_3", "TIMEOUT", "12_4", "COMPLETED"));
        return slurm;
    }

    @Test
    void statusListsEachUnfinishedTaskWithItsStateAndLog() throws Exception {
        StringWriter text = new StringWriter();
        SubmitRun.status(run, fiveTasks(), new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals("strata bench, 5 task(s), job(s) 12: 1 done, 1 queued or running, 3 to resubmit; end states from"
                + " a test", lines.get(0));
        assertEquals("task 1 (n=2): RUNNING, no lines yet, log " + run + "/logs/strata-bench-12_1.out", lines.get(1));
        assertEquals("task 2 (n=3): CANCELLED, no lines yet, log " + run + "/logs/strata-bench-12_2.out", lines.get(2));
        assertTrue(lines.get(3).startsWith("task 3 (n=4): TIMEOUT"), lines.get(3));
        assertTrue(lines.get(4).startsWith("task 4 (n=5): COMPLETED, no lines yet"), lines.get(4));
        assertEquals("resubmit the 3 unfinished task(s): strata submit --resume --out " + run, lines.get(5));
    }

    @Test
    void resumeResubmitsOnlyTheTasksThatEndedUnfinished() throws Exception {
        ScriptedSlurm slurm = fiveTasks();
        StringWriter text = new StringWriter();
        SubmitRun.resume(run, false, slurm, new PrintWriter(text));
        assertEquals(List.of("2-4%2"), slurm.submitted, text.toString());
        SubmitState after = SubmitState.read(run);
        assertEquals(new SubmitState.Job("101", List.of(2, 3, 4)), after.jobs().getLast());
        assertEquals("101", after.latest(3).id());
        assertEquals("12", after.latest(1).id());

        slurm.queued.putAll(Map.of("101_2", "PENDING", "101_3", "RUNNING"));
        slurm.ended.put("101_4", "FAILED");
        StringWriter again = new StringWriter();
        SubmitRun.resume(run, false, slurm, new PrintWriter(again));
        assertEquals(List.of("2-4%2", "4%2"), slurm.submitted, again.toString());
        assertTrue(again.toString().contains("resubmit task 4 (n=5): FAILED, no lines yet, log " + run
                + "/logs/strata-bench-101_4.out"), again.toString());
    }

    @Test
    void aDoneRunIsNotResubmittedAndStatusSaysHowToMerge() throws Exception {
        new SubmitState(TaskKind.BENCH, List.of("a", "b"), 0, List.of(new SubmitState.Job("7", List.of(0, 1))))
                .write(run);
        Files.writeString(run.resolve("task-0.jsonl"), "{}\n");
        Files.writeString(run.resolve("task-1.jsonl"), "{}\n");
        ScriptedSlurm slurm = new ScriptedSlurm();
        StringWriter text = new StringWriter();
        SubmitRun.resume(run, false, slurm, new PrintWriter(text));
        SubmitRun.status(run, slurm, new PrintWriter(text));
        assertTrue(slurm.submitted.isEmpty());
        assertTrue(text.toString().contains("nothing to resubmit"), text.toString());
        assertTrue(text.toString().contains("all tasks done; merge them: strata merge --out " + run.resolve(
                "bench.jsonl") + " " + run + "/task-*.jsonl"), text.toString());
    }

    @Test
    void anInvertTaskIsDoneWhenItsStoreHoldsEveryBatchOfItsShare() throws Exception {
        InvertSettings share = new InvertSettings("seismic", "", "builtin:seismic", 0.05, "gaussian", "edm-euler",
                "dps", "isotropic", 1, 1, 1, 8, 1, 4, 0, 2, "jvm", "cpu", 0, new ShardSpec(1, 2));
        Map<String, String> manifest = new HashMap<>(share.toMap());
        SampleStore store = SampleStore.create(run.resolve("task-1"), manifest);
        assertEquals(new TaskKind.TaskProgress(false, "0 of 2 batches drawn"), TaskKind.INVERT.progress(run, 1));
        store.write(shard(2));
        assertEquals(new TaskKind.TaskProgress(false, "1 of 2 batches drawn"), TaskKind.INVERT.progress(run, 1));
        store.write(shard(6));
        assertEquals(new TaskKind.TaskProgress(true, "2 of 2 batches drawn"), TaskKind.INVERT.progress(run, 1));
        assertFalse(TaskKind.INVERT.progress(run, 0).done(), "no store yet");
    }

    @Test
    void theArrayNamesRunsOfTasksAndTheThrottle() {
        assertEquals("0-3%2", SlurmOptions.array(List.of(0, 1, 2, 3), 2));
        assertEquals("1,3", SlurmOptions.array(List.of(1, 3), 0));
        assertEquals("0-2,5,7-8", SlurmOptions.array(List.of(0, 1, 2, 5, 7, 8), 0));
    }

    @Test
    void slurmsOutputsAreReadAsTaskStates() {
        assertEquals(Map.of("12_0", "RUNNING", "12_1", "PENDING"),
                SlurmCommands.parseStates("12_0|RUNNING\n12_1|PENDING\n12_[2-3]|PENDING\n"));
        assertEquals(Map.of("12_1", "CANCELLED", "12_2", "OUT_OF_MEMORY"),
                SlurmCommands.parseStates("12_1|CANCELLED by 0\n12_2|OUT_OF_MEMORY\n"));
        assertEquals(Map.of("1_1", "CANCELLED", "1_2", "NODE_FAIL"), SlurmCommands.parseJobCompletions(List.of(
                "JobId=3 UserId=root(0) GroupId=root(0) Name=strata-invert JobState=CANCELLED Partition=debug"
                        + " ArrayJobId=1 ArrayTaskId=1 DerivedExitCode=0:0 ExitCode=0:0",
                "JobId=4 UserId=root(0) Name=strata-invert JobState=FAILED ArrayJobId=1 ArrayTaskId=2 ExitCode=3:0",
                "JobId=5 UserId=root(0) Name=strata-invert JobState=NODE_FAIL ArrayJobId=1 ArrayTaskId=2",
                "JobId=6 UserId=root(0) Name=other JobState=COMPLETED")));
        String config = "JobCompLoc              = /var/log/slurm/jobcomp.txt\nJobCompType             ="
                + " jobcomp/filetxt\n";
        assertEquals("/var/log/slurm/jobcomp.txt", SlurmCommands.configValue(config, "JobCompLoc"));
        assertEquals("jobcomp/filetxt", SlurmCommands.configValue(config, "JobCompType"));
        assertEquals("", SlurmCommands.configValue(config, "JobComp"));
    }

    private static SampleStore.ShardContent shard(long first) {
        return new SampleStore.ShardContent(first, new FloatDataset(new float[2 * 4], new int[] {2, 1, 2, 2}),
                new FloatDataset(new float[2], new int[] {2, 1}), new FloatDataset(new float[2 * 3],
                new int[] {2, 1, 3}), Map.of());
    }
}
