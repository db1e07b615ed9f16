package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power-scaled posterior p(y | x)^lambda p(x) (seed 003, alpha = 1) is sampled as corrected DPS with the
 * likelihood's noise variance divided by lambda: lambda = 1 must reproduce corrected DPS, and a larger lambda weighs
 * the data more and fits them closer.
 */
class InvertPowerScalingTest {
    @TempDir
    Path tmp;

    private String[] run(String out, String... guidance) throws Exception {
        Path truth = InvertFixtures.seismicModel(tmp);
        String[] base = {"invert", "--problem", "seismic+wells", "--true", truth.toString(), "--samples", "2",
            "--batch", "2", "--steps", "10", "--out", tmp.resolve(out).toString()};
        String[] args = InvertCrashSafetyTest.concat(base, guidance);
        InvertFixtures.runOk(args);
        return args;
    }

    @Test
    void unitPowersReproduceCorrectedDps() throws Exception {
        run("cdps", "--guidance", "cdps");
        run("power", "--guidance", "power", "--lambda", "1", "--alpha", "1");
        Map<String, float[]> a = InvertFixtures.shardSamples(tmp.resolve("cdps"));
        Map<String, float[]> b = InvertFixtures.shardSamples(tmp.resolve("power"));
        float[] x = a.values().iterator().next();
        float[] y = b.values().iterator().next();
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
            scale = Math.max(scale, Math.abs(x[i]));
        }
        assertTrue(worst <= 1e-4 * scale, "power(1, 1) differs from cdps by " + worst + " (scale " + scale + ")");
    }

    @Test
    void largerLikelihoodPowerFitsTheDataCloser() throws Exception {
        run("one", "--guidance", "power", "--lambda", "1");
        run("four", "--guidance", "power", "--lambda", "4");
        double one = InvertFixtures.rootNumber(tmp.resolve("one/posterior.h5"), "misfit_seismic");
        double four = InvertFixtures.rootNumber(tmp.resolve("four/posterior.h5"), "misfit_seismic");
        assertTrue(four < one, "misfit with lambda 4 (" + four + ") should be below lambda 1 (" + one + ")");
    }

    @Test
    void priorPowerOtherThanOneIsRefusedUntilThereIsACorrector() throws Exception {
        Path truth = InvertFixtures.seismicModel(tmp);
        CliRunner r = CliRunner.run("invert", "--problem", "seismic+wells", "--true", truth.toString(), "--guidance",
                "power", "--alpha", "0.5", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--alpha 0.5") && r.err().contains("Langevin"), r.err());
        assertTrue(!Files.exists(tmp.resolve("x")));
    }
}
