package dev.strata.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.BackendUnavailableException;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackendContract;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.ReferenceWaves;
import dev.strata.kernels.ResidentGraph;
import dev.strata.kernels.seismic.SeismicTasks;
import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmBackendTest extends ComputeBackendContract {

    /** The JVM never contracts multiply-adds and splits only rows among threads: results are bitwise equal. */
    @Override
    protected double waveTolerance() {
        return 0.0;
    }

    @Override
    protected ComputeBackend openBackend() {
        return new JvmBackend(JvmConfig.defaults().withThreads(2));
    }

    @Test
    void vectorisedAndPerPointStencilsAgreeBitwise() {
        float[] perPoint;
        float[] vector;
        try (JvmBackend b = new JvmBackend(new JvmConfig(2, false, 1))) {
            perPoint = new ReferenceWaveProblem(77, 60).run(b).clone();
        }
        try (JvmBackend b = new JvmBackend(new JvmConfig(2, true, 1))) {
            vector = new ReferenceWaveProblem(77, 60).run(b).clone();
        }
        assertArrayEquals(perPoint, vector);
        assertTrue(ReferenceWaveProblem.checksum(perPoint) > 0);
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        float[] one = ReferenceWaves.serialReference(64, 50);
        try (JvmBackend b = new JvmBackend(new JvmConfig(3, true, 1))) {
            assertArrayEquals(one, new ReferenceWaveProblem(64, 50).run(b));
        }
    }

    @Test
    void residentGraphsAreKeptPerKeyAndOtherWorkspacesBuiltAfresh() {
        JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2));
        ResidentGraph.Wiring reversal = (g, in, out) -> g.task("reverse",
                SeismicTasks.gatherPoint(new int[] {3, 2, 1, 0}, in[0], out, 4, 1));
        ResidentGraph first = ResidentGraph.on(backend, "key", "reverse", new int[] {4}, 4, reversal);
        assertSame(first, ResidentGraph.on(backend, "key", "reverse", new int[] {4}, 4, reversal));
        assertNotSame(first, ResidentGraph.on(backend, "other", "reverse", new int[] {4}, 4, reversal));
        assertArrayEquals(new float[] {4, 3, 2, 1}, first.run(List.of(new float[] {1, 2, 3, 4})));
        assertArrayEquals(new float[] {8, 7, 6, 5}, first.run(List.of(new float[] {5, 6, 7, 8})), "a second call");
        for (int k = 0; k < JvmBackend.KEPT_GRAPHS; k++) { // the least recently used beyond the bound is dropped
            ResidentGraph.on(backend, k, "reverse", new int[] {4}, 4, reversal);
        }
        ResidentGraph rebuilt = ResidentGraph.on(backend, "key", "reverse", new int[] {4}, 4, reversal);
        assertNotSame(first, rebuilt);
        assertArrayEquals(new float[] {4, 3, 2, 1}, first.run(List.of(new float[] {1, 2, 3, 4})),
                "a dropped graph still serves a caller that holds it");
        AutoCloseable a = backend.workspace("key", AutoCloseable.class, () -> () -> { });
        assertNotSame(a, backend.workspace("key", AutoCloseable.class, () -> () -> { }));
        backend.close();
        assertThrows(IllegalStateException.class, () -> rebuilt.run(List.of(new float[] {1, 2, 3, 4})),
                "closing the backend closes its kept graphs");
    }

    @Test
    void graphsOfOneShapeBuiltAfreshShareTheirParallelChoice() {
        try (JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            JvmExecutionPlan first = (JvmExecutionPlan) backend.plan(reversal("reverse", 64));
            assertSame(first.choice(), ((JvmExecutionPlan) backend.plan(reversal("reverse", 64))).choice(),
                    "the same graph over new arrays");
            assertNotSame(first.choice(), ((JvmExecutionPlan) backend.plan(reversal("reverse", 32))).choice(),
                    "another size");
            assertNotSame(first.choice(), ((JvmExecutionPlan) backend.plan(reversal("other", 64))).choice(),
                    "another graph");
        }
    }

    /** A graph that reverses n values, over new arrays. */
    private static KernelGraph reversal(String name, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = n - 1 - i;
        }
        return KernelGraph.builder(name).task("reverse", SeismicTasks.gatherPoint(idx, new float[n], new float[n], n,
                1)).build();
    }

    @Test
    void serviceLoaderFindsJvmBackendFirst() {
        assertEquals("jvm", ComputeBackends.providers().get(0).name());
        try (ComputeBackend b = ComputeBackends.open("jvm")) {
            assertEquals("jvm", b.name());
        }
    }

    @Test
    void unknownBackendNameIsAClearError() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> ComputeBackends.open("cuda"));
        assertTrue(e.getMessage().contains("unknown backend 'cuda'"), e.getMessage());
    }

    @Test
    void devicePropertiesReportCoresAndLanes() {
        var p = new JvmBackendProvider().devices().get(0).properties();
        assertTrue((Integer) p.get("cores") >= 1);
        assertTrue((Integer) p.get("vectorLanesFloat") >= 1);
    }
}
