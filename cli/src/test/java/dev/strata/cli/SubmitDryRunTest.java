package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata submit --dry-run}: the sbatch array script it would submit, and the command lines it refuses. */
class SubmitDryRunTest {
    @TempDir
    Path tmp;
    Path model;
    Path run;

    @BeforeEach
    void model() throws Exception {
        model = InvertFixtures.seismicModel(tmp);
        run = tmp.resolve("run");
    }

    @Test
    void anInvertRunBecomesAnArrayWithOneShareAndOneStorePerTask() {
        CliRunner r = InvertFixtures.runOk("submit", "--slurm", "--dry-run", "--out", run.toString(), "--array-max",
                "2", "--partition", "debug", "--time", "10:00", "--", "invert", "--problem", "seismic", "--true",
                model.toString(), "--samples", "6", "--batch", "2", "--steps", "4");
        String script = r.out();
        assertTrue(script.startsWith("#!/bin/bash\n"), script);
        for (String line : new String[] {"#SBATCH --job-name=strata-invert", "#SBATCH --array=0-2%2",
            "#SBATCH --output=" + run + "/logs/%x-%A_%a.out", "#SBATCH --partition=debug", "#SBATCH --time=10:00",
            "task=\"${SLURM_ARRAY_TASK_ID:?", "out='" + run + "'/task-\"$task\"",
            "    exec \"${strata[@]}\" invert --resume --out \"$out\"",
            "'--samples' '6' '--batch' '2' '--steps' '4' --shard \"$task/3\" --out \"$out\""}) {
            assertTrue(script.contains(line), line + " is not in\n" + script);
        }
        assertTrue(script.contains("'dev.strata.cli.Main')"), "the launcher is this JVM's command line\n" + script);
        assertFalse(Files.exists(run), "a dry run writes nothing");
    }

    @Test
    void gpusPerTaskGiveEachTaskItsOwnFirstDevice() {
        String[] base = {"submit", "--dry-run", "--out", run.toString(), "--gpus-per-task", "1", "--tasks", "2", "--",
            "invert", "--problem", "seismic", "--true", model.toString(), "--prior", "network:" + tmp, "--samples",
            "4", "--batch", "2"};
        String script = InvertFixtures.runOk(base).out();
        assertTrue(script.contains("#SBATCH --gpus-per-task=1"), script);
        assertTrue(script.contains("'--device' 'gpu:0' --shard \"$task/2\""), script);
        CliRunner other = CliRunner.run(InvertCrashSafetyTest.concat(base, "--device", "gpu:1"));
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.err().contains("fix: --device gpu:0"), other.err());
    }

    @Test
    void aBenchMatrixBecomesOneTaskPerCell() {
        CliRunner r = InvertFixtures.runOk("submit", "--dry-run", "--out", run.toString(), "--matrix",
                "backend=jvm,tornadovm:0", "--matrix", "n=256,512", "--", "bench", "--steps", "10", "--json");
        String script = r.out();
        for (String line : new String[] {"#SBATCH --job-name=strata-bench", "#SBATCH --array=0-3",
            "    0) cell=('--backend' 'jvm' '--n' '256') ;;", "    3) cell=('--backend' 'tornadovm:0' '--n' '512') ;;",
            "out='" + run + "'/task-\"$task\".jsonl",
            "\"${strata[@]}\" bench '--steps' '10' \"${cell[@]}\" --json > \"$out.part\"", "mv \"$out.part\" \"$out\""}) {
            assertTrue(script.contains(line), line + " is not in\n" + script);
        }
    }

    @Test
    void submitRefusesWhatItCannotRunInOneLine() {
        String[] invert = {"--", "invert", "--problem", "seismic", "--true", model.toString(), "--samples", "6",
            "--batch", "2"};
        refused("each task writes RUN/task-K", InvertCrashSafetyTest.concat(new String[] {"submit", "--dry-run"},
                InvertCrashSafetyTest.concat(invert, "--out", run.toString())));
        refused("each task's share is its array index", InvertCrashSafetyTest.concat(new String[] {"submit",
            "--dry-run"}, InvertCrashSafetyTest.concat(invert, "--shard", "0/2")));
        refused("--tasks 4: the run has 3 batch(es)", InvertCrashSafetyTest.concat(new String[] {"submit",
            "--dry-run", "--tasks", "4"}, invert));
        refused("bench task 0 (size=256): Unknown options: '--size'", "submit", "--dry-run", "--matrix", "size=256,512", "--", "bench");
        refused("not 'experiment'", "submit", "--dry-run", "--", "experiment", "--grid", "x");
        refused("nothing to submit", "submit", "--dry-run");
        refused("--time '1 day'", InvertCrashSafetyTest.concat(new String[] {"submit", "--dry-run", "--time",
            "1 day"}, invert));
        refused("does not exist", "submit", "--dry-run", "--", "invert", "--problem", "seismic", "--data",
                tmp.resolve("absent.h5").toString());
        refused("no submitted run in", "submit", "--status", "--out", run.toString());
        assertFalse(Files.exists(run), "nothing written");
    }

    private static void refused(String expected, String... args) {
        CliRunner r = CliRunner.run(args);
        assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), expected + " is not in " + r.err());
    }
}
