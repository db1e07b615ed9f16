package dev.strata.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.DatagenCommand;
import dev.strata.cli.DatagenProblem;
import dev.strata.cli.StrataCommand;
import dev.strata.cli.invert.PhysicalProblem;
import dev.strata.cli.invert.SyntheticProblem;
import dev.strata.forward.geology.LayeredVelocityModel;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny memorization experiment (N = 4 and 8, 16 x 16 cells, 10 training steps, 2 DPS samples of 8 steps), run
 * once through the command line: its report, figures and rows; the memorization check, which holds against the run's
 * own training set and fails against a training set of another seed; the closed-form weights against an independent
 * computation; bad input.
 */
class MemorizationExperimentTest {
    static final long SEED = 3;

    @TempDir
    static Path tmp;

    private static Path out;
    private static String stdout;

    @BeforeAll
    static void runTinyExperiment() {
        out = tmp.resolve("memo");
        String[] r = run("experiment", "memorization", "--out", out.toString(), "--sizes", "4,8", "--grid", "16",
                "--train-steps", "10", "--samples", "2", "--steps", "8", "--seed", Long.toString(SEED), "--json");
        assertEquals("0", r[0], r[2]);
        stdout = r[1];
    }

    @Test
    void writesReportFiguresAndOneJsonObject() throws Exception {
        for (String f : List.of(ExperimentLayout.REPORT, ExperimentLayout.RESULTS, ExperimentLayout.RMSE_PNG,
                ExperimentLayout.MEMORIZATION_PNG, ExperimentLayout.MODELS_PNG)) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(1, stdout.lines().count(), stdout);
        assertTrue(stdout.startsWith("{\"command\":\"experiment memorization\",\"size\":\"reduced\""), stdout);
        assertTrue(stdout.contains("\"n4.closed_form_check\":"), stdout);
        String report = Files.readString(out.resolve(ExperimentLayout.REPORT));
        assertTrue(report.contains("N = 4,8 of 16 x 16 cells"), report);
        assertTrue(report.contains("| DPS memorized N=4 |"), report);
    }

