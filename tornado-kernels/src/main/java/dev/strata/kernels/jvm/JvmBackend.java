package dev.strata.kernels.jvm;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import java.util.List;

/**
 * The default backend: host arrays are the device arrays, and a plan runs as one parallel region of a
 * {@link WorkerTeam} of long-lived threads (a band of rows per thread, barriers between tasks); kernels with a Vector
 * API version use it unless told not to. {@link #common()} is the shared backend an operator or sampler uses when it
 * is given no backend (every core, nothing to close); a backend made with a {@link JvmConfig} owns its team and
 * {@link #close()} stops it.
 */
public final class JvmBackend implements ComputeBackend {

    private final JvmConfig config;
    private final WorkerTeam team;
    private final boolean closeable;
    private final DeviceInfo device;

    public JvmBackend(JvmConfig config) {
        this(config, true);
    }

    private JvmBackend(JvmConfig config, boolean closeable) {
        this.config = config;
        this.team = config.threads() > 1 ? new WorkerTeam(config.threads(), "strata-jvm") : null;
        this.closeable = closeable;
        this.device = JvmBackendProvider.describe(config);
    }

    /** The shared JVM backend, every core and the Vector API on; {@link #close()} does nothing on it. */
    public static JvmBackend common() {
        return Common.INSTANCE;
    }

    /** Holder of the shared backend, made on first use; its idle workers retire, so it holds no threads at rest. */
    private static final class Common {
        static final JvmBackend INSTANCE = new JvmBackend(JvmConfig.defaults(), false);
    }

    /** A backend with every core and the Vector API on. */
    public static JvmBackend withDefaults() {
        return new JvmBackend(JvmConfig.defaults());
    }

    @Override
    public String name() {
        return JvmBackendProvider.NAME;
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(device);
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public ExecutionPlan plan(KernelGraph graph) {
        return new JvmExecutionPlan(graph, team, config, device);
    }

    @Override
    public boolean sharesHostArrays() {
        return true;
    }

    @Override
    public void close() {
        if (closeable && team != null) {
            team.close();
        }
    }
}
