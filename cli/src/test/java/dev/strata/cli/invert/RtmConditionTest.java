package dev.strata.cli.invert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.acoustic.GaussianSmoothing;
import dev.strata.forward.acoustic.Grid;
import dev.strata.io.FloatDataset;
import dev.strata.io.Observations;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.TrainingSetFile;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed-003 condition: the RTM image of a two-layer model's shot gathers peaks at the interface, and migrating in
 * a 30 % too fast background (the deliberately wrong input) puts the peak elsewhere; training pairs and an inversion's
 * observed data give the same condition for the same model and noise.
 */
class RtmConditionTest {
    static final int N = 32;
    static final int INTERFACE = 16;

    @TempDir
    Path tmp;

    static ModelGrid grid() {
        return new ModelGrid(N, N, 10, 10, List.of("velocity"), List.of("m/s"));
    }

    static float[] twoLayers() {
        float[] v = new float[N * N];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / N < INTERFACE ? 2000 : 2600;
        }
        return v;
    }

    private static Observations observed(float[] v, ComputeBackend backend) {
        return Synthesis.observe(new Observations("fwi", grid(), null, List.of(), null, null, v, null), 0.01, 1,
                backend);
    }

    /** The depth (cells, below the top 4) where the laterally averaged image is largest. */
    private static int peakDepth(float[] image) {
        int best = -1;
        double top = -Double.MAX_VALUE;
        for (int z = 4; z < N - 2; z++) {
            double s = 0;
            for (int x = 4; x < N - 4; x++) {
                s += image[z * N + x];
            }
            if (s > top) {
                top = s;
                best = z;
            }
        }
        return best;
    }

    @Test
    void conditionPeaksAtTheInterfaceAndNotInATooFastBackground() {
        try (ComputeBackend backend = ComputeBackends.open("jvm")) {
            Observations obs = observed(twoLayers(), backend);
            float[] image = RtmCondition.of(obs, backend);
            double s = 0;
            for (float v : image) {
                s += v * v;
            }
            assertEquals(1, Math.sqrt(s / image.length), 1e-4, "unit RMS");
            int right = peakDepth(image);
            assertTrue(Math.abs(right - INTERFACE) <= 2, "peak at " + right + " cells, interface at " + INTERFACE);
            float[] fast = new GaussianSmoothing(RtmCondition.SMOOTHING_CELLS * 10).apply(new Grid(N, N, 10),
                    obs.background());
            for (int i = 0; i < fast.length; i++) {
                fast[i] *= 1.3f;
            }
            int wrong = peakDepth(RtmCondition.of(obs, fast, backend));
            assertTrue(Math.abs(wrong - INTERFACE) > 2, "too fast background: peak at " + wrong + " cells");
        }
    }

    /** {@code strata train --condition rtm}'s pairs and {@code strata invert --true}'s data agree model for model. */
    @Test
    void trainingConditionEqualsTheConditionOfTheSameModelsObservedData() throws Exception {
        float[] v = twoLayers();
        TrainingSetFile set = new TrainingSetFile("fwi", List.of("velocity"), List.of("m/s"), 10, 10, "{}", "1",
                "test", new FloatDataset(v, new int[] {1, 1, N, N}));
        Path file = tmp.resolve("truth.h5");
        set.write(file);
        try (ComputeBackend backend = ComputeBackends.open("jvm")) {
            float[] training = RtmCondition.forModels(set, 0.05, 7, backend, k -> { });
            float[] inversion = RtmCondition.of(SyntheticProblem.of("fwi", file, 0.05, 7, backend), backend);
            assertArrayEquals(inversion, training);
            float[] otherNoise = RtmCondition.of(SyntheticProblem.of("fwi", file, 0.05, 8, backend), backend);
            assertTrue(!java.util.Arrays.equals(otherNoise, training), "another noise draw gives another image");
        }
    }
}
