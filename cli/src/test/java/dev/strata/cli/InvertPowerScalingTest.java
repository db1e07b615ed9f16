package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power-scaled posterior p(y | x)^lambda p(x)^alpha (seed 003) is sampled as corrected DPS with the
 * likelihood's noise variance divided by lambda: lambda = 1 must reproduce corrected DPS, a larger lambda weighs the
 * data more and fits them closer, and a prior power alpha other than 1 (with a Langevin corrector) changes the spread.
 */
class InvertPowerScalingTest {
    @TempDir
    Path tmp;

    private String[] run(String out, String... guidance) throws Exception {
        return run(out, 2, guidance);
    }

    private String[] run(String out, int samples, String... guidance) throws Exception {
        Path truth = InvertFixtures.seismicModel(tmp);
        String[] base = {"invert", "--problem", "seismic+wells", "--true", truth.toString(), "--samples",
            Integer.toString(samples), "--batch", Integer.toString(samples), "--steps", "10", "--out",
            tmp.resolve(out).toString()};
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
    void priorPowerOtherThanOneNeedsPowerGuidance() throws Exception {
        Path truth = InvertFixtures.seismicModel(tmp);
        CliRunner r = CliRunner.run("invert", "--problem", "seismic+wells", "--true", truth.toString(), "--guidance",
                "cdps", "--alpha", "0.5", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--alpha 0.5") && r.err().contains("--guidance power"), r.err());
        assertTrue(!Files.exists(tmp.resolve("x")));
    }

    /** A stronger prior (alpha 4: the prior's spread halved) pulls the samples together: their spread shrinks. */
    @Test
    void largerPriorPowerNarrowsTheSamples() throws Exception {
        run("alpha1", 4, "--guidance", "power", "--alpha", "1");
        run("alpha4", 4, "--guidance", "power", "--alpha", "4");
        double one = spread(InvertFixtures.shardSamples(tmp.resolve("alpha1")).values().iterator().next(), 4);
        double four = spread(InvertFixtures.shardSamples(tmp.resolve("alpha4")).values().iterator().next(), 4);
        assertTrue(four < 0.8 * one, "spread with alpha 4 (" + four + ") should be well below alpha 1 (" + one + ")");
    }

    /** Mean over values of the sample standard deviation of {@code n} samples. */
    private static double spread(float[] x, int n) {
        int d = x.length / n;
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double m = 0;
            for (int b = 0; b < n; b++) {
                m += x[b * d + i] / n;
            }
            double v = 0;
            for (int b = 0; b < n; b++) {
                v += (x[b * d + i] - m) * (x[b * d + i] - m) / (n - 1);
            }
            sum += Math.sqrt(v);
        }
        return sum / d;
    }
}
