package dev.strata.sampler.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Gaussian;
import org.junit.jupiter.api.Test;

class MemorizationMetricTest {
    private static final int[] SHAPE = {1, 8, 8};

    private static TrainingSet whiteNoiseSet(int count, long seed) {
        return new TrainingSet(SHAPE, new Gaussian(seed).array(count * 64, 1), count);
    }

    @Test
    void copiesOfTrainingExamplesAreMemorized() {
        TrainingSet set = whiteNoiseSet(200, 1);
        float[] copies = new float[10 * 64];
        Gaussian g = new Gaussian(2);
        for (int b = 0; b < 10; b++) {
            for (int i = 0; i < 64; i++) {
                copies[b * 64 + i] = (float) (set.value(b * 13, i) + 0.01 * g.next());
            }
        }
        MemorizationMetric m = MemorizationMetric.of(copies, 10, set);
        assertEquals(1.0, m.share());
        for (double r : m.ratios()) {
            assertTrue(r < 0.01, "ratio " + r);
        }
    }

    @Test
    void freshDrawsFromTheSameDistributionAreNot() {
        TrainingSet set = whiteNoiseSet(200, 1);
        float[] fresh = new Gaussian(3).array(50 * 64, 1);
        MemorizationMetric m = MemorizationMetric.of(fresh, 50, set);
        assertEquals(0.0, m.share());
        // in 64 dimensions nearest-neighbour distances concentrate: the ratio is close to 1
        for (double r : m.ratios()) {
            assertTrue(r > 0.7 && r <= 1.0, "ratio " + r);
        }
    }

    @Test
    void ratioIsNearestOverMeanOfTheNext() {
        // 1-D points 0, 1, 2, 3: sample at 0.1 has d1 = 0.1, next distances 0.9, 1.9, 2.9
        TrainingSet set = new TrainingSet(new int[] {1}, new float[] {0, 1, 2, 3}, 4);
        MemorizationMetric m = MemorizationMetric.of(new float[] {0.1f}, 1, set, 4, 0.5);
        assertEquals(0.1 / ((0.9 + 1.9 + 2.9) / 3), m.ratios()[0], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> MemorizationMetric.of(new float[] {0f}, 1, set, 5, 0.5));
    }
}
