package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.kernels.jvm.JvmBackend;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Gaussian smoothing of a model and shot-gather extraction. */
class ModelAndDataHelpersTest {

    private static final Grid GRID = new Grid(60, 80, 10.0);

    /** A step at x = 40 smoothed with sigma = 50 m (5 points) reads Phi(1) = 0.8413 of the step one sigma past it. */
    @Test
    void smoothedStepFollowsTheGaussianCumulative() {
        float[] step = new float[GRID.size()];
        for (int i = 0; i < step.length; i++) {
            step[i] = i % GRID.nx() >= 40 ? 1f : 0f;
        }
        float[] s = new GaussianSmoothing(50).apply(GRID, step);
        // the step lies between x 39 and 40: x 44.5 is one sigma past it, between cells 44 and 45
        double oneSigma = 0.5 * (s[30 * 80 + 44] + s[30 * 80 + 45]);
        assertEquals(0.8413, oneSigma, 0.01);
        float[] none = new GaussianSmoothing(0).apply(GRID, step);
        assertArrayEquals(step, none, "sigma 0 is a copy");
        assertNotEquals(0.8413, 0.5 * (none[30 * 80 + 44] + none[30 * 80 + 45]), 0.01, "the check must fail unsmoothed");
        float[] c = new GaussianSmoothing(80).apply(GRID, SmallProblems.constant(GRID, 2000));
        for (float v : c) {
            assertEquals(2000f, v, 1e-3f);
        }
        assertThrows(IllegalArgumentException.class, () -> new GaussianSmoothing(-1));
    }

    @Test
    void shotGatherIsTheShotsBlockOfTheData() {
        try (JvmBackend backend = JvmBackend.withDefaults()) {
            AcousticWaveOperator op = new AcousticWaveOperator(SmallProblems.setup(50), backend);
            int nt = 50;
            int nrec = op.setup().acquisition().nrec();
            float[] data = new float[2 * op.outputSize()];
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            float[] g = op.shotGather(data, 1, 1);
            assertEquals(nt * nrec, g.length);
            int first = op.outputSize() + nt * nrec;
            assertEquals(first, g[0]);
            assertEquals(first + 3 * nrec + 5, g[3 * nrec + 5], "time 3, receiver 5");
            assertNotEquals(Arrays.toString(op.shotGather(data, 1, 0)), Arrays.toString(g));
            assertThrows(IllegalArgumentException.class, () -> op.shotGather(data, 2, 0));
            assertThrows(IllegalArgumentException.class, () -> op.shotGather(data, 0, 2));
        }
    }
}
