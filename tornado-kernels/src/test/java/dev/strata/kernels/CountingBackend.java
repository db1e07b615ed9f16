package dev.strata.kernels;

import dev.strata.kernels.jvm.JvmBackend;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A JVM backend that keeps workspaces as a compiling backend does ({@link WorkspaceCache}) and counts the plans it
 * builds: what a test needs to show that an operator compiles once and reuses its plans.
 */
public final class CountingBackend implements ComputeBackend {
    private final JvmBackend jvm = JvmBackend.common();
    private final WorkspaceCache workspaces = new WorkspaceCache();
    private final AtomicInteger plans = new AtomicInteger();
    private final boolean keepWorkspaces;

    /** Keeps workspaces, as TornadoVM does. */
    public CountingBackend() {
        this(true);
    }

    /** @param keepWorkspaces false to build every workspace afresh (as the JVM backend does): the negative case */
    public CountingBackend(boolean keepWorkspaces) {
        this.keepWorkspaces = keepWorkspaces;
    }

    /** Graphs compiled so far (each a compilation on a device backend; a plan of several graphs counts each). */
    public int plans() {
        return plans.get();
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public List<DeviceInfo> devices() {
        return jvm.devices();
    }

    @Override
    public DeviceInfo device() {
        return jvm.device();
    }

    @Override
    public ExecutionPlan plan(KernelGraph graph) {
        plans.incrementAndGet();
        return jvm.plan(graph);
    }

    @Override
    public <W extends AutoCloseable> W workspace(Object key, Class<W> type, Supplier<W> build) {
        return keepWorkspaces ? workspaces.get(key, type, build) : build.get();
    }

    @Override
    public void close() {
        workspaces.close();
    }
}
