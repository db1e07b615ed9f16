package dev.strata.kernels.jvm;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The default backend: host arrays are the device arrays, tasks run in parallel over rows on a private
 * {@link ForkJoinPool}, and kernels with a Vector API version use it unless told not to.
 */
public final class JvmBackend implements ComputeBackend {

    private final JvmConfig config;
    private final ForkJoinPool pool;
    private final DeviceInfo device;

    public JvmBackend(JvmConfig config) {
        this.config = config;
        this.pool = new ForkJoinPool(config.threads());
        this.device = JvmBackendProvider.describe(config);
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
        return new JvmExecutionPlan(graph, pool, config, device);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
