package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawGridTest {

    @TempDir
    Path dir;

    @Test
    void readsLittleEndianRowMajorWithItsSidecar() throws IOException {
        float[] v = {1, 2, 3, 4, 5, 6};
        Path f = write("m.f32", v, "{\"nz\": 2, \"nx\": 3, \"dz_m\": 20.0, \"dx_m\": 25.5, "
                + "\"dtype\": \"float32 little-endian\"}");
        RawGrid g = RawGrid.read(f);
        assertEquals(2, g.nz());
        assertEquals(3, g.nx());
        assertEquals(20.0, g.dz());
        assertEquals(25.5, g.dx());
        assertEquals(6f, g.value(1, 2));
        assertArrayEquals(v, g.values());
    }

    @Test
    void decimateAndCropKeepTheRightSamplesAndSpacings() {
        float[] v = new float[5 * 7];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        RawGrid g = new RawGrid(5, 7, 10, 10, v);
        RawGrid d = g.decimate(2, 3);
        assertEquals(3, d.nz());
        assertEquals(3, d.nx());
        assertEquals(20.0, d.dz());
        assertEquals(30.0, d.dx());
        assertEquals(2 * 7 + 3, d.value(1, 1));
        RawGrid c = g.crop(1, 2, 2, 3);
        assertArrayEquals(new float[] {9, 10, 11, 16, 17, 18}, c.values());
    }

    @Test
    void wrongSizeAndMissingSidecarAreRefused() throws IOException {
        Path f = write("bad.f32", new float[5], "{\"nz\": 2, \"nx\": 3, \"dz_m\": 1, \"dx_m\": 1}");
        IOException e = assertThrows(IOException.class, () -> RawGrid.read(f));
        assertTrue(e.getMessage().contains("needs 24"), e.getMessage());
        Path lone = dir.resolve("lone.f32");
        Files.write(lone, new byte[4]);
        IOException e2 = assertThrows(IOException.class, () -> RawGrid.read(lone));
        assertTrue(e2.getMessage().contains("sidecar"), e2.getMessage());
    }

    private Path write(String name, float[] v, String json) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        Files.writeString(dir.resolve(name.replace(".f32", ".json")), json);
        return f;
    }
}