    @Test
    void everyTableRowIsFinite() throws Exception {
        List<String> rows = Files.readString(out.resolve(ExperimentLayout.REPORT)).lines()
                .filter(l -> l.matches("\\| \\d+ \\| (memorized|network) \\|.*")).toList();
        assertEquals(4, rows.size(), String.join("\n", rows));
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertEquals(16, cells.length, row);
            for (int i = 3; i < cells.length; i++) {
                assertTrue(Double.isFinite(Double.parseDouble(cells[i].strip())), row);
            }
        }
    }

    /**
     * Under a memorized prior the DPS samples copy training models: the memorization share against the run's own set
     * is high, and against a set of another seed (the deliberately wrong input) it is low, so the check fails.
     */
    @Test
    void memorizedSamplesAreRecognisedAndTheCheckFailsAgainstAnotherSet() {
        ExperimentLayout layout = new ExperimentLayout(out);
        Path run = layout.inversion(4, PriorKind.MEMORIZED);
        float[] truth = MemorizedSet.read(layout.truth()).models();
        Path other = tmp.resolve("other-4.h5");
        DatagenCommand.writeTrainingSet(DatagenProblem.FWI, MemorizationSettings.FAMILY,
                LayeredVelocityModel.faulted(new SectionGrid(16, 16, 10, 10)), 4, SEED + 17, other);
        try (ComputeBackend backend = ComputeBackends.open("jvm")) {
            PhysicalProblem problem = SyntheticProblem.of("fwi", layout.truth(), 0.05, SEED, backend);
            MemorizedSet own = MemorizedSet.read(layout.trainingSet(4));
            ClosedFormPosterior ownForm = ClosedFormPosterior.of(own, problem);
            ClosedFormCheck right = ClosedFormCheck.of(RunMetrics.measure(run, truth, own, ownForm),
                    ownForm.effectiveModels());
            MemorizedSet wrong = MemorizedSet.read(other);
            ClosedFormPosterior wrongForm = ClosedFormPosterior.of(wrong, problem);
            ClosedFormCheck wrongCheck = ClosedFormCheck.of(RunMetrics.measure(run, truth, wrong, wrongForm),
                    wrongForm.effectiveModels());
            assertTrue(right.memorized(), right.verdict());
            assertFalse(wrongCheck.memorized(), wrongCheck.verdict());
            assertFalse(wrongCheck.holds(), wrongCheck.verdict());
        }
    }

    /**
     * The closed form's weights, recomputed independently: w_k ∝ exp(-||W(x_k) - y_w||^2 / 2) from each training
     * model's own whitened misfit through the physical operator, and 1 / sum w^2.
     */
    @Test
    void closedFormWeightsMatchAnIndependentComputation() {
        ExperimentLayout layout = new ExperimentLayout(out);
        MemorizedSet set = MemorizedSet.read(layout.trainingSet(8));
        try (ComputeBackend backend = ComputeBackends.open("jvm")) {
            PhysicalProblem problem = SyntheticProblem.of("fwi", layout.truth(), 0.05, SEED, backend);
            ClosedFormPosterior cf = ClosedFormPosterior.of(set, problem);
            double[] expected = independentWeights(set, problem);
            for (int k = 0; k < set.n(); k++) {
                assertEquals(expected[k], cf.weights()[k], 1e-6, "w_" + k);
            }
            double ess = 0;
            for (double w : expected) {
                ess += w * w;
            }
            assertEquals(1 / ess, cf.effectiveModels(), 1e-6 / ess);
        }
    }

    /** Weights from the squared whitened residual of each model alone, in double, with the log-sum-exp shift. */
    private static double[] independentWeights(MemorizedSet set, PhysicalProblem problem) {
        float[] y = problem.data();
        double[] sigma = problem.sigma();
        double[] log = new double[set.n()];
        for (int k = 0; k < set.n(); k++) {
            float[] model = java.util.Arrays.copyOfRange(set.models(), k * set.size(), (k + 1) * set.size());
            float[] f = problem.operator().apply(model, 1);
            double r2 = 0;
            for (int j = 0; j < y.length; j++) {
                double r = (f[j] - y[j]) / sigma[j];
                r2 += r * r;
            }
            log[k] = -r2 / 2;
        }
        double max = java.util.Arrays.stream(log).max().orElseThrow();
        double sum = 0;
        double[] w = new double[log.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.exp(log[k] - max);
            sum += w[k];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
        return w;
    }

    @Test
    void badSizesAreOneLineAndExitCodeTwoWithNothingWritten() {
        for (String sizes : List.of("50,abc", "1,8", "")) {
            Path dir = tmp.resolve("bad-" + sizes.length());
            String[] r = run("experiment", "memorization", "--out", dir.toString(), "--sizes", sizes);
            assertEquals("2", r[0], sizes + ": " + r[2]);
            assertEquals(1, r[2].lines().count(), r[2]);
            assertTrue(r[2].startsWith("strata: --sizes"), r[2]);
            assertFalse(Files.exists(dir), dir.toString());
        }
    }

    @Test
    void nonEmptyOutWithoutResumeAndUnwritableOutAreRefused() throws Exception {
        String[] r = run("experiment", "memorization", "--out", out.toString(), "--sizes", "4");
        assertEquals("2", r[0], r[2]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].contains("already holds files; fix: add --resume"), r[2]);
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        r = run("experiment", "memorization", "--out", file.resolve("sub").toString(), "--sizes", "4");
        assertEquals("2", r[0], r[2]);
        assertEquals(1, r[2].lines().count(), r[2]);
    }

    /** A resumed run keeps every finished run and measures the same numbers; other options are refused. */
    @Test
    void resumeKeepsTheRunsAndRefusesOtherOptions() {
        String[] again = run("experiment", "memorization", "--out", out.toString(), "--sizes", "4,8", "--grid", "16",
                "--train-steps", "10", "--samples", "2", "--steps", "8", "--seed", Long.toString(SEED), "--json",
                "--resume");
        assertEquals("0", again[0], again[2]);
        assertEquals(withoutSeconds(stdout), withoutSeconds(again[1]));
        String[] other = run("experiment", "memorization", "--out", out.toString(), "--sizes", "4,8", "--resume");
        assertEquals("2", other[0], other[2]);
        assertEquals(1, other[2].lines().count(), other[2]);
        assertTrue(other[2].contains("--resume: the experiment in"), other[2]);
    }

    private static String withoutSeconds(String json) {
        return json.replaceAll("\"[^\"]*seconds[^\"]*\":[0-9.eE+-]+,?", "");
    }

    /** Exit code, stdout and stderr of one in-process command line. */
    private static String[] run(String... args) {
        var cl = StrataCommand.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), o.toString(), e.toString()};
    }
}
