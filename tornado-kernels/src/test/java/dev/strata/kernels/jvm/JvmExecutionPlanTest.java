package dev.strata.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.KernelTask;
import dev.strata.kernels.acoustic.AcousticTasks;
import dev.strata.kernels.acoustic.CerjanSponge;
import dev.strata.kernels.acoustic.SourceTasks;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The JVM plan puts a barrier exactly where a task depends on one since the last barrier (it reads what that one
 * wrote, or writes what it read or wrote) and they may run on different threads; and a graph so planned computes what
 * the same graph computes on one thread, bit for bit.
 */
class JvmExecutionPlanTest {
    private static final int NZ = 64;
    private static final int NX = 70;

    private static float[] random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[NZ * NX];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    /** Steps of independent and dependent fields, then two ticks of one clock on rank 0. */
    private static KernelGraph graph(float[][] f, int[] clock) {
        float[] d = CerjanSponge.profile(NZ, 10, 0.015);
        float[] dx = CerjanSponge.profile(NX, 10, 0.015);
        return KernelGraph.builder("dependencies")
                .task("a", AcousticTasks.waveStep8(f[0], f[1], f[5], d, dx, NZ, NX, 1)) // writes f0, reads f1
                .task("b", AcousticTasks.waveStep8(f[2], f[3], f[5], d, dx, NZ, NX, 1)) // other fields
                .task("c", AcousticTasks.waveStep8(f[1], f[3], f[5], d, dx, NZ, NX, 1)) // writes f1, which a read
                .task("d", AcousticTasks.waveStep8(f[4], f[3], f[5], d, dx, NZ, NX, 1)) // reads f3, written by none
                .task("e", AcousticTasks.waveStep8(f[3], f[0], f[5], d, dx, NZ, NX, 1)) // writes f3, which d read
                .task("tick", SourceTasks.advanceClock(clock))
                .task("tock", SourceTasks.advanceClock(clock)) // same clock, both on rank 0
                .build();
    }

    @Test
    void barriersStandExactlyBeforeDependentTasks() {
        float[][] f = new float[6][];
        for (int k = 0; k < 6; k++) {
            f[k] = random(k);
        }
        try (WorkerTeam team = new WorkerTeam(2, "plan-test");
             JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            JvmExecutionPlan plan = new JvmExecutionPlan(graph(f, new int[1]), team, JvmConfig.defaults(),
                    backend.device(), new ParallelChoice(System::nanoTime));
            assertFalse(plan.barrierAfter(0), "a and b touch different arrays");
            assertTrue(plan.barrierAfter(1), "c writes what a read");
            assertFalse(plan.barrierAfter(2), "d reads only what nobody since the barrier wrote");
            assertTrue(plan.barrierAfter(3), "e writes what d read");
            assertFalse(plan.barrierAfter(4), "the tick touches none of e's arrays");
            assertFalse(plan.barrierAfter(5), "tick and tock both run on rank 0, in order");
        }
    }

    @Test
    void graphWithFewerBarriersComputesWhatOneThreadDoes() {
        float[][] serial = new float[6][];
        float[][] parallel = new float[6][];
        for (int k = 0; k < 6; k++) {
            serial[k] = random(k);
            parallel[k] = serial[k].clone();
        }
        int[] serialClock = new int[1];
        int[] parallelClock = new int[1];
        try (JvmBackend one = new JvmBackend(JvmConfig.defaults().withThreads(1));
             JvmBackend two = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            for (int run = 0; run < 20; run++) {
                one.plan(graph(serial, serialClock)).execute();
                two.plan(graph(parallel, parallelClock)).execute();
            }
        }
        for (int k = 0; k < 6; k++) {
            assertArrayEquals(serial[k], parallel[k], "field " + k);
        }
        assertArrayEquals(serialClock, parallelClock);
    }

    /** Three members' fields: each step reads what the one before wrote, within each member of the batch. */
    private static KernelGraph batchGraph(float[][] f) {
        float[] d = CerjanSponge.profile(NZ, 10, 0.015);
        float[] dx = CerjanSponge.profile(NX, 10, 0.015);
        return KernelGraph.builder("batch").independentBatch(3)
                .task("a", AcousticTasks.waveStep8(f[0], f[1], f[2], d, dx, NZ, NX, 3))
                .task("b", AcousticTasks.waveStep8(f[1], f[0], f[2], d, dx, NZ, NX, 3))
                .build();
    }

