package dev.strata.kernels.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sampler-step kernels: the formula per point, and the JVM backend's plan gives the serial loop bit for bit. */
class SamplingTasksTest {
    private static final int N = 10_007;

    private static float[] random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[N];
        for (int i = 0; i < N; i++) {
            a[i] = (float) (4 * r.nextDouble() - 2);
        }
        return a;
    }

    @Test
    void extrapolateIsTheEulerUpdate() {
        float[] x = {2f};
        float[] out = new float[1];
        SamplingKernels.extrapolate(0, x, new float[] {0.5f}, new float[] {0.25f}, out, new float[] {-0.5f});
        assertEquals(2f - 0.5f * 1.5f + 0.25f, out[0]);
        SamplingKernels.heun(0, x, new float[] {0.5f}, new float[] {1f}, new float[] {0.75f}, new float[] {0f}, out,
                new float[] {-0.25f, -0.5f});
        assertEquals(2f - 0.25f * 1.5f - 0.5f * 0.25f, out[0]);
    }

    @Test
    void backendPlanMatchesSerialBodiesAcrossSteps() {
        float[] x = random(1);
        float[] x0 = random(2);
        float[] xp = random(3);
        float[] x0p = random(4);
        float[] dx = random(5);
        float[] out = new float[N];
        float[] out2 = new float[N];
        float[] coef = new float[2];
        try (JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            KernelGraph graph = KernelGraph.builder("steps")
                    .transferToDevice(TransferMode.EVERY_EXECUTION, x, x0, xp, x0p, dx, coef)
                    .task("euler", SamplingTasks.extrapolate(x, x0, dx, out, coef))
                    .task("heun", SamplingTasks.heun(x, x0, xp, x0p, dx, out2, coef))
                    .transferToHost(TransferMode.EVERY_EXECUTION, out, out2)
                    .build();
            try (ExecutionPlan plan = backend.plan(graph)) {
                for (float h : new float[] {-0.1f, -0.7f}) {
                    coef[0] = h;
                    coef[1] = 2 * h;
                    plan.execute();
                    float[] e = new float[N];
                    float[] hh = new float[N];
                    for (int i = 0; i < N; i++) {
                        SamplingKernels.extrapolate(i, x, x0, dx, e, coef);
                        SamplingKernels.heun(i, x, x0, xp, x0p, dx, hh, coef);
                    }
                    assertArrayEquals(e, out);
                    assertArrayEquals(hh, out2);
                }
            }
        }
    }

    @Test
    void shortArraysAreRejected() {
        float[] x = new float[4];
        assertThrows(IllegalArgumentException.class,
                () -> SamplingTasks.extrapolate(x, new float[3], x, x, new float[1]));
        assertThrows(IllegalArgumentException.class,
                () -> SamplingTasks.heun(x, x, x, x, x, x, new float[1]));
        SamplingTasks.heun(x, x, x, x, x, x, new float[2]);
    }

    @Test
    void aCoefficientArrayThatTheKernelAlsoWritesIsRefused() {
        float[] x = random(1);
        float[] coef = new float[N];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SamplingTasks.extrapolate(x, x, x, coef, coef));
        assertEquals("SamplingKernels.extrapolate: coef is also out, which the kernel writes; pass a separate array",
                e.getMessage());
    }
}
