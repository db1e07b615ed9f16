package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.TrainingSetFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatagenCommandTest {
    @TempDir
    Path tmp;

    @Test
    void seismicWritesAValidTrainingSetAPictureAndJsonStatistics() throws IOException {
        Path out = tmp.resolve("seismic.h5");
        CliRunner r = CliRunner.run("datagen", "--problem", "seismic", "--n", "3", "--out", out.toString(),
                "--nz", "40", "--nx", "50", "--seed", "7", "--json");
        assertEquals(0, r.exitCode(), r.err());
        TrainingSetFile t = TrainingSetFile.read(out);
        assertEquals("seismic", t.problem());
        assertArrayEquals(new int[] {3, 2, 40, 50}, t.models().shape());
        assertEquals(List.of("facies", "impedance"), t.channels());
        assertEquals(List.of("1", "m/s*g/cm^3"), t.units());
        assertEquals("7", t.seed());
        assertTrue(t.generator().startsWith("{\"type\":\"FaciesImpedanceModel\",\"grid.type\":\"SectionGrid\","
                + "\"grid.nz\":40,"), t.generator());
        assertTrue(Files.size(tmp.resolve("seismic.png")) > 1000);
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("{\"command\":\"datagen\",\"problem\":\"seismic\",\"family\":\"facies-impedance\","
                + "\"n\":3,\"seed\":7,\"nz\":40,\"nx\":50,"), r.out());
        assertTrue(r.out().contains("\"impedance.histogram\":["), r.out());
        assertTrue(r.out().contains("\"sandProportion\":0."), r.out());
    }

    @Test
    void sameSeedSameFileModelsAndTextReport() throws IOException {
        Path a = tmp.resolve("a.h5");
        Path b = tmp.resolve("b.h5");
        for (Path p : List.of(a, b)) {
            CliRunner r = CliRunner.run("datagen", "--problem", "darcy", "--family", "bimaterial", "--n", "4",
                    "--nz", "16", "--nx", "24", "--out", p.toString(), "--seed", "3");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("log_conductivity [ln(m/s)]: mean "), r.out());
        }
        assertArrayEquals(TrainingSetFile.read(a).models().data(), TrainingSetFile.read(b).models().data());
        assertEquals(10.0, TrainingSetFile.read(a).dz());
    }

    @Test
    void fwiFamiliesIncludingMarmousiPatches() throws IOException {
        Path layered = tmp.resolve("faulted.h5");
        CliRunner r = CliRunner.run("datagen", "--problem", "fwi", "--family", "faulted", "--n", "2", "--out",
                layered.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(new int[] {2, 1, 70, 70}, TrainingSetFile.read(layered).models().shape());

        Path source = MarmousiEndToEndTest.findSharedData("marmousi2_denise_174x500.f32");
        Assumptions.assumeTrue(source != null, "SKIPPED: shared/data/marmousi2_denise_174x500.f32 not found above "
                + Path.of("").toAbsolutePath() + "; the Marmousi-patch run did not run");
        Path patches = tmp.resolve("marmousi.h5");
        CliRunner m = CliRunner.run("datagen", "--problem", "fwi", "--family", "marmousi", "--marmousi",
                source.toString(), "--n", "3", "--nz", "32", "--nx", "48", "--dz", "20", "--dx", "20", "--out",
                patches.toString());
        assertEquals(0, m.exitCode(), m.err());
        TrainingSetFile t = TrainingSetFile.read(patches);
        assertTrue(t.generator().contains("marmousi2_denise_174x500.f32 (174 x 500"), t.generator());
        for (float v : t.models().data()) {
            assertTrue(v >= 1400 && v <= 5000, "velocity " + v); // Marmousi-II spans water 1500 to ~4700 m/s
        }
    }

    @Test
    void badInputIsOneLineExitCodeTwoAndNoFile() throws IOException {
        Path out = tmp.resolve("bad.h5");
        String o = out.toString();
        List<List<String>> cases = List.of(
                List.of("--problem", "seismic", "--n", "0", "--out", o),
                List.of("--problem", "gravity", "--n", "2", "--out", o),
                List.of("--problem", "fwi", "--n", "2", "--out", o, "--dz", "-5"),
                List.of("--problem", "fwi", "--n", "2", "--out", tmp.resolve("no/such/dir/x.h5").toString()),
                List.of("--problem", "fwi", "--n", "2", "--out", o, "--family", "marmousi"),
                List.of("--problem", "darcy", "--n", "2", "--out", o, "--dz", "5", "--dx", "10"),
                List.of("--problem", "darcy", "--n", "2", "--out", o, "--family", "layered"),
                List.of("--problem", "fwi", "--n", "2", "--out", o, "--family", "marmousi", "--marmousi",
                        tmp.resolve("missing.f32").toString()));
        List<String> expected = List.of("--n must be >= 1", "--problem 'gravity' is not known",
                "--dz must be positive", "does not exist", "needs --marmousi PATH", "darcy needs square cells",
                "--family 'layered' is not a family of darcy", "cannot read --marmousi");
        for (int i = 0; i < cases.size(); i++) {
            CliRunner r = CliRunner.run(Stream.concat(Stream.of("datagen"), cases.get(i).stream())
                    .toArray(String[]::new));
            assertEquals(2, r.exitCode(), cases.get(i) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(expected.get(i)), r.err());
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "no partial output");
        }
    }

    @Test
    void picturePathReplacesTheH5Extension() {
        assertEquals(Path.of("/a/train.png"), DatagenCommand.picturePath(Path.of("/a/train.h5")));
        assertEquals(Path.of("/a/train.hdf5.png"), DatagenCommand.picturePath(Path.of("/a/train.hdf5")));
    }
}
