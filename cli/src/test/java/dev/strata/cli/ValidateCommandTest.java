package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata validate --quick}: the CI subset of the validation suite must run and meet every bound. */
class ValidateCommandTest {

    @Test
    void quickValidationMeetsEveryBoundAndPrintsOneJsonObjectPerRow() {
        CliRunner r = CliRunner.run("validate", "--json", "--quick");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() >= 7, "rows: " + lines.size());
        for (String l : lines) {
            assertTrue(l.startsWith("{\"sampler\":\"") && l.endsWith("}"), "not one JSON object: " + l);
            for (String key : new String[] {"oracle", "meanErr", "stdErr", "coverage90", "seconds", "ok", "bound"}) {
                assertTrue(l.contains("\"" + key + "\":"), key + " missing in " + l);
            }
            assertTrue(l.contains("\"ok\":true"), l);
        }
        assertTrue(r.out().contains("\"oracle\":\"gmm-linear\""), r.out());
        assertTrue(r.out().contains("\"sampler\":\"pcn\"") && r.out().contains("\"essMin\":"), r.out());
        for (String l : lines) {
            boolean givenTheAnswer = l.contains("\"sampler\":\"memorized-exact\"")
                    || l.contains("\"sampler\":\"linearised-gmm\"") || l.contains("\"sampler\":\"edm-heun-32\"");
            if (givenTheAnswer) {
                assertFalse(l.contains("essPerSecond"), "a sampler handed the answer claims ESS/s: " + l);
                assertTrue(l.contains("\"drawsPerSecond\":") && l.contains("not comparable with MCMC"), l);
            }
            if (l.contains("\"sampler\":\"pcn\"")) {
                assertTrue(l.contains("\"essPerSecond\":") && l.contains("ESSmin>=100"), l);
            }
        }
        assertTrue(r.out().contains("\"sampler\":\"tmpd-tweedie-edm-heun-32\""), r.out());
    }

    @Test
    void reportHoldsEveryRowWithItsCalibrationAndTheFigure(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("report");
        CliRunner r = CliRunner.run("validate", "--quick", "--oracle", "gmm-iso", "--report", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| sampler | oracle | n | meanErr | stdErr | cov 50 | cov 80 | cov 90 | cov 95"), md);
        long rows = md.lines().filter(l -> l.startsWith("| ") && l.contains("gmm-iso")).count();
        assertTrue(rows >= 1, md);
        assertFalse(md.contains("NaN"), "a row without its calibration: " + md);
        assertTrue(Files.size(dir.resolve("calibration.png")) > 1000);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRunner bad = CliRunner.run("validate", "--quick", "--report", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("--report " + file + " is a file"), bad.err());
    }

    @Test
    void filterThatMatchesNothingIsBadInput() {
        CliRunner r = CliRunner.run("validate", "--quick", "--sampler", "nosuch");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("edm-heun-32 @ gaussian-linear"), r.err());
    }

    @Test
    void helpNamesTheBounds() {
        CliRunner r = CliRunner.run("validate", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Usage: strata validate"), r.out());
        assertTrue(r.out().contains("coverage90 in [0.88,0.92]"), r.out());
    }

    @Test
    void textOutputIsATable() {
        CliRunner r = CliRunner.run("validate", "--quick", "--oracle", "gmm-iso");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("sampler"), r.out());
        assertTrue(r.out().contains("linearised-gmm"), r.out());
        assertTrue(r.out().contains("1 rows, 0 outside their bounds"), r.out());
        assertTrue(r.out().contains("draws/s: exact draws, sampler handed the target's own denoiser or closed form, not"
                + " comparable with MCMC"), r.out());
    }

    @Test
    void calibrationAgainstSyntheticTruthsReportsCoverageWithItsErrorAndDrawsItsCurve(@TempDir Path tmp)
            throws Exception {
        Path dir = tmp.resolve("report");
        CliRunner r = CliRunner.run("validate", "--json", "--oracle", "calibration-seismic", "--sampler", "pcn",
                "--report", dir.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        String row = lines.getFirst();
        for (String key : new String[] {"\"oracle\":\"calibration-seismic\"", "\"cases\":60",
                "\"samplesPerCase\":41", "\"coverage50\":", "\"coverage90Se\":", "\"coverage95Expected\":",
                "\"spread\":", "\"essMinOverCases\":", "\"approximate\":false", "\"ok\":true", "3 SE + 0.02"}) {
            assertTrue(row.contains(key), key + " missing in " + row);
        }
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("## Calibration against synthetic truths"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| pcn-") && l.contains("| seismic | 24 x 8 |")), md);
        assertFalse(md.contains("NaN"), md);
        assertTrue(Files.size(dir.resolve("calibration-truths.png")) > 1000);
    }

    @Test
    void fwiCalibrationIsListedButRunsOnlyWhenNamed() {
        CliRunner r = CliRunner.run("validate", "--sampler", "nosuch");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("@ calibration-darcy,"), r.err());
        assertTrue(r.err().contains("@ calibration-fwi (only with --oracle calibration-fwi)"), r.err());
    }
}
