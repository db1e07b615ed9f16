package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.Hdf5Reader;
import dev.strata.io.Hdf5Writer;
import dev.strata.io.ObservationFile;
import dev.strata.io.Observations;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata plot} on each kind of result file, and on files it cannot draw. */
class PlotCommandTest {
    @TempDir
    Path tmp;

    @Test
    void posteriorOfInvertIsRedrawnWithItsDataAndWrmsePictures() throws IOException {
        Path truth = tmp.resolve("T.f32");
        ByteBuffer b = ByteBuffer.allocate(80 * 100 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 80 * 100; i++) {
            int z = i / 100;
            b.putFloat(6000 + 40 * z + (z > 30 && z < 45 ? 1500 : 0));
        }
        Files.write(truth, b.array());
        Files.writeString(tmp.resolve("T.json"), "{\"nz\":80,\"nx\":100,\"dz_m\":2,\"dx_m\":10}");
        Path run = tmp.resolve("run");
        CliRunner inv = CliRunner.run("invert", "--problem", "seismic+wells", "--true", truth.toString(),
                "--samples", "2", "--steps", "30", "--out", run.toString());
        assertEquals(0, inv.exitCode(), inv.err());
        for (String png : List.of("posterior.png", "data.png", "wrmse.png")) {
            assertTrue(Files.size(run.resolve(png)) > 2000, png);
        }
        try (Hdf5Reader in = Hdf5Reader.open(run.resolve("posterior.h5"))) {
            int m = in.readFloats("data/observed").size();
            assertEquals(m, in.readFloats("data/predicted_mean").size());
            assertEquals(m, in.readFloats("data/sigma").size());
            assertEquals(List.of("seismic", "wells"), in.children("data/kinds"));
        }

        Path out = tmp.resolve("again.png");
        CliRunner r = CliRunner.run("plot", run.resolve("posterior.h5").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.out().lines().count(), r.out());
        assertSameSize(run.resolve("posterior.png"), out);
        assertSameSize(run.resolve("data.png"), tmp.resolve("again_data.png"));
        assertSameSize(run.resolve("wrmse.png"), tmp.resolve("again_wrmse.png"));
    }

    @Test
    void trainingSetShowsItsFirstEightModels() throws IOException {
        Path set = tmp.resolve("set.h5");
        assertEquals(0, CliRunner.run("datagen", "--problem", "seismic", "--n", "10", "--out", set.toString(),
                "--nz", "30", "--nx", "40", "--seed", "3").exitCode());
        CliRunner r = CliRunner.run("plot", set.toString(), "--out", tmp.resolve("set-plot.png").toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = ImageIO.read(tmp.resolve("set-plot.png").toFile());
        // 8 models x 2 channels, 2 per row: 8 rows of 30 cells at 4 pixels
        assertTrue(image.getHeight() > 8 * 30 * 4 && image.getHeight() < 8 * (30 * 4 + 120), "h " + image.getHeight());
        assertTrue(image.getWidth() > 2 * 40 * 4 && image.getWidth() < 2 * (40 * 4 + 200), "w " + image.getWidth());
    }

    @Test
    void observationFileShowsItsData() throws IOException {
        int nz = 20;
        int nx = 30;
        float[] section = new float[(nz - 1) * nx];
        for (int i = 0; i < section.length; i++) {
            section[i] = (float) Math.sin(i / (double) nx);
        }
        Observations obs = new Observations("seismic",
                new Observations.ModelGrid(nz, nx, 2, 10, List.of("impedance"), List.of("m/s*g/cm^3")),
                new Observations.SeismicSection(section, nz - 1, nx, new float[] {0.5f, 1, 0.5f}, 0.001, false,
                        0.01, 0.1),
                List.of(new Observations.WellLog("w1", new float[] {1, 3, 5}, new float[] {100, 100, 100},
                        List.of("impedance"), new float[] {6000, 6100, 6300}, new double[] {50})),
                null, null, new float[nz * nx], null);
        Path file = tmp.resolve("obs.h5");
        ObservationFile.write(file, obs);
        CliRunner r = CliRunner.run("plot", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        BufferedImage image = ImageIO.read(tmp.resolve("obs.png").toFile());
        assertTrue(image.getWidth() >= 480 && image.getHeight() > 360 + (nz - 1) * 4, image.getWidth() + " x "
                + image.getHeight());
    }

    @Test
    void fileThatIsNotHdf5IsOneLineAndExitTwo() throws IOException {
        Path bad = tmp.resolve("notes.h5");
        Files.writeString(bad, "not an HDF5 file");
        CliRunner r = CliRunner.run("plot", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("strata: cannot plot") && r.err().contains("notes.h5"), r.err());
        assertTrue(Files.notExists(tmp.resolve("notes.png")));
    }

    @Test
    void hdf5FileOfAnotherKindAndAMissingFileAreBadInput() throws IOException {
        Path other = tmp.resolve("other.h5");
        new Hdf5Writer().putFloats("x", new float[] {1, 2}, 2).write(other);
        CliRunner r = CliRunner.run("plot", other.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("not a Strata result"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        CliRunner missing = CliRunner.run("plot", tmp.resolve("nothing.h5").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    private static void assertSameSize(Path expected, Path actual) throws IOException {
        BufferedImage a = ImageIO.read(expected.toFile());
        BufferedImage b = ImageIO.read(actual.toFile());
        assertEquals(a.getWidth() + " x " + a.getHeight(), b.getWidth() + " x " + b.getHeight(), actual.toString());
    }
}
