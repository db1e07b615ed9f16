package dev.strata.kernels;

import java.util.List;
import java.util.function.Supplier;

/**
 * A place where kernels run: the JVM (threads, Vector API) or a device driven by TornadoVM.
 *
 * <p>Mirrors TornadoVM's model so that the TornadoVM backend is a thin mapping: a {@link KernelGraph} names host
 * arrays, the transfers that move them and the kernel tasks that read and write them; {@link #plan} turns it into an
 * {@link ExecutionPlan} that keeps the arrays resident on the device between {@link ExecutionPlan#execute()} calls
 * and moves data only when the graph or the caller asks for it.
 */
public interface ComputeBackend extends AutoCloseable {

    /** Short, stable name used on the command line: {@code jvm}, {@code tornadovm}. */
    String name();

    /** The devices this backend can run on; the first is the default. */
    List<DeviceInfo> devices();

    /** The device plans of this backend run on. */
    DeviceInfo device();

    /** Compiles a graph for this backend's device. The caller closes the plan. */
    ExecutionPlan plan(KernelGraph graph);

    /**
     * The resident workspace (buffers and the plans compiled over them) for {@code key}, a value naming a graph's
     * shape (a record), shared by every operator that asks with an equal key and owned by the backend: callers never
     * close it, {@link #close()} does. A backend that compiles (TornadoVM) builds each workspace once, so a second
     * call of an operator costs no compilation; one that compiles nothing (the JVM, the default here) may build afresh
     * each time. Callers use a workspace under its lock.
     */
    default <W extends AutoCloseable> W workspace(Object key, Class<W> type, Supplier<W> build) {
        return build.get();
    }

    @Override
    default void close() {
    }
}
