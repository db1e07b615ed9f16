package dev.strata.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.cli.CliRunner;
import dev.strata.sampler.latent.InversionTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny LD-DIM experiment (8 x 8 cells, 20 training steps per network, 5 iterations, 2 restarts), run once through
 * the command line: its report, figures and rows, and the seed's claims judged from the table's own numbers (a
 * verdict that does not follow the numbers is shown to be caught by feeding the judge swapped numbers); bad input.
 */
class LdDimExperimentTest {
    @TempDir
    static Path tmp;

    private static Path out;
    private static String stdout;

    private static final String[] TINY = {"--grid", "8", "--vae-steps", "20", "--latent-steps", "20",
        "--iterations", "5", "--restarts", "2", "--seed", "3"};

    @BeforeAll
    static void runTinyExperiment() {
        out = tmp.resolve("ld");
        CliRunner r = run(out, false);
        assertEquals(0, r.exitCode(), r.err());
        stdout = r.out();
    }

    private static CliRunner run(Path dir, boolean resume) {
        List<String> args = new java.util.ArrayList<>(List.of("experiment", "ld-dim", "--out", dir.toString()));
        args.addAll(List.of(TINY));
        if (resume) {
            args.add("--resume");
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** A resumed run reuses the kept priors and inversions (files untouched) and reports the same numbers. */
    @Test
    void resumeReusesTheKeptPriorsAndInversions() throws Exception {
        Path trace = out.resolve("data").resolve("grf-ld-dim.trace");
        long before = Files.getLastModifiedTime(trace).toMillis();
        String rows = Files.readString(out.resolve(LdDimReport.RESULTS)).replaceAll("\"seconds\":[0-9.eE+-]+", "");
        CliRunner again = run(out, true);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(before, Files.getLastModifiedTime(trace).toMillis());
        assertEquals(rows, Files.readString(out.resolve(LdDimReport.RESULTS)).replaceAll("\"seconds\":[0-9.eE+-]+",
                ""));
        CliRunner other = CliRunner.run("experiment", "ld-dim", "--out", out.toString(), "--resume");
        assertEquals(2, other.exitCode(), other.err());
        assertEquals(1, other.err().lines().count(), other.err());
    }

    @Test
    void writesReportFiguresAndRows() throws Exception {
        for (String f : List.of(LdDimReport.REPORT, LdDimReport.RESULTS, LdDimFigures.FIELDS, "convergence-grf.png",
                "convergence-bimaterial.png", "error-grf.png", "error-bimaterial.png", "stages.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(8, Files.readString(out.resolve(LdDimReport.RESULTS)).lines().count());
        assertTrue(stdout.contains("wrote "), stdout);
        List<String> rows = Files.readString(out.resolve(LdDimReport.REPORT)).lines()
                .filter(l -> l.matches("\\| (ld-dim|vae|pixel) \\|.*")).toList();
        assertEquals(6, rows.size(), String.join("\n", rows));
    }

    /** Every "more accurate than X (a vs b): verdict" line agrees with a < b, and a's are the table's LD-DIM means. */
    @Test
    void claimsFollowTheTablesNumbers() throws Exception {
        String report = Files.readString(out.resolve(LdDimReport.REPORT));
        Matcher m = Pattern.compile("more accurate than (\\w+) \\(mean rel\\. L2 ln K ([0-9.]+) vs ([0-9.]+)\\):"
                + " (holds|does not hold)").matcher(report);
        int found = 0;
        while (m.find()) {
            boolean less = Double.parseDouble(m.group(2)) < Double.parseDouble(m.group(3));
            assertEquals(less ? "holds" : "does not hold", m.group(4), m.group());
            assertTrue(report.contains("| ld-dim | " + m.group(2) + " +- "), m.group());
            found++;
        }
        assertEquals(4, found, report);
    }

    /** The judge, fed LD-DIM numbers worse than the baseline's, says the claim does not hold. */
    @Test
    void swappedNumbersFlipTheVerdict() {
        InversionTrace t = new InversionTrace(new double[][] {{1, 1}}, new double[][] {{0, 0}}, new float[2],
                new float[2]);
        double[] nan = {Double.NaN, Double.NaN};
        LdDimMetrics good = new LdDimMetrics("ld-dim", t, new double[] {0.1, 0.1}, nan, nan, nan, nan, 1);
        LdDimMetrics bad = new LdDimMetrics("pixel", t, new double[] {0.5, 0.7}, nan, nan, nan, nan, 1);
        PosteriorView v = new PosteriorView(new float[1], new float[1], 0, 0, 0);
        var right = new LdDimExperiment.FamilyResult(LdDimSurvey.Family.GRF, new float[1], List.of(good, bad), v, 0);
        var swapped = new LdDimExperiment.FamilyResult(LdDimSurvey.Family.GRF, new float[1],
                List.of(new LdDimMetrics("ld-dim", t, bad.logkError(), nan, nan, nan, nan, 1),
                        new LdDimMetrics("pixel", t, good.logkError(), nan, nan, nan, nan, 1)), v, 0);
        assertTrue(LdDimReport.claims(right).getFirst().endsWith(": holds"), LdDimReport.claims(right).toString());
        assertTrue(LdDimReport.claims(swapped).getFirst().endsWith(": does not hold"));
    }

    @Test
    void aGridNotDivisibleByFourIsOneLineAndExitCodeTwoWithNothingWritten() {
        Path dir = tmp.resolve("bad");
        CliRunner r = CliRunner.run("experiment", "ld-dim", "--out", dir.toString(), "--grid", "10");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--grid must be a multiple of 4"), r.err());
        assertFalse(Files.exists(dir));
    }
}
