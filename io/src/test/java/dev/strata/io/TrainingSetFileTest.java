package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetFileTest {
    /** Debian's python3, whose python3-h5py is the reference reader (a python3 earlier on the PATH may lack it). */
    private static final String PYTHON = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3"))
            ? "/usr/bin/python3" : "python3";

    private static final int N = 3;
    private static final int C = 2;
    private static final int NZ = 4;
    private static final int NX = 5;

    @TempDir
    Path dir;

    private static TrainingSetFile example() {
        float[] data = new float[N * C * NZ * NX];
        for (int i = 0; i < data.length; i++) {
            data[i] = i % 2 == 0 ? 1f : 5500f + i;
        }
        return new TrainingSetFile("seismic", List.of("facies", "impedance"), List.of("1", "m/s*g/cm^3"), 1.0, 10.0,
                "{\"type\":\"FaciesImpedanceModel\",\"sandProportion\":0.3}", "42", "0.1.0-test",
                new FloatDataset(data, new int[] {N, C, NZ, NX}));
    }

    /** Writes an example file with everything but {@code /models}, then lets {@code models} add it. */
    private Path exampleWith(String name, ModelsWriter models) throws IOException {
        Hdf5Writer w = new Hdf5Writer().putGroup("/");
        models.add(w);
        w.putAttribute("/", "strata_schema", TrainingSetFile.SCHEMA).putAttribute("/", "problem", "fwi")
                .putAttribute("/", "channels", "velocity").putAttribute("/", "units", "m/s")
                .putAttribute("/", "dz_m", 10.0).putAttribute("/", "dx_m", 10.0)
                .putAttribute("/", "generator", "{}").putAttribute("/", "seed", "1")
                .putAttribute("/", "strata_version", "test");
        Path file = dir.resolve(name);
        w.write(file);
        return file;
    }

    private interface ModelsWriter {
        void add(Hdf5Writer w);
    }

    private static String refusal(Path file) {
        IOException e = assertThrows(IOException.class, () -> TrainingSetFile.read(file));
        String m = e.getMessage();
        assertTrue(m.contains(file.getFileName().toString()), m);
        assertTrue(m.contains("Fix:"), m);
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    @Test
    void roundTripKeepsModelsAndAttributes() throws IOException {
        TrainingSetFile t = example();
        Path file = dir.resolve("train.h5");
        t.write(file);
        TrainingSetFile back = TrainingSetFile.read(file);
        assertEquals(t, back);
        assertArrayEquals(t.models().data(), back.models().data());
        assertEquals(List.of("facies", "impedance"), back.channels());
        assertEquals(N, back.count());
        assertEquals(NZ, back.nz());
        assertEquals(NX, back.nx());
    }

    @Test
    void missingModelsIsRefused() throws IOException {
        Path file = exampleWith("nomodels.h5", w -> w.putFloats("other", new float[] {1}, 1));
        assertTrue(refusal(file).contains("no dataset /models"));
    }

    @Test
    void wrongRankIsRefused() throws IOException {
        Path file = exampleWith("rank3.h5", w -> w.putFloats("models", new float[24], 2, 3, 4));
        assertTrue(refusal(file).contains("[2, 3, 4], not [N, C, nz, nx]"));
    }

    @Test
    void nanIsRefused() throws IOException {
        float[] data = new float[2 * 3 * 4];
        data[13] = Float.NaN;
        Path file = exampleWith("nan.h5", w -> w.putFloats("models", data, 2, 1, 3, 4));
        assertTrue(refusal(file).contains("NaN in model 1 (flat index 13)"));
    }

    @Test
    void float64ModelsAreRefused() throws IOException {
        Path file = dir.resolve("double.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("models", new double[1][1][2][2]);
            out.putAttribute("strata_schema", TrainingSetFile.SCHEMA);
        }
        assertTrue(refusal(file).contains("not a float32 array"));
    }

    @Test
    void channelCountMismatchAndOtherSchemaAreRefused() throws IOException {
        Path twoChannels = exampleWith("two.h5", w -> w.putFloats("models", new float[16], 1, 2, 2, 4));
        assertTrue(refusal(twoChannels).contains("do not name the 2 channels"));
        Path file = dir.resolve("other.h5");
        new Hdf5Writer().putFloats("models", new float[4], 1, 1, 2, 2).putAttribute("/", "strata_schema", "posterior/1")
                .write(file);
        assertTrue(refusal(file).contains("strata_schema is 'posterior/1'"));
    }

    @Test
    void h5pyReadsShapeAndAttributes() throws Exception {
        Assumptions.assumeTrue(h5pyAvailable(), "SKIPPED: python3 with h5py is not available (Debian: apt install"
                + " python3-h5py); the cross-check of the file with h5py did not run");
        Path file = dir.resolve("train.h5");
        example().write(file);
        String script = "import h5py,sys\n"
                + "f=h5py.File(sys.argv[1],'r')\n"
                + "m=f['models']\n"
                + "a=f.attrs\n"
                + "def s(v): return v.decode() if isinstance(v,bytes) else str(v)\n"
                + "print(m.shape, m.dtype, s(a['strata_schema']), s(a['problem']), s(a['channels']),"
                + " s(a['units']), float(a['dz_m']), float(a['dx_m']), s(a['seed']), float(m[0,1,0,1]))\n";
        Process p = new ProcessBuilder(PYTHON, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("(3, 2, 4, 5) float32 training-set/1 seismic facies,impedance 1,m/s*g/cm^3 1.0 10.0 42 "
                + example().models().data()[NZ * NX + 1], out);
    }

    private static boolean h5pyAvailable() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import h5py").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void badRecordsAreRejectedWhenBuilt() {
        TrainingSetFile t = example();
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetFile("gravity", t.channels(), t.units(),
                1, 1, "{}", "1", "v", t.models()));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSetFile("fwi", t.channels(), t.units(),
                -1, 1, "{}", "1", "v", t.models()));
    }
}
