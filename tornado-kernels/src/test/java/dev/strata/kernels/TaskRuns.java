package dev.strata.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** How kernel tests run a task on the calling thread: its per-point body, or its vector rows as two threads would. */
public final class TaskRuns {
    private TaskRuns() {
    }

    /** The task's generated row runner over all its rows: the per-point body at every point. */
    public static void runBody(KernelTask task) {
        IndexRange r = task.range();
        task.runRows(r.outerStart(), r.outerEnd());
    }

    /** The task's vector rows, in two calls that split its rows, as two threads would; fails if it has none. */
    public static void runVectorised(KernelTask task) {
        assertTrue(task.vectorized(), task.kernel());
        IndexRange r = task.range();
        int mid = (r.outerStart() + r.outerEnd()) / 2;
        task.runRowsVectorized(r.outerStart(), mid);
        task.runRowsVectorized(mid, r.outerEnd());
    }
}
