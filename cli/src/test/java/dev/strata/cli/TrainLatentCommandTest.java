package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.nn.LatentPrior;
import dev.strata.sampler.nn.LatentPriorCheckpoint;
import dev.strata.sampler.nn.LatentPriorWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata train --latent} on a tiny Darcy set writes a latent prior that reads back and decodes; a weight file
 * changed after writing is refused (the deliberately wrong case); a set of more than one channel is refused in one
 * line.
 */
class TrainLatentCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesALatentPriorThatReadsBackAndDecodes() throws IOException {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 32, 16, 16);
        Path out = tmp.resolve("latent");
        CliRunner r = CliRunner.run("train", "--latent", "--data", data.toString(), "--out", out.toString(),
                "--vae-steps", "3", "--steps", "3", "--holdout", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("latent prior of 32 models (16 x 16)"), r.out());
        LatentPriorWeights w = LatentPriorCheckpoint.read(out);
        assertEquals(16, w.nz());
        try (LatentPrior prior = new LatentPrior(w)) {
            float[] fields = prior.decode(new float[2 * w.latentSize()], 2);
            assertEquals(2 * 256, fields.length);
            for (float v : fields) {
                assertTrue(Float.isFinite(v));
            }
        }
        Path vae = out.resolve("latent-vae.params");
        byte[] b = Files.readAllBytes(vae);
        b[b.length / 2] ^= 1;
        Files.write(vae, b);
        IOException e = assertThrows(IOException.class, () -> LatentPriorCheckpoint.read(out));
        assertTrue(e.getMessage().contains("does not match the SHA-256"), e.getMessage());
    }

    @Test
    void aTwoChannelSetIsRefusedInOneLine() {
        Path data = InvertFixtures.trainingSet(tmp, "seismic", 4, 16, 16);
        CliRunner r = CliRunner.run("train", "--latent", "--data", data.toString(), "--out",
                tmp.resolve("x").toString(), "--vae-steps", "2", "--steps", "2");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--latent needs a one-channel training set"), r.err());
    }
}
