package dev.strata.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Raw float32 arrays as bytes, little-endian: the layout of Strata's {@code .f32} files (and of numpy's
 * {@code float32.tofile} on x86 and ARM).
 */
public final class Float32 {
    private Float32() {
    }

    /** The floats of {@code bytes}, 4 each, little-endian; a trailing partial float is refused. */
    public static float[] decode(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes are not whole float32 values (4 bytes each)");
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    /** The bytes of {@code arrays} one after another, 4 a float, little-endian. */
    public static byte[] encode(List<float[]> arrays) {
        int count = arrays.stream().mapToInt(a -> a.length).sum();
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(count, Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer values = bytes.asFloatBuffer();
        arrays.forEach(values::put);
        return bytes.array();
    }

    /** The bytes of {@code values}, 4 a float, little-endian. */
    public static byte[] encode(float[] values) {
        return encode(List.of(values));
    }
}
