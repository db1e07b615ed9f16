package dev.strata.kernels.jvm;

import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.KernelTask;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a graph's tasks on host arrays (transfers are no-ops: host memory is the device memory) as one parallel region
 * of the backend's {@link WorkerTeam}: each task's rows are cut into one contiguous band per member (a static
 * schedule, so a member keeps the same band from one execution to the next), tasks too small to share run on rank 0
 * (fewer than {@link JvmConfig#minRowsPerChunk} rows a member, or than one for a coarse task),
 * and a barrier separates two tasks wherever either of them is shared. When the team is busy with another caller the
 * plan runs on the calling thread alone, with the same results.
 */
final class JvmExecutionPlan implements ExecutionPlan {

    private final KernelGraph graph;
    private final WorkerTeam team;
    private final DeviceInfo device;
    private final KernelTask[] tasks;
    private final boolean[] shared;
    private final boolean[] barrierAfter;
    private final boolean vectorized;
    private volatile boolean closed;

    /** @param team null for a single-threaded backend */
    JvmExecutionPlan(KernelGraph graph, WorkerTeam team, JvmConfig config, DeviceInfo device) {
        this.graph = graph;
        this.team = team;
        this.device = device;
        this.vectorized = config.vectorized();
        List<KernelGraph.Task> list = graph.tasks();
        int n = list.size();
        this.tasks = new KernelTask[n];
        this.shared = new boolean[n];
        this.barrierAfter = new boolean[n];
        int members = team == null ? 1 : team.size();
        for (int k = 0; k < n; k++) {
            tasks[k] = list.get(k).task();
            IndexRange r = tasks[k].range();
            int minRows = tasks[k].coarse() ? 1 : config.minRowsPerChunk();
            shared[k] = members > 1 && r.outerEnd() - r.outerStart() >= (long) members * minRows;
        }
        for (int k = 0; k + 1 < n; k++) {
            barrierAfter[k] = shared[k] || shared[k + 1];
        }
    }

    @Override
    public void execute() {
        if (closed) {
            throw new IllegalStateException("plan for " + graph.name() + " is closed");
        }
        if (team != null && anyShared()) {
            AtomicReference<Throwable> failed = new AtomicReference<>();
            if (team.tryRun(rank -> runMember(rank, team.size(), failed))) {
                return;
            }
        }
        for (KernelTask task : tasks) {
            IndexRange r = task.range();
            runRows(task, r.outerStart(), r.outerEnd());
        }
    }

    private boolean anyShared() {
        for (boolean s : shared) {
            if (s) {
                return true;
            }
        }
        return false;
    }

    /**
     * Member {@code rank}'s part of the region: its band of every shared task, every unshared task on rank 0, the
     * barriers on all members; after a failure anywhere the remaining tasks are skipped but the barriers kept.
     */
    private void runMember(int rank, int members, AtomicReference<Throwable> failed) {
        for (int k = 0; k < tasks.length; k++) {
            if ((shared[k] || rank == 0) && failed.get() == null) {
                try {
                    IndexRange r = tasks[k].range();
                    int rows = r.outerEnd() - r.outerStart();
                    if (shared[k]) {
                        runRows(tasks[k], r.outerStart() + (int) ((long) rows * rank / members),
                                r.outerStart() + (int) ((long) rows * (rank + 1) / members));
                    } else {
                        runRows(tasks[k], r.outerStart(), r.outerEnd());
                    }
                } catch (Throwable t) {
                    failed.compareAndSet(null, t);
                }
            }
            if (barrierAfter[k]) {
                team.barrier(rank);
            }
        }
        Throwable t = failed.get();
        if (rank == 0 && t != null) {
            throw t instanceof RuntimeException e ? e : new IllegalStateException(t);
        }
    }

    private void runRows(KernelTask task, int rowStart, int rowEnd) {
        IndexRange r = task.range();
        if (rowEnd <= rowStart || r.innerEnd() <= r.innerStart()) {
            return;
        }
        if (vectorized && task.vectorized()) {
            task.runRowsVectorized(rowStart, rowEnd);
        } else {
            task.runRows(rowStart, rowEnd);
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
