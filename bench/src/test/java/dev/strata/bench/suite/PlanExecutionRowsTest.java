package dev.strata.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixed cost of a plan execution: one tiny task a run, every run counted on the device. */
class PlanExecutionRowsTest {
    private static SuiteContext context() {
        return new SuiteContext(new SuiteSettings(true, List.of(), Path.of("none"), 3, "none"), 2, 20.0, Map.of(),
                "test-machine", r -> { }, f -> { });
    }

    @Test
    void aPlanExecutionRowIsTheTimeOfOneExecutionOfOneTask() {
        try (JvmBackend backend = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            SuiteRow row = PlanExecutionRows.measure(context(), "jvm", backend);
            assertEquals("plan-execution", row.bench());
            assertEquals(1, row.n());
            assertEquals(1, row.extra().get("tasks"));
            assertTrue(row.seconds() > 0 && (Integer) row.extra().get("repeats") >= 3, row.json());
            assertEquals(1 / row.seconds() / 1e6, row.mpts(), 1e-9 * row.mpts());
        }
    }

    @Test
    void aBackendThatSkipsAnExecutionIsRefused() {
        try (JvmBackend jvm = new JvmBackend(JvmConfig.defaults().withThreads(2))) {
            ComputeBackend skipping = TestBackends.around(jvm, "skipping", true, inner -> new ExecutionPlan() {
                private int calls;

                public void execute() {
                    if (calls++ != 5) {
                        inner.execute();
                    }
                }

                public void transferToHost(Object... arrays) {
                    inner.transferToHost(arrays);
                }

                public DeviceInfo device() {
                    return inner.device();
                }

                public boolean ranOnDevice() {
                    return inner.ranOnDevice();
                }

                public void close() {
                    inner.close();
                }
            });
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PlanExecutionRows.measure(context(), "skipping:0", skipping));
            assertTrue(e.getMessage().contains("did not run every execution"), e.getMessage());
        }
    }
}
