package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class Float32Test {
    @Test
    void bytesAreLittleEndianFloat32AndDecodeBack() {
        // 1.0f is 0x3f800000: little-endian puts its low byte first
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0},
                Float32.encode(new float[] {1f, -2f}));
        float[] a = {1.5f, -0f, Float.MIN_VALUE, Float.NaN};
        float[] b = {3e38f};
        assertArrayEquals(new float[] {1.5f, -0f, Float.MIN_VALUE, Float.NaN, 3e38f},
                Float32.decode(Float32.encode(List.of(a, b))));
    }

    @Test
    void aTrailingPartialFloatIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Float32.decode(new byte[6]));
    }
}
