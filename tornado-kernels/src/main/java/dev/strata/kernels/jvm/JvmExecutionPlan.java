package dev.strata.kernels.jvm;

import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.KernelTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/** Runs a graph's tasks on host arrays; transfers are no-ops because host memory is the device memory. */
final class JvmExecutionPlan implements ExecutionPlan {

    private final KernelGraph graph;
    private final ForkJoinPool pool;
    private final JvmConfig config;
    private final DeviceInfo device;
    private boolean closed;

    JvmExecutionPlan(KernelGraph graph, ForkJoinPool pool, JvmConfig config, DeviceInfo device) {
        this.graph = graph;
        this.pool = pool;
        this.config = config;
        this.device = device;
    }

    @Override
    public void execute() {
        if (closed) {
            throw new IllegalStateException("plan for " + graph.name() + " is closed");
        }
        for (KernelGraph.Task task : graph.tasks()) {
            run(task.task());
        }
    }

    private void run(KernelTask task) {
        IndexRange r = task.range();
        int rows = r.outerEnd() - r.outerStart();
        if (rows <= 0 || r.innerEnd() <= r.innerStart()) {
            return;
        }
        boolean vector = config.vectorized() && task.vectorized();
        int chunks = Math.min(config.threads() * 4, Math.max(1, rows / config.minRowsPerChunk()));
        if (chunks <= 1 || config.threads() == 1) {
            runChunk(task, vector, r.outerStart(), r.outerEnd());
            return;
        }
        List<ForkJoinTask<?>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int s = r.outerStart() + (int) ((long) rows * c / chunks);
            int e = r.outerStart() + (int) ((long) rows * (c + 1) / chunks);
            parts.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    runChunk(task, vector, s, e);
                }
            });
        }
        pool.invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(parts);
            }
        });
    }

    private static void runChunk(KernelTask task, boolean vector, int s, int e) {
        if (vector) {
            task.runRowsVectorized(s, e);
        } else {
            task.runRows(s, e);
        }
    }

    @Override
    public void transferToHost(Object... arrays) {
        // host arrays are the device arrays
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public boolean ranOnDevice() {
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
