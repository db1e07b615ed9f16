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
     * Compiles several graphs into one plan whose graphs share their arrays on the device, as TornadoVM's execution
     * plan over several task graphs ({@code persistOnDevice} / {@code consumeFromDevice}); {@link
     * ExecutionPlan#execute(int)} runs one of them. An array that a graph takes without transferring it to the device
     * is, if another graph of the plan takes it too, the device copy that the graph executed just before left (that
     * graph must take it): so a time loop uploads its state once in a first graph and keeps it on the device through
     * any number of executions of a second, and a later sweep reads the first one's results where they are. On the
     * JVM every graph runs on the host arrays themselves. The caller closes the plan.
     */
    default ExecutionPlan plan(List<KernelGraph> graphs) {
        return new GraphSequence(graphs.stream().map(this::plan).toList());
    }

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

    /**
     * Whether this backend's plans read and write the caller's host arrays themselves (no transfers), so that
     * plans of different graphs may hand arrays to each other between executions: the JVM yes, a device no.
     */
    default boolean sharesHostArrays() {
        return false;
    }

    @Override
    default void close() {
    }
}
