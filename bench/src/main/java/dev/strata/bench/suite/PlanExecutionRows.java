package dev.strata.bench.suite;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.acoustic.SourceTasks;
import java.util.Map;

/**
 * The fixed cost of one plan execution on a backend: a plan of one task on one value
 * ({@link dev.strata.kernels.acoustic.SourceKernels#advanceClock}, clock[0] += 1, its array kept on the device), timed
 * per execution. Every step of a time loop on a device pays at least this (its launch and synchronisation), so it is
 * the floor under small problems; on the JVM a plan this small runs on the calling thread. The counter is read back
 * afterwards and must equal the executions, so a backend that skipped some fails instead of reporting a cost.
 */
final class PlanExecutionRows {
    private PlanExecutionRows() {
    }

    /** Times the one-task plan on {@code backend} (the suite's repeats) and returns its row. */
    static SuiteRow measure(SuiteContext ctx, String name, ComputeBackend backend) {
        int[] clock = {0};
        KernelGraph graph = KernelGraph.builder("plan-execution")
                .transferToDevice(TransferMode.FIRST_EXECUTION, clock)
                .task("tick", SourceTasks.advanceClock(clock))
                .transferToHost(TransferMode.UNDER_DEMAND, clock)
                .build();
        try (ExecutionPlan plan = backend.plan(graph)) {
            long[] executions = {0};
            Timing t = Timing.of(ctx.settings().repeats(), () -> {
                plan.execute();
                executions[0]++;
            });
            plan.transferToHost(clock);
            requireCount(clock[0], executions[0], name);
            return ctx.row("plan-execution", 1, name, backend.device().device(), t, 1, Double.NaN,
                    Map.of("tasks", 1));
        }
    }

    /** Throws unless the device's counter saw every execution. */
    static void requireCount(long counted, long executions, String backend) {
        if (counted != executions) {
            throw new IllegalStateException("the one-task plan on " + backend + " counted " + counted + " of its "
                    + executions + " executions: the backend did not run every execution");
        }
    }
}
