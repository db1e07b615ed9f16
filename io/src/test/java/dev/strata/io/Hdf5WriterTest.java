package dev.strata.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hdf5WriterTest {
    @TempDir
    Path dir;

    @Test
    void writtenDatasetsReadBackExactly() throws IOException {
        int n = 3, c = 2, nz = 5, nx = 7;
        float[] samples = random(n * c * nz * nx, 1);
        samples[0] = Float.NaN;
        samples[1] = -0.0f;
        samples[2] = Float.MIN_VALUE;
        samples[3] = Float.MAX_VALUE;
        float[] mean = random(nz * nx, 2);
        float[] trace = random(11, 3);
        Path file = dir.resolve("run.h5");

        new Hdf5Writer()
                .putFloats("samples", samples, n, c, nz, nx)
                .putFloats("posterior/mean", mean, nz, nx)
                .putFloats("/posterior/deep/trace", trace, 11)
                .putAttribute("/", "seed", 42)
                .putAttribute("/", "sigma", 0.125)
                .putAttribute("/", "method", "DPS")
                .putAttribute("samples", "units", "m/s")
                .putAttribute("samples", "dz", 12.5)
                .putAttribute("posterior", "count", n)
                .putAttribute("posterior/mean", "note", "mean über samples")
                .write(file);

        try (Hdf5Reader in = Hdf5Reader.open(file)) {
            FloatDataset s = in.readFloats("samples");
            assertArrayEquals(new int[] {n, c, nz, nx}, s.shape());
            assertArrayEquals(samples, s.data());
            assertEquals(new FloatDataset(mean, new int[] {nz, nx}), in.readFloats("posterior/mean"));
            assertEquals(new FloatDataset(trace, new int[] {11}), in.readFloats("posterior/deep/trace"));
            assertEquals(42, in.intAttribute("/", "seed"));
            assertEquals(0.125, in.doubleAttribute("/", "sigma"));
            assertEquals("DPS", in.stringAttribute("/", "method"));
            assertEquals("m/s", in.stringAttribute("samples", "units"));
            assertEquals(12.5, in.doubleAttribute("samples", "dz"));
            assertEquals(n, in.intAttribute("posterior", "count"));
            assertEquals("mean über samples", in.stringAttribute("posterior/mean", "note"));
            assertTrue(in.contains("posterior/deep"));
            assertFalse(in.contains("posterior/std"));
        }
        assertEquals(1, countFiles(dir), "only the target file remains");
    }

    @Test
    void failedWriteLeavesNoFile() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = notADirectory.resolve("run.h5");
        Hdf5Writer writer = new Hdf5Writer().putFloats("a", new float[] {1, 2}, 2);

        IOException e = assertThrows(IOException.class, () -> writer.write(target));

        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(1, countFiles(dir), "nothing besides the pre-existing file");
        IOException missing = assertThrows(IOException.class, () -> writer.write(dir.resolve("no/such/run.h5")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void failureWhileWritingRemovesTempAndKeepsOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("old.h5"), "previous content");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, "test file", temp -> {
            Files.writeString(temp, "half");
            throw new IllegalStateException("disk on fire");
        }));

        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("disk on fire"),
                e.getMessage());
        assertEquals("previous content", Files.readString(target));
        assertEquals(1, countFiles(dir), "no temporary file left");
    }

    @Test
    void badShapesAndPathsAreRejectedWhenAdded() {
        Hdf5Writer w = new Hdf5Writer().putFloats("a/b", new float[6], 2, 3);
        assertThrows(IllegalArgumentException.class, () -> w.putFloats("c", new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> w.putFloats("c", new float[0], 0));
        assertThrows(IllegalArgumentException.class, () -> w.putFloats("a/b", new float[1], 1));
        assertThrows(IllegalArgumentException.class, () -> w.putFloats("a/b/c", new float[1], 1));
        assertThrows(IllegalArgumentException.class, () -> w.putFloats("a//c", new float[1], 1));
        assertThrows(IllegalArgumentException.class, () -> w.putAttribute("nowhere", "x", 1));
    }

    private static float[] random(int size, long seed) {
        Random rng = new Random(seed);
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) rng.nextGaussian() * 1000f;
        }
        return a;
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
