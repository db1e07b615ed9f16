package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strata invert reports the kernel Stein discrepancy of its samples against the posterior: samples guided by the
 * data (corrected DPS) score far lower than samples of the prior alone, which ignore the data.
 */
class InvertSteinDiagnosticTest {

    private static double ksd(Path out, String guidance) {
        CliRunner r = InvertFixtures.runOk("invert", "--problem", "seismic+wells", "--true", "builtin:seismic",
                "--guidance", guidance, "--samples", "6", "--steps", "16", "--json", "--out", out.toString());
        Matcher m = Pattern.compile("\"ksd\":([0-9.eE+-]+)").matcher(r.out());
        assertTrue(m.find(), "no ksd in the done event: " + r.out());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void dataGuidedSamplesScoreLowerThanPriorSamples(@TempDir Path tmp) {
        double guided = ksd(tmp.resolve("cdps"), "cdps");
        double prior = ksd(tmp.resolve("none"), "none");
        assertTrue(Double.isFinite(guided) && guided > 0, "ksd " + guided);
        assertTrue(guided < prior / 5, "guided " + guided + " vs prior alone " + prior);
    }
}