    private static float[][] batchFields() {
        float[][] f = new float[3][3 * NZ * NX];
        for (int k = 0; k < 3; k++) {
            for (int m = 0; m < 3; m++) {
                System.arraycopy(random(10 * k + m), 0, f[k], m * NZ * NX, NZ * NX);
            }
        }
        return f;
    }

    @Test
    void anIndependentBatchGivesEachThreadWholeMembersAndNoBarrier() {
        try (WorkerTeam team = new WorkerTeam(2, "batch-test");
             JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            JvmExecutionPlan plan = new JvmExecutionPlan(batchGraph(batchFields()), team, JvmConfig.defaults(),
                    backend.device(), new ParallelChoice(System::nanoTime));
            int rowsPerMember = NZ - 2 * 4; // the interior rows of one member's grid
            for (int k = 0; k < 2; k++) {
                assertFalse(plan.barrierAfter(k), "task " + k);
                assertArrayEquals(new int[] {0, rowsPerMember},
                        new int[] {plan.bandStart(k, 0, 2), plan.bandStart(k, 1, 2)}, "member 0 on thread 0");
                assertArrayEquals(new int[] {rowsPerMember, 3 * rowsPerMember},
                        new int[] {plan.bandStart(k, 1, 2), plan.bandStart(k, 2, 2)}, "members 1 and 2 on thread 1");
            }
        }
        float[][] serial = batchFields();
        float[][] parallel = batchFields();
        try (JvmBackend one = new JvmBackend(JvmConfig.defaults().withThreads(1));
             JvmBackend two = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            for (int run = 0; run < 20; run++) {
                one.plan(batchGraph(serial)).execute();
                two.plan(batchGraph(parallel)).execute();
            }
        }
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(serial[k], parallel[k], "field " + k);
        }
    }

    @Test
    void aBatchWhoseTaskRowsAreNotWholeMembersIsRefused() {
        KernelGraph.Builder g = KernelGraph.builder("clock").independentBatch(2)
                .task("tick", SourceTasks.advanceClock(new int[1]));
        IllegalStateException e = assertThrows(IllegalStateException.class, g::build);
        assertTrue(e.getMessage().contains("task 'tick' has 1 rows, not a multiple of it"), e.getMessage());
    }

    /** A coarse task of {@code rows} rows (each a large piece of work), recording the threads that ran them. */
    private record CoarseRows(int rows, Set<String> threads) implements KernelTask {
        @Override
        public String kernel() {
            return "coarseRows";
        }

        @Override
        public IndexRange range() {
            return new IndexRange(0, rows, 0, 1);
        }

        @Override
        public void runRows(int rowStart, int rowEnd) {
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public boolean coarse() {
            return true;
        }

        @Override
        public List<Object> arrays() {
            return List.of();
        }

        @Override
        public List<Object> written() {
            return List.of();
        }
    }

    @Test
    void aCoarseTaskWithFewerRowsThanMembersIsStillShared() {
        // the temporally blocked stencil at N = 1024 has 14 bands: on a team of 16 they all ran on rank 0
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (WorkerTeam team = new WorkerTeam(4, "coarse-test");
             JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(4))) {
            KernelGraph g = KernelGraph.builder("coarse").task("bands", new CoarseRows(3, threads)).build();
            JvmExecutionPlan plan = new JvmExecutionPlan(g, team, JvmConfig.defaults(), backend.device(),
                    new ParallelChoice(System::nanoTime));
            assertTrue(plan.shared(0), "3 coarse rows on 4 members");
            plan.execute();
            assertEquals(3, threads.size(), "one row a member, on three threads: " + threads);
            KernelGraph one = KernelGraph.builder("one").task("band", new CoarseRows(1, threads)).build();
            assertFalse(new JvmExecutionPlan(one, team, JvmConfig.defaults(), backend.device(),
                    new ParallelChoice(System::nanoTime)).shared(0), "a single row stays on rank 0");
        }
    }
}
