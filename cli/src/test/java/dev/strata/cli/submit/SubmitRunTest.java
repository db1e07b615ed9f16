package dev.strata.cli.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.UserInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata submit} against a scripted Slurm: what a submission leaves in the run folder, and what it refuses. */
class SubmitRunTest {
    @TempDir
    Path tmp;

    private static final TaskPlan PLAN = new InvertTasks(List.of("--problem", "seismic", "--samples", "4"), 2);
    private static final SlurmOptions OPTIONS = new SlurmOptions("", "", 0, 0, "", 1);
    private static final List<String> LAUNCHER = List.of("/opt/strata/strata");

    @Test
    void submitWritesTheScriptTheLogFolderAndTheJob() throws Exception {
        Path run = tmp.resolve("run");
        ScriptedSlurm slurm = new ScriptedSlurm();
        StringWriter out = new StringWriter();
        SubmitRun.submit(PLAN, run, tmp, OPTIONS, LAUNCHER, false, slurm, new PrintWriter(out));
        assertEquals(List.of("0-1%1"), slurm.submitted);
        assertTrue(out.toString().startsWith("submitted job 101: 2 task(s) of strata invert (array 0-1%1)"),
                out.toString());
        assertTrue(Files.isDirectory(run.resolve("logs")), "Slurm does not create the log folder itself");
        assertEquals(SbatchScript.render(PLAN, run, tmp, OPTIONS, LAUNCHER), Files.readString(run.resolve(
                SubmitState.SCRIPT)));
        SubmitState state = SubmitState.read(run);
        assertEquals(new SubmitState(TaskKind.INVERT, List.of("share 0/2", "share 1/2"), 1,
                List.of(new SubmitState.Job("101", List.of(0, 1)))), state);
        UserInputException again = assertThrows(UserInputException.class, () -> SubmitRun.submit(PLAN, run, tmp,
                OPTIONS, LAUNCHER, false, slurm, new PrintWriter(new StringWriter())));
        assertTrue(again.getMessage().contains("already holds a submitted run"), again.getMessage());
    }

    @Test
    void aRefusedSubmissionLeavesNothingBehind() {
        Path run = tmp.resolve("run");
        ScriptedSlurm slurm = new ScriptedSlurm();
        slurm.refuse = true;
        UserInputException e = assertThrows(UserInputException.class, () -> SubmitRun.submit(PLAN, run, tmp, OPTIONS,
                LAUNCHER, false, slurm, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().startsWith("sbatch refused the job"), e.getMessage());
        assertFalse(Files.exists(run), "nothing written");
    }

    @Test
    void submitRefusesAFolderHoldingTaskOutputsOfAnotherRun() throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run.resolve("task-0"));
        ScriptedSlurm slurm = new ScriptedSlurm();
        UserInputException e = assertThrows(UserInputException.class, () -> SubmitRun.submit(PLAN, run, tmp, OPTIONS,
                LAUNCHER, false, slurm, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("already holds task outputs"), e.getMessage());
        assertTrue(slurm.submitted.isEmpty());
    }

    @Test
    void aPathAnSbatchLineCannotHoldIsRefused() {
        UserInputException e = assertThrows(UserInputException.class, () -> SubmitRun.submit(PLAN,
                tmp.resolve("my run"), tmp, OPTIONS, LAUNCHER, true, new ScriptedSlurm(),
                new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("an #SBATCH line cannot hold"), e.getMessage());
    }
}
