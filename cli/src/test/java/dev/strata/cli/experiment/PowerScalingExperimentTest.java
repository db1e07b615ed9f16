package dev.strata.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.CliRunner;
import dev.strata.cli.invert.ImageMetrics;
import dev.strata.io.ConfigText;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny power-scaling experiment (16 x 16 cells, 8 models, 10 training steps, 2 samples of 3 levels; lambda 0 and
 * 2, alpha 0.5 and 1, the joint grid at lambda 2), run once through the command line: its report, figures and table; every number of one setting
 * recomputed from the samples it stored (and shown to differ for another setting's samples), the findings recomputed
 * from the table, resume, and bad input.
 */
class PowerScalingExperimentTest {
    static final List<String> OPTIONS = List.of("--grid", "16", "--models", "8", "--train-steps", "10", "--samples",
            "2", "--steps", "3", "--lambdas", "0,2", "--alphas", "0.5,1", "--grid-lambdas", "2", "--seed", "5", "--json");

    @TempDir
    static Path tmp;

    private static Path out;
    private static String stdout;

    @BeforeAll
    static void runTinyExperiment() {
        out = tmp.resolve("power");
        CliRunner r = run(out, false);
        assertEquals(0, r.exitCode(), r.err());
        stdout = r.out();
    }

    private static CliRunner run(Path dir, boolean resume) {
        List<String> args = new java.util.ArrayList<>(List.of("experiment", "power-scaling", "--out", dir.toString()));
        args.addAll(OPTIONS);
        if (resume) {
            args.add("--resume");
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void writesReportFiguresTheConditionedSetAndOneJsonObject() throws Exception {
        PowerScalingLayout layout = new PowerScalingLayout(out);
        for (Path f : List.of(layout.report(), layout.results(), layout.problemPng(), layout.lambdaPng(),
                layout.alphaPng(), layout.gridPng(), layout.residualPng(), layout.diversityPng(),
                layout.network().resolve("training-set-rtm.h5"))) {
            assertTrue(Files.size(f) > 0, f.toString());
        }
        assertEquals(1, stdout.lines().count(), stdout);
        assertTrue(stdout.startsWith("{\"command\":\"experiment power-scaling\""), stdout);
        String report = Files.readString(layout.report());
        List<String> rows = report.lines().filter(l -> l.matches("\\| [0-9.]+ \\| [0-9.]+ \\| (ODE|predictor).*"))
                .toList();
        assertEquals(List.of("0 | 1", "1 | 0.5", "1 | 1", "2 | 0.5", "2 | 1"),
                rows.stream().map(l -> l.split(" \\| ")[0].substring(2) + " | " + l.split(" \\| ")[1]).toList(),
                report);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertEquals(11, cells.length, row);
            for (int i = 4; i < cells.length; i++) {
                assertTrue(Double.isFinite(Double.parseDouble(cells[i].strip())), row);
            }
        }
        java.util.Properties sidecar = new java.util.Properties();
        sidecar.load(new java.io.StringReader(Files.readString(layout.network().resolve("network.properties"))));
        assertEquals("rtm", sidecar.getProperty("train.condition"));
        assertEquals("1", sidecar.getProperty("net.conditionChannels"));
    }

    /**
     * The numbers of a setting follow from its stored samples: RMSE and SSIM of their mean and their pixel std,
     * recomputed here; another setting's samples (the deliberately wrong input) give other numbers.
     */
    @Test
    void tableNumbersFollowFromTheStoredSamples() throws Exception {
        PowerScalingLayout layout = new PowerScalingLayout(out);
        Map<String, String> results = ConfigText.read(layout.results());
        float[] truth = MemorizedSet.read(layout.truth()).models();
        LearnedPriorCheckpoint c = LearnedPriorCheckpoint.read(layout.network());
        PowerSetting p = new PowerSetting(2, 0.5);
        double[] right = recomputed(c, layout.samples(p), truth);
        double[] wrong = recomputed(c, layout.samples(new PowerSetting(0, 1)), truth);
        String[] keys = {"mean_rmse", "ssim", "pixel_std"};
        for (int i = 0; i < keys.length; i++) {
            double reported = Double.parseDouble(results.get(p.id() + "." + keys[i]));
            assertEquals(right[i], reported, 1e-4 * Math.max(1, Math.abs(right[i])), keys[i]);
            assertNotEquals(wrong[i], reported, 1e-4 * Math.max(1, Math.abs(wrong[i])), keys[i]);
        }
    }

    /** Mean RMSE, SSIM of the mean, mean pixel std (population n - 1) of the physical samples in {@code file}. */
    private static double[] recomputed(LearnedPriorCheckpoint c, Path file, float[] truth) throws Exception {
        float[] x = new float[(int) (Files.size(file) / 4)];
        ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(x);
        float[] v = c.normalisation().physical(x);
        int size = truth.length;
        int n = v.length / size;
        float[] mean = new float[size];
        double std = 0;
        for (int j = 0; j < size; j++) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                s += v[i * size + j];
                s2 += (double) v[i * size + j] * v[i * size + j];
            }
            mean[j] = (float) (s / n);
            std += Math.sqrt(Math.max(0, (s2 - s * s / n) / (n - 1))) / size;
        }
        ImageMetrics m = ImageMetrics.of(mean, truth, 0, 16, 16);
        return new double[] {m.rmse(), m.ssim(), std};
    }

    /** The findings are the table's: the best lambda is the alpha = 1 row of least residual. */
    @Test
    void findingsFollowFromTheTable() throws Exception {
        Map<String, String> results = ConfigText.read(new PowerScalingLayout(out).results());
        double r0 = Double.parseDouble(results.get("lambda-0-alpha-1.residual"));
        double r1 = Double.parseDouble(results.get("lambda-1-alpha-1.residual"));
        double r2 = Double.parseDouble(results.get("lambda-2-alpha-1.residual"));
        double best = r0 <= r1 && r0 <= r2 ? 0 : r1 <= r2 ? 1 : 2;
        assertEquals(best, Double.parseDouble(results.get("best_lambda")));
        boolean falls = Double.parseDouble(results.get("lambda-1-alpha-1.pixel_std"))
                < Double.parseDouble(results.get("lambda-1-alpha-0.5.pixel_std"));
        assertEquals(falls, Boolean.parseBoolean(results.get("spread_falls_with_alpha")));
    }

    /** A resumed run keeps the network and every setting's samples and reports the same numbers. */
    @Test
    void resumeKeepsTheSamplesAndRefusesOtherOptions() throws Exception {
        Path samples = new PowerScalingLayout(out).samples(new PowerSetting(2, 0.5));
        long before = Files.getLastModifiedTime(samples).toMillis();
        CliRunner again = run(out, true);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(withoutSeconds(stdout), withoutSeconds(again.out()));
        assertEquals(before, Files.getLastModifiedTime(samples).toMillis());
        CliRunner other = CliRunner.run("experiment", "power-scaling", "--out", out.toString(), "--resume");
        assertEquals(2, other.exitCode(), other.err());
        assertEquals(1, other.err().lines().count(), other.err());
        assertTrue(other.err().contains("--resume: the experiment in"), other.err());
    }

    @Test
    void badPowersAreOneLineAndExitCodeTwoWithNothingWritten() {
        for (String[] bad : new String[][] {{"--alphas", "0,1"}, {"--lambdas", "1,x"}, {"--lambdas", "-1"}}) {
            Path dir = tmp.resolve("bad-" + bad[0].substring(2) + bad[1].length());
            CliRunner r = CliRunner.run("experiment", "power-scaling", "--out", dir.toString(), bad[0], bad[1]);
            assertEquals(2, r.exitCode(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("strata: " + bad[0]), r.err());
            assertFalse(Files.exists(dir), dir.toString());
        }
    }

    private static String withoutSeconds(String json) {
        return json.replaceAll("\"[^\"]*seconds[^\"]*\":[0-9.eE+-]+,?", "");
    }
}
