package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawGridHeaderlessTest {

    @TempDir
    Path dir;

    /** z-major [2][3] = 1..6; the x-major file holds the same grid column by column. */
    private static final float[] GRID = {1, 2, 3, 4, 5, 6};
    private static final float[] COLUMNS = {1, 4, 2, 5, 3, 6};

    @Test
    void readsEveryLayoutIntoRowMajorOrder() throws IOException {
        check(GRID, ByteOrder.LITTLE_ENDIAN, RawGrid.Layout.Z_MAJOR_LITTLE_ENDIAN);
        check(GRID, ByteOrder.BIG_ENDIAN, RawGrid.Layout.Z_MAJOR_BIG_ENDIAN);
        check(COLUMNS, ByteOrder.LITTLE_ENDIAN, RawGrid.Layout.X_MAJOR_LITTLE_ENDIAN);
        check(COLUMNS, ByteOrder.BIG_ENDIAN, RawGrid.Layout.X_MAJOR_BIG_ENDIAN);
    }

    /** The wrong byte order or orientation does not reproduce the grid: the check above is not vacuous. */
    @Test
    void wrongLayoutGivesOtherValues() throws IOException {
        Path f = write(GRID, ByteOrder.LITTLE_ENDIAN);
        assertTrue(!java.util.Arrays.equals(GRID, RawGrid.readHeaderless(f, 2, 3, 25, 25,
                RawGrid.Layout.Z_MAJOR_BIG_ENDIAN).values()));
        assertTrue(!java.util.Arrays.equals(GRID, RawGrid.readHeaderless(f, 2, 3, 25, 25,
                RawGrid.Layout.X_MAJOR_LITTLE_ENDIAN).values()));
    }

    @Test
    void fileOfTheWrongSizeIsRefusedWithExpectedAndActualBytes() throws IOException {
        Path f = write(GRID, ByteOrder.LITTLE_ENDIAN);
        IOException e = assertThrows(IOException.class, () -> RawGrid.readHeaderless(f, 3, 3, 25, 25,
                RawGrid.Layout.Z_MAJOR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("holds 24 bytes") && e.getMessage().contains("needs 36 bytes"),
                e.getMessage());
    }

    private void check(float[] stored, ByteOrder order, RawGrid.Layout layout) throws IOException {
        RawGrid g = RawGrid.readHeaderless(write(stored, order), 2, 3, 25, 12.5, layout);
        assertArrayEquals(GRID, g.values(), layout.toString());
    }

    private Path write(float[] v, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
        b.asFloatBuffer().put(v);
        Path f = Files.createTempFile(dir, "grid", ".bin");
        Files.write(f, b.array());
        return f;
    }
}
