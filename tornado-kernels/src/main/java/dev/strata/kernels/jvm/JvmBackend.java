package dev.strata.kernels.jvm;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.ResidentGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The default backend: host arrays are the device arrays, and a plan runs as one parallel region of a
 * {@link WorkerTeam} of long-lived threads (a band of rows per thread, barriers between tasks); kernels with a Vector
 * API version use it unless told not to. {@link #common()} is the shared backend an operator or sampler uses when it
 * is given no backend (every core, nothing to close); a backend made with a {@link JvmConfig} owns its team and
 * {@link #close()} stops it. Resident graphs are kept across calls, other workspaces are not ({@link #workspace}).
 */
public final class JvmBackend implements ComputeBackend {

    private final JvmConfig config;
    private final WorkerTeam team;
    private final boolean closeable;
    private final DeviceInfo device;
    /** How many resident graphs a backend keeps; the least recently used beyond that is dropped. */
    static final int KEPT_GRAPHS = 64;

    /** How many plan shapes' parallel choices a backend remembers. */
    static final int KEPT_CHOICES = 256;

    /**
     * The resident graphs asked for, most recently used last ({@link #workspace}); guarded by itself. One dropped is
     * not closed: a caller may still hold it, and it holds heap only.
     */
    private final Map<Object, ResidentGraph> graphs = new Recent<>(KEPT_GRAPHS);
    /**
     * Each plan shape's {@link ParallelChoice}, so that a graph built afresh at each call (over a call's wave fields)
     * keeps what the executions of its earlier builds measured; guarded by itself.
     */
    private final Map<PlanShape, ParallelChoice> choices = new Recent<>(KEPT_CHOICES);

    /** A map that keeps its {@code size} most recently used entries. */
    private static final class Recent<K, V> extends LinkedHashMap<K, V> {
        private final int size;

        Recent(int size) {
            super(16, 0.75f, true);
            this.size = size;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > size;
        }
    }

    /** What makes two graphs one plan for {@link ParallelChoice}: the graph's name, its tasks' kernels and ranges. */
    private record PlanShape(String name, List<String> kernels, List<IndexRange> ranges) {
        static PlanShape of(KernelGraph graph) {
            return new PlanShape(graph.name(), graph.tasks().stream().map(t -> t.task().kernel()).toList(),
                    graph.tasks().stream().map(t -> t.task().range()).toList());
        }
    }

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
        ParallelChoice choice;
        synchronized (choices) {
            choice = choices.computeIfAbsent(PlanShape.of(graph), k -> new ParallelChoice(System::nanoTime));
        }
        return new JvmExecutionPlan(graph, team, config, device, choice);
    }

    /**
     * A {@link ResidentGraph} (its buffers and plan) is kept per key and reused, so an operator called in a loop (the
     * JVPs and VJPs of a conjugate-gradient solve) allocates only its output; the {@value #KEPT_GRAPHS} most recently
     * used are kept. Every other workspace (wave fields, snapshots, a Darcy system) is built afresh at each request,
     * so the shared backend holds no large arrays between runs. A kept graph runs one caller at a time
     * ({@link ResidentGraph#run} is synchronized).
     */
    @Override
    public <W extends AutoCloseable> W workspace(Object key, Class<W> type, Supplier<W> build) {
        if (type != ResidentGraph.class) {
            return build.get();
        }
        synchronized (graphs) {
            return type.cast(graphs.computeIfAbsent(key, k -> (ResidentGraph) build.get()));
        }
    }

    @Override
    public boolean sharesHostArrays() {
        return true;
    }

    @Override
    public void close() {
        if (closeable) {
            synchronized (graphs) {
                graphs.values().forEach(ResidentGraph::close);
                graphs.clear();
            }
            if (team != null) {
                team.close();
            }
        }
    }
}
