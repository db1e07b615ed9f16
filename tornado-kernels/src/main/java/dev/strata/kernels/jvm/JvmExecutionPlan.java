package dev.strata.kernels.jvm;

import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.KernelTask;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a graph's tasks on host arrays (transfers are no-ops: host memory is the device memory) as one parallel region
 * of the backend's {@link WorkerTeam}: each task's rows are cut into one contiguous band per member (a static
 * schedule, so a member keeps the same band from one execution to the next), tasks too small to share run on rank 0
 * (fewer than {@link JvmConfig#minRowsPerChunk} rows a member; a coarse task, whose rows are each a large piece of
 * work, is shared from two rows on, members beyond its rows waiting at the next barrier), and a barrier
 * separates two tasks wherever the second depends on the first ({@link #barriers}); a graph declared a batch of
 * independent members ({@link KernelGraph#independentBatch}), at least as many as the threads, gives each thread
 * whole batch members of every task and has no barrier at all. When the team is busy with another caller, or the
 * plan's own executions have shown the region to cost more than it saves
 * ({@link ParallelChoice}), the plan runs on the calling thread alone, with the same results.
 */
final class JvmExecutionPlan implements ExecutionPlan {

    private final KernelGraph graph;
    private final WorkerTeam team;
    private final DeviceInfo device;
    private final KernelTask[] tasks;
    private final boolean[] shared;
    private final boolean[] barrierAfter;
    /** The graph's independent batch members where each thread runs whole members of every task, else 0. */
    private final int byMember;
    private final boolean vectorized;
    private final ParallelChoice choice;
    private final Runnable onTeam = this::executeOnTeam;
    private final Runnable alone = this::executeAlone;
    private volatile boolean closed;

    /**
     * @param team   null for a single-threaded backend
     * @param choice whether to run on the team, shared by the plans of graphs of one shape
     */
    JvmExecutionPlan(KernelGraph graph, WorkerTeam team, JvmConfig config, DeviceInfo device, ParallelChoice choice) {
        this.graph = graph;
        this.choice = choice;
        this.team = team;
        this.device = device;
        this.vectorized = config.vectorized();
        List<KernelGraph.Task> list = graph.tasks();
        int n = list.size();
        this.tasks = new KernelTask[n];
        this.shared = new boolean[n];
        int members = team == null ? 1 : team.size();
        this.byMember = members > 1 && graph.independentBatch() >= members ? graph.independentBatch() : 0;
        for (int k = 0; k < n; k++) {
            tasks[k] = list.get(k).task();
            IndexRange r = tasks[k].range();
            long fewestRows = tasks[k].coarse() ? 2 : (long) members * config.minRowsPerChunk();
            shared[k] = byMember > 0 || members > 1 && r.outerEnd() - r.outerStart() >= fewestRows;
        }
        this.barrierAfter = byMember > 0 ? new boolean[n] : barriers(tasks, shared);
    }

    /**
     * The first row of task k that member {@code rank} of {@code members} runs; its rows end where member rank + 1's
     * start (rank = members gives the task's end). An even band of the task's rows or, where the graph is a batch of
     * independent members at least as many as the threads, the rows of whole batch members from
     * nb rank / members on (so that no member of the batch is split between threads, and no barrier is needed).
     */
    int bandStart(int k, int rank, int members) {
        IndexRange r = tasks[k].range();
        int rows = r.outerEnd() - r.outerStart();
        if (byMember > 0) {
            return r.outerStart() + rows / byMember * (byMember * rank / members);
        }
        return r.outerStart() + (int) ((long) rows * rank / members);
    }

    /** Whether task k's rows are dealt out to the members rather than run on rank 0 (for tests). */
    boolean shared(int k) {
        return shared[k];
    }

    /** Whether the members wait for each other after task k (for tests). */
    boolean barrierAfter(int k) {
        return barrierAfter[k];
    }

    /**
     * Where the members must wait for each other: after task k when task k + 1 and a task since the last barrier touch
     * the same array, one of them writing it, and they may run on different members (one of them is shared; two tasks
     * on rank 0 alone run in program order). Tasks that touch different arrays run without a barrier between them.
     */
    private static boolean[] barriers(KernelTask[] tasks, boolean[] shared) {
        boolean[] after = new boolean[tasks.length];
        Accesses sinceBarrier = new Accesses();
        Accesses sharedSinceBarrier = new Accesses();
        for (int k = 0; k < tasks.length; k++) {
            Accesses against = shared[k] ? sinceBarrier : sharedSinceBarrier;
            if (k > 0 && against.conflict(tasks[k])) {
                after[k - 1] = true;
                sinceBarrier.clear();
                sharedSinceBarrier.clear();
            }
            sinceBarrier.add(tasks[k]);
            if (shared[k]) {
                sharedSinceBarrier.add(tasks[k]);
            }
        }
        return after;
    }

    /** The arrays some tasks read and write, by identity. */
    private static final class Accesses {
        private final Set<Object> read = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());

        void add(KernelTask task) {
            read.addAll(task.arrays());
            written.addAll(task.written());
        }

        void clear() {
            read.clear();
            written.clear();
        }

        /** Whether {@code task} reads an array written here or writes one read or written here. */
        boolean conflict(KernelTask task) {
            for (Object a : task.arrays()) {
                if (written.contains(a)) {
                    return true;
                }
            }
            for (Object a : task.written()) {
                if (read.contains(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public void execute() {
        if (closed) {
            throw new IllegalStateException("plan for " + graph.name() + " is closed");
        }
        if (team != null && anyShared()) {
            choice.execute(onTeam, alone);
        } else {
            executeAlone();
        }
    }

    /** The choice this plan shares with the plans of graphs of its shape (for tests). */
    ParallelChoice choice() {
        return choice;
    }

    private void executeOnTeam() {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        if (!team.tryRun(rank -> runMember(rank, team.size(), failed))) {
            executeAlone();
        }
    }

    private void executeAlone() {
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
                    if (shared[k]) {
                        runRows(tasks[k], bandStart(k, rank, members), bandStart(k, rank + 1, members));
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
