package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreMatchingTrainerTest {
    @TempDir
    Path tmp;

    /** 32 smooth 1 x 8 x 8 models: cos/sin waves of random phase, roughly standardised. */
    static ScoreMatchingTrainer.Data waves() {
        int n = 32;
        float[] m = new float[n * 64];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int k = 0; k < n; k++) {
            double phase = r.nextDouble(2 * Math.PI);
            for (int i = 0; i < 64; i++) {
                m[k * 64 + i] = (float) (1.4 * Math.cos(phase + 0.5 * (i / 8) + 0.3 * (i % 8)));
            }
        }
        return new ScoreMatchingTrainer.Data(m, n, new int[] {1, 8, 8});
    }

    static ScoreMatchingTrainer.Settings tiny(int steps, int every) {
        return new ScoreMatchingTrainer.Settings(new SmallUNet.Config(1, ScoreMatchingTrainer.MIN_WIDTH, 2, 4, 8, 8), 1.0, -0.4, 1.4, steps, 8,
                3e-3, 0.01, 0.9, every, 7);
    }

    @Test
    void aRunResumedFromAMidwayCheckpointEndsWithTheSameWeightsBitForBit() throws Exception {
        Path state = tmp.resolve("state.bin");
        Path midway = tmp.resolve("midway.bin");
        ScoreMatchingTrainer.Result whole = ScoreMatchingTrainer.train(tiny(8, 3), waves(), state, false,
                (done, total, loss) -> {
                    if (done == 3) {
                        copy(state, midway);
                    }
                });
        assertEquals(3, TrainingState.read(midway).step());
        ScoreMatchingTrainer.Result resumed = ScoreMatchingTrainer.train(tiny(8, 3), waves(), midway, true,
                (done, total, loss) -> { });
        assertEquals(3, resumed.resumedFrom());
        assertArrayEquals(whole.losses(), resumed.losses());
        assertArrayEquals(whole.emaWeights(), resumed.emaWeights());
        assertEquals(8, TrainingState.read(midway).step(), "the resumed run checkpoints at its end too");
    }

    @Test
    void lossFallsWithTraining() throws Exception {
        ScoreMatchingTrainer.Result r = ScoreMatchingTrainer.train(tiny(80, 100), waves(), tmp.resolve("s.bin"),
                false, (done, total, loss) -> { });
        double first = 0;
        double last = 0;
        for (int i = 0; i < 10; i++) {
            first += r.losses()[i];
            last += r.losses()[70 + i];
        }
        assertTrue(last < 0.7 * first, "loss of the first 10 steps " + first / 10 + ", of the last 10 " + last / 10);
    }

    @Test
    void aCheckpointOfOtherSettingsIsRefused() throws Exception {
        Path state = tmp.resolve("state.bin");
        ScoreMatchingTrainer.train(tiny(2, 1), waves(), state, false, (done, total, loss) -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreMatchingTrainer.train(tiny(3, 1), waves(), state, true, (done, total, loss) -> { }));
        assertTrue(e.getMessage().contains("other settings or data"), e.getMessage());
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
