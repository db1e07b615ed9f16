package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each problem kind end to end on tiny settings: the outputs exist and the posterior data misfit (RMS whitened
 * residual, the misfit_* attributes of posterior.h5) stays below a bound. The bounds are regression snapshots
 * (measured values plus headroom on this machine's JVM backend), not proofs of convergence.
 */
class InvertProblemsEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void seismicPlusWellsWithATwoChannelTrainingSetAsTruthAndGmmPrior() throws IOException {
        Path train = InvertFixtures.trainingSet(tmp, "seismic", 4, InvertFixtures.SEISMIC_NZ, InvertFixtures.SEISMIC_NX);
        Path out = run("--problem", "seismic+wells", "--true", train.toString(), "--prior", "gmm:" + train,
                "--guidance", "cdps", "--samples", "4", "--batch", "2", "--steps", "8");
        // measured: seismic 5.1, wells below 7 (8 steps, training-set seed 5)
        assertMisfits(out, Map.of("misfit_seismic", 7.0, "misfit_wells", 9.0));
    }

    @Test
    void fwiOnATinyLayeredVelocityModel() throws IOException {
        // zeta 0.1: with the default zeta 1 the DPS step pushes the velocity outside the CFL range and the run stops
        Path out = run("--problem", "fwi", "--true", InvertFixtures.velocityModel(tmp).toString(), "--zeta", "0.1",
                "--samples", "1", "--steps", "4");
        // measured: shots 1.01
        assertMisfits(out, Map.of("misfit_shots", 2.0));
    }

    @Test
    void darcyOnATinyGaussianRandomField() throws IOException {
        Path train = InvertFixtures.trainingSet(tmp, "darcy", 2, InvertFixtures.SQUARE_N, InvertFixtures.SQUARE_N);
        Path out = run("--problem", "darcy", "--true", train.toString(), "--samples", "2", "--steps", "8");
        // measured: heads 1.5
        assertMisfits(out, Map.of("misfit_heads", 3.0));
    }

    private Path run(String... settings) {
        Path out = tmp.resolve("out");
        InvertFixtures.runOk(InvertCrashSafetyTest.concat(InvertCrashSafetyTest.concat(new String[] {"invert"},
                settings), "--out", out.toString()));
        for (String f : new String[] {"manifest.json", "posterior.h5", "posterior.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try {
            assertTrue(!InvertFixtures.shardFiles(out).isEmpty(), "no shards");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static void assertMisfits(Path out, Map<String, Double> bounds) throws IOException {
        for (Map.Entry<String, Double> b : bounds.entrySet()) {
            double m = InvertFixtures.rootNumber(out.resolve("posterior.h5"), b.getKey());
            assertTrue(m > 0 && m < b.getValue(), b.getKey() + " = " + m + ", bound " + b.getValue());
        }
    }
}
