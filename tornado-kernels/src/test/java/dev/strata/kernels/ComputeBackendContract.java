package dev.strata.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import dev.strata.kernels.bandwidth.BandwidthTasks;
import dev.strata.kernels.sampling.SamplingTasks;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ComputeBackend} must do. A backend's test subclasses this in a few lines; results are compared
 * with the reference: the per-point bodies run serially on the JVM.
 */
public abstract class ComputeBackendContract {

    /**
     * Largest relative L2 difference allowed between this backend's wave field and the serial JVM reference after
     * {@link #STEPS} steps; devices may contract multiply-adds and reorder the Laplacian sums.
     */
    protected abstract double waveTolerance();

    protected abstract ComputeBackend openBackend();

    protected static final int N = 96;
    protected static final int STEPS = 121;

    protected ComputeBackend backend;

    @BeforeEach
    void open() {
        backend = openBackend();
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void listsAtLeastOneAvailableDevice() {
        assertFalse(backend.devices().isEmpty());
        assertTrue(backend.device().available(), backend.device().toString());
        assertEquals(backend.name(), backend.device().backend());
    }

    @Test
    void waveStencilMatchesSerialJvmReference() {
        float[] reference = ReferenceWaves.serialReference(N, STEPS);
        float[] actual = new ReferenceWaveProblem(N, STEPS).run(backend).clone();
        double err = ReferenceWaves.relativeL2(actual, reference);
        assertTrue(ReferenceWaveProblem.checksum(reference) > 0, "reference field is zero: the source never fired");
        assertTrue(err <= waveTolerance(), "relative L2 difference " + err + " > " + waveTolerance());
    }

    @Test
    void repeatedRunsGiveTheSameField() {
        ReferenceWaveProblem problem = new ReferenceWaveProblem(N, 40);
        float[] first = problem.run(backend).clone();
        float[] second = problem.run(backend).clone();
        assertEquals(0.0, ReferenceWaves.relativeL2(second, first), 0.0);
    }

    /**
     * A plan of two graphs ({@link ComputeBackend#plan(List)}): the first uploads x at each of its executions and
     * writes a = 2 x; the second, {@link KernelGraph#continuing} a graph that sends nothing, quadruples a (b = 2 a,
     * a = 2 b) where the graph before left it. Two "calls" with different x check that the upload is seen again and
     * that a stays on the device between executions: 2 x 4^3 then 2 x' 4. Shown to fail (on the JVM) when the second
     * call skips graph 0, i.e. does not upload its new x.
     */
    @Test
    void graphsOfOnePlanShareTheirArraysOnTheDevice() {
        float[] a = new float[3];
        float[] b = new float[a.length];
        float[] x = {1f, 2f, 3f};
        float[] zero = new float[a.length];
        float[] coef = {1f};
        KernelGraph start = KernelGraph.builder("start")
                .transferToDevice(TransferMode.EVERY_EXECUTION, x, zero, coef)
                .task("double", SamplingTasks.extrapolate(x, zero, zero, a, coef))
                .build();
        KernelGraph loop = KernelGraph.builder("loop")
                .task("toB", SamplingTasks.extrapolate(a, zero, zero, b, coef))
                .task("toA", SamplingTasks.extrapolate(b, zero, zero, a, coef))
                .transferToHost(TransferMode.UNDER_DEMAND, a)
                .build().continuing("loop");
        try (ExecutionPlan plan = backend.plan(List.of(start, loop))) {
            plan.execute(0);
            for (int i = 0; i < 3; i++) {
                plan.execute(1);
            }
            plan.transferToHost(a);
            assertArrayEquals(new float[] {128f, 256f, 384f}, a);
            x[0] = 5f;
            plan.execute(0);
            plan.execute(1);
            plan.transferToHost(a);
            assertTrue(plan.ranOnDevice(), "no device kernel time recorded");
        }
        assertArrayEquals(new float[] {40f, 16f, 24f}, a);
    }

    @Test
    void residentTriadsWriteTheTriadAtEveryPoint() {
        int n = 100_003;
        float[] a = new float[n];
        float[] b = new float[n];
        float[] c = new float[n];
        float[] coef = {2.5f};
        for (int i = 0; i < n; i++) {
            a[i] = Float.NaN;
            b[i] = (float) Math.sin(i);
            c[i] = (float) Math.cos(0.5 * i);
        }
        KernelGraph graph = KernelGraph.builder("triads")
                .transferToDevice(TransferMode.FIRST_EXECUTION, b, c, coef)
                .task("triad0", BandwidthTasks.triad(a, b, c, coef))
                .task("triad1", BandwidthTasks.triad(a, b, c, coef))
                .transferToHost(TransferMode.UNDER_DEMAND, a)
                .build();
        try (ExecutionPlan plan = backend.plan(graph)) {
            plan.execute();
            plan.execute();
            plan.transferToHost(a);
            assertTrue(plan.ranOnDevice(), "no device kernel time recorded");
        }
        for (int i = 0; i < n; i++) {
            float want = b[i] + 2.5f * c[i];
            assertEquals(want, a[i], 1e-6f * Math.max(1f, Math.abs(want)), "a[" + i + "]");
        }
    }
}
