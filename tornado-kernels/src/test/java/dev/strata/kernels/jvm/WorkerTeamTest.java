package dev.strata.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ReferenceWaves;
import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerTeamTest {

    @Test
    void barrierMakesEveryMembersWritesVisibleToAll() {
        try (WorkerTeam team = new WorkerTeam(3, "test")) {
            for (int round = 0; round < 200; round++) {
                int[] written = new int[3];
                int[] sums = new int[3];
                int value = round + 1;
                assertTrue(team.tryRun(rank -> {
                    written[rank] = value * (rank + 1);
                    team.barrier(rank);
                    sums[rank] = written[0] + written[1] + written[2];
                }));
                assertArrayEquals(new int[] {6 * value, 6 * value, 6 * value}, sums, "round " + round);
            }
        }
    }

    @Test
    void aBarrierThatLetMembersThroughEarlyIsCaught() {
        // the same check as above with the barrier left out must see a stale write in some round
        try (WorkerTeam team = new WorkerTeam(2, "test")) {
            AtomicBoolean stale = new AtomicBoolean();
            for (int round = 0; round < 2000 && !stale.get(); round++) {
                int[] written = new int[2];
                team.tryRun(rank -> {
                    if (rank == 1) {
                        Thread.onSpinWait();
                        written[1] = 1;
                    } else if (written[1] == 0) {
                        stale.set(true);
                    }
                });
            }
            assertTrue(stale.get(), "without a barrier rank 0 never ran ahead of rank 1: the check above proves nothing");
        }
    }

    @Test
    void aFailingMemberIsReportedToTheCallerAndTheTeamStaysUsable() {
        try (WorkerTeam team = new WorkerTeam(2, "test")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.tryRun(rank -> {
                if (rank == 1) {
                    throw new IllegalArgumentException("member 1 failed");
                }
            }));
            assertEquals("member 1 failed", e.getMessage());
            AtomicInteger ran = new AtomicInteger();
            assertTrue(team.tryRun(rank -> ran.incrementAndGet()));
            assertEquals(2, ran.get());
        }
    }

    @Test
    void aRegionStartedFromInsideARegionIsRefused() {
        try (WorkerTeam team = new WorkerTeam(2, "test")) {
            boolean[] nested = new boolean[2];
            team.tryRun(rank -> nested[rank] = team.tryRun(r -> { }));
            assertFalse(nested[0]);
            assertFalse(nested[1]);
        }
    }

    @Test
    void aClosedTeamRefusesWork() {
        WorkerTeam team = new WorkerTeam(2, "test");
        team.tryRun(rank -> { });
        team.close();
        assertThrows(IllegalStateException.class, () -> team.tryRun(rank -> { }));
    }

    @Test
    void plansRunConcurrentlyOnOneBackendGiveTheSerialResult() throws Exception {
        float[] expected = ReferenceWaves.serialReference(64, 40);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (JvmBackend backend = new JvmBackend(new JvmConfig(2, true, 1))) {
            Future<?>[] runs = new Future<?>[6];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = callers.submit(() -> {
                    ReferenceWaveProblem problem = new ReferenceWaveProblem(64, 40);
                    for (int rep = 0; rep < 3; rep++) {
                        assertArrayEquals(expected, problem.run(backend));
                    }
                });
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
