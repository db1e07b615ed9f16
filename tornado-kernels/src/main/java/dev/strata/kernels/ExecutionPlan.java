package dev.strata.kernels;

/**
 * A compiled {@link KernelGraph} bound to one device; arrays stay resident on the device between executions.
 * Mirrors TornadoVM's {@code TornadoExecutionPlan}.
 */
public interface ExecutionPlan extends AutoCloseable {

    /** Runs every task of the graph once, in order, with its transfers (for a plan of several, each graph in order). */
    void execute();

    /**
     * Runs graph {@code graph} (its index in {@link ComputeBackend#plan(java.util.List)}) once; a plan of one graph
     * has only graph 0.
     */
    default void execute(int graph) {
        if (graph != 0) {
            throw new IndexOutOfBoundsException("a plan of one graph has only graph 0, not " + graph);
        }
        execute();
    }

    /**
     * Copies these arrays (named in the graph; for a plan of several, in the graph executed last) from the device
     * back to their host arrays now.
     */
    void transferToHost(Object... arrays);

    /** The device the plan runs on. */
    DeviceInfo device();

    /**
     * True if every task of the last execution ran as compiled device code on {@link #device()}; false if any task
     * fell back to plain Java. Backends that never fall back return true.
     */
    boolean ranOnDevice();

    @Override
    void close();
}
