package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.Hdf5Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void demoWritesPosteriorHdf5AndPicture() throws Exception {
        Path out = tmp.resolve("run");
        CliRunner r = CliRunner.run("demo", "--out", out.toString(), "--samples", "3", "--steps", "12");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("wrote " + out.resolve("posterior.h5")), r.out());
        try (Hdf5Reader h5 = Hdf5Reader.open(out.resolve("posterior.h5"))) {
            assertEquals(3, h5.intAttribute("/", "samples"));
            assertArrayEquals(new int[] {2, 80, 100}, h5.readFloats("posterior/mean").shape());
            assertEquals(80 * 100 + 3 * 2 * 80, h5.readFloats("data/observed").shape()[0],
                    "seismic with as many rows as the model (seed 000), plus three wells logging both channels");
            assertEquals("12", h5.stringAttribute("/", "setting_steps"));
            assertEquals("cdps", h5.stringAttribute("/", "setting_guidance"));
        }
        assertTrue(ImageIO.read(out.resolve("posterior.png").toFile()).getWidth() > 600);
    }

    @Test
    void badSampleCountIsOneLineAndExitCodeTwo() {
        CliRunner r = CliRunner.run("demo", "--out", tmp.resolve("x").toString(), "--samples", "1");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("strata: --samples must be >= 2"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void nonNumericOptionIsOneLineAndExitCodeTwo() {
        CliRunner r = CliRunner.run("demo", "--steps", "many");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--steps"), r.err());
    }

    @Test
    void unwritableOutputLeavesNothingBehind() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "not a folder");
        CliRunner r = CliRunner.run("demo", "--out", file.resolve("run").toString(), "--samples", "2", "--steps", "3");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(file.toString()), r.err());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }
}
