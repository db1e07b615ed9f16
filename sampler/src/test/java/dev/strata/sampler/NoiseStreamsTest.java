package dev.strata.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseStreamsTest {

    @Test
    void eachSampleDrawsFromItsOwnStream() {
        NoiseStreams all = new NoiseStreams(5, 0, 3);
        NoiseStreams last = new NoiseStreams(5, 2, 1);
        float[] a = all.array(4, 2.0);
        float[] b = last.array(4, 2.0);
        assertArrayEquals(Arrays.copyOfRange(a, 8, 12), b);
        assertArrayEquals(Arrays.copyOfRange(all.array(3, 1.0), 6, 9), last.array(3, 1.0), "streams advance alone");
        Gaussian g = new Gaussian(NoiseStreams.seedOf(5, 2));
        assertEquals((float) (2.0 * g.next()), b[0]);
        assertEquals(3, all.samples());
    }

    @Test
    void seedsDifferAcrossIndicesAndRunSeeds() {
        assertNotEquals(NoiseStreams.seedOf(1, 0), NoiseStreams.seedOf(1, 1));
        assertNotEquals(NoiseStreams.seedOf(1, 0), NoiseStreams.seedOf(2, 0));
        assertNotEquals(NoiseStreams.seedOf(0, 1), NoiseStreams.seedOf(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NoiseStreams(1, -1, 2));
    }
}
