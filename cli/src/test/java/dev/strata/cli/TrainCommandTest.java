package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shortTrainingWritesWeightsAndSidecar() throws Exception {
        Path out = tmp.resolve("net");
        CliRunner r = CliRunner.run("train-gaussian-denoiser", "--out", out.toString(), "--steps", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("{\"command\":\"train-gaussian-denoiser\",\"steps\":2,"), r.out());
        String sidecar = Files.readString(out.resolve("gaussian16.properties"));
        assertTrue(sidecar.contains("\ntrain.steps=2\n"), sidecar);
        assertTrue(sidecar.contains("\nweights.bytes=" + Files.size(out.resolve("gaussian16.params")) + "\n"), sidecar);
    }

    @Test
    void fileAsOutputIsOneLineAndExitCodeTwo() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        CliRunner r = CliRunner.run("train-gaussian-denoiser", "--out", file.toString(), "--steps", "1");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("is a file"), r.err());
    }

    @Test
    void nonPositiveStepsIsOneLineAndExitCodeTwo() {
        CliRunner r = CliRunner.run("train-gaussian-denoiser", "--out", tmp.toString(), "--steps", "0");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--steps must be >= 1"), r.err());
    }
}
