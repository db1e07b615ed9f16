package dev.strata.kernels.jvm;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The default backend: host arrays are the device arrays, tasks run in parallel over rows on a {@link ForkJoinPool},
 * and kernels with a Vector API version use it unless told not to. {@link #common()} runs on the JVM's common pool
 * (what an operator or sampler uses when it is given no backend: no pool of its own, nothing to close); a backend
 * made with a {@link JvmConfig} owns its pool and {@link #close()} shuts it down.
 */
public final class JvmBackend implements ComputeBackend {

    private final JvmConfig config;
    private final ForkJoinPool pool;
    private final boolean ownsPool;
    private final DeviceInfo device;

    public JvmBackend(JvmConfig config) {
        this(config, new ForkJoinPool(config.threads()), true);
    }

    private JvmBackend(JvmConfig config, ForkJoinPool pool, boolean ownsPool) {
        this.config = config;
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.device = JvmBackendProvider.describe(config);
    }

    /** The JVM backend on the common pool, Vector API on: shared, stateless, and {@link #close()} does nothing. */
    public static JvmBackend common() {
        return Common.INSTANCE;
    }

    /** Holder of the shared common-pool backend, made on first use. */
    private static final class Common {
        static final JvmBackend INSTANCE = new JvmBackend(
                JvmConfig.defaults().withThreads(Math.max(1, ForkJoinPool.getCommonPoolParallelism())),
                ForkJoinPool.commonPool(), false);
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
        if (ownsPool) {
            pool.shutdown();
        }
    }
}
