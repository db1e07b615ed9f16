package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata invert --method ld-dim --prior latent:DIR} (seed 002): the restarts descend the head misfit through
 * the Darcy adjoint, the decoder and the DDIM chain (more Adam iterations from the same starts fit the data better;
 * a method that ignored the data would not), and the two halves of the pairing are refused alone.
 */
class InvertLdDimTest {
    @TempDir
    static Path tmp;

    private static Path prior;

    @BeforeAll
    static void trainATinyLatentPrior() {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 40, 32, 32);
        prior = tmp.resolve("latent");
        InvertFixtures.runOk("train", "--latent", "--data", data.toString(), "--out", prior.toString(),
                "--vae-steps", "20", "--steps", "20", "--seed", "3");
    }

    private static double misfit(int iterations) {
        Path out = tmp.resolve("ld-dim-" + iterations);
        CliRunner r = InvertFixtures.runOk("invert", "--problem", "darcy", "--true", "builtin:darcy", "--prior",
                "latent:" + prior, "--method", "ld-dim", "--samples", "2", "--steps", Integer.toString(iterations),
                "--seed", "4", "--out", out.toString(), "--json");
        assertTrue(Files.isRegularFile(out.resolve("posterior.h5")));
        Matcher m = Pattern.compile("\"misfit_heads\":([0-9.eE+-]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(r.out().contains("\"deterministic_restarts\":true"), r.out());
        assertFalse(r.out().contains("\"ksd\""), "no KSD without a score on the models: " + r.out());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void moreIterationsFromTheSameStartsFitTheHeadsBetter() {
        double start = misfit(2);
        double descended = misfit(40);
        assertTrue(descended < 0.8 * start, "misfit after 40 iterations " + descended + ", after 2 " + start);
    }

    @Test
    void ldDimWithoutALatentPriorAndALatentPriorWithoutLdDimAreRefusedInOneLine() {
        for (String[] args : new String[][] {
                {"--method", "ld-dim"},
                {"--prior", "latent:" + prior}}) {
            CliRunner r = CliRunner.run("invert", "--problem", "darcy", "--true", "builtin:darcy", args[0], args[1],
                    "--out", tmp.resolve("bad").toString());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(tmp.resolve("bad")));
        }
    }
}
