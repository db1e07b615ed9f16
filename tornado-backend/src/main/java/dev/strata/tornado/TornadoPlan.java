package dev.strata.tornado;

import dev.strata.kernels.BackendUnavailableException;
import dev.strata.kernels.DeviceInfo;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.tornado.launch.TornadoTasks;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.TornadoExecutionResult;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.enums.ProfilerMode;

/**
 * A {@link KernelGraph} mapped one to one onto a TornadoVM {@link TaskGraph} and {@link TornadoExecutionPlan}:
 * same transfers (same modes), same tasks in the same order, each task added as its generated launcher
 * ({@link TornadoTasks}). The profiler runs in silent mode until every graph of the plan has proved, at its first
 * execution, that it ran on the device: a graph that fell back to Java records no device kernel time, and its first
 * execution then fails, whatever the caller. Then the profiler is turned off, since its timers cost every execution
 * and TornadoVM compiles a graph's tasks once, at that first execution.
 *
 * <p>What TornadoVM 5.2 adds to the {@link ExecutionPlan} contract: an array a task only writes is allocated on the
 * device but not copied there, whatever its transfer mode, so a kernel must write every element of such an array
 * (elements it skips come back undefined); each plan compiles every task afresh, specialised to its scalar
 * arguments (no cache across plans), which dominates the cost of short plans; a graph holds at most
 * {@value #MAX_TASKS} tasks; an array that no task takes cannot be transferred (TornadoVM fails with "invalid
 * variable"), so such transfers are dropped here: its host copy is always current.
 */
final class TornadoPlan implements ExecutionPlan {
    /** TornadoVM names graphs globally in its properties: give each plan its own. */
    private static final AtomicLong PLANS = new AtomicLong();
    /** TornadoVM's limit on tasks per task graph. */
    static final int MAX_TASKS = 256;

    private final TornadoExecutionPlan plan;
    /** The arrays some task takes (by identity): TornadoVM knows no other, so transfers of the rest are dropped. */
    private final Set<Object> used = Collections.newSetFromMap(new IdentityHashMap<>());
    private final DeviceInfo device;
    private final List<String> names;
    private TornadoExecutionResult last;
    private boolean ranOnDevice = true;
    /** Which graphs have executed once with the profiler and shown device kernel time. */
    private final boolean[] proven;
    private int unproven;

    TornadoPlan(KernelGraph graph, TornadoDevice tornadoDevice, DeviceInfo device) {
        this(List.of(graph), tornadoDevice, device);
    }

    /**
     * One TornadoVM execution plan over the task graphs of {@code graphs}: an array that two graphs take is persisted
     * on the device by each graph that takes it ({@code persistOnDevice}) and, in a graph that does not transfer it
     * to the device and comes after one that takes it, consumed from the graph executed before
     * ({@code consumeFromDevice}); TornadoVM finds no buffer (a null pointer) if that graph did not take it.
     */
    TornadoPlan(List<KernelGraph> graphs, TornadoDevice tornadoDevice, DeviceInfo device) {
        this.device = device;
        this.names = graphs.stream().map(KernelGraph::name).toList();
        Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Set<Object>> earlier = new java.util.ArrayList<>();
        for (KernelGraph graph : graphs) {
            if (graph.tasks().size() > MAX_TASKS) {
                throw new BackendUnavailableException("graph '" + graph.name() + "' has " + graph.tasks().size()
                        + " tasks; TornadoVM runs at most " + MAX_TASKS + " per graph: use --backend jvm");
            }
            Set<Object> mine = arrays(graph);
            mine.stream().filter(used::contains).forEach(shared::add);
            earlier.add(Collections.unmodifiableSet(copy(used)));
            used.addAll(mine);
        }
        ImmutableTaskGraph[] snapshots = new ImmutableTaskGraph[graphs.size()];
        for (int i = 0; i < snapshots.length; i++) {
            snapshots[i] = taskGraph(graphs.get(i), shared, earlier.get(i)).snapshot();
        }
        this.plan = new TornadoExecutionPlan(snapshots);
        plan.withDevice(tornadoDevice).withProfiler(ProfilerMode.SILENT);
        this.proven = new boolean[graphs.size()];
        this.unproven = graphs.size();
    }

    private static Set<Object> copy(Set<Object> arrays) {
        Set<Object> c = Collections.newSetFromMap(new IdentityHashMap<>());
        c.addAll(arrays);
        return c;
    }

    private static Set<Object> arrays(KernelGraph graph) {
        Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        graph.tasks().forEach(t -> arrays.addAll(t.task().arrays()));
        return arrays;
    }

    /** {@code before}: the arrays the graphs listed before this one take, the only ones it may consume. */
    private static TaskGraph taskGraph(KernelGraph graph, Set<Object> shared, Set<Object> before) {
        Set<Object> mine = arrays(graph);
        TaskGraph tg = new TaskGraph(identifier(graph.name()) + "_" + PLANS.incrementAndGet());
        Set<Object> named = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KernelGraph.Transfer t : graph.toDevice()) {
            if (mine.contains(t.array())) {
                tg.transferToDevice(mode(t.mode()), t.array());
                named.add(t.array());
            }
        }
        // shared arrays this graph does not send: the device copy the graph executed before left
        Object[] consumed = mine.stream().filter(a -> before.contains(a) && !named.contains(a)).toArray();
        if (consumed.length > 0) {
            tg.consumeFromDevice(consumed);
            named.addAll(List.of(consumed));
        }
        // TornadoVM needs every array a task takes named in a transfer: intermediates (first written by a task) go
        // to the device once, which costs one copy at the first execution
        graph.toHost().forEach(t -> named.add(t.array()));
        Object[] intermediates = mine.stream().filter(a -> !named.contains(a)).toArray();
        if (intermediates.length > 0) {
            tg.transferToDevice(DataTransferMode.FIRST_EXECUTION, intermediates);
        }
        for (KernelGraph.Task task : graph.tasks()) {
            TornadoTasks.add(tg, identifier(task.id()), task.task());
        }
        Set<Object> back = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KernelGraph.Transfer t : graph.toHost()) {
            if (mine.contains(t.array())) {
                tg.transferToHost(mode(t.mode()), t.array());
                back.add(t.array());
            }
        }
        Object[] persisted = mine.stream().filter(a -> shared.contains(a) && !back.contains(a)).toArray();
        if (persisted.length > 0) {
            tg.persistOnDevice(persisted);
        }
        return tg;
    }

    private static int mode(TransferMode m) {
        return switch (m) {
            case FIRST_EXECUTION -> DataTransferMode.FIRST_EXECUTION;
            case EVERY_EXECUTION -> DataTransferMode.EVERY_EXECUTION;
            case UNDER_DEMAND -> DataTransferMode.UNDER_DEMAND;
        };
    }

    private static String identifier(String name) {
        String s = name.replaceAll("[^A-Za-z0-9]", "_");
        return Character.isLetter(s.isEmpty() ? '0' : s.charAt(0)) ? s : "k" + s;
    }

    @Override
    public void execute() {
        if (names.size() == 1) {
            checked(plan.execute(), 0);
        } else {
            for (int i = 0; i < names.size(); i++) {
                execute(i);
            }
        }
    }

    @Override
    public void execute(int graph) {
        if (names.size() == 1) {
            ExecutionPlan.super.execute(graph);
        } else {
            checked(plan.withGraph(graph).execute(), graph);
        }
    }

    /**
     * Keeps the result of graph {@code graph}'s execution and, at its first, checks that it ran on the device; once
     * every graph has passed, the profiler is turned off: TornadoVM compiles a graph's tasks at its first execution
     * (strict: a task it cannot compile fails there), and the profiler's timers cost every later execution.
     */
    private void checked(TornadoExecutionResult result, int graph) {
        last = result;
        if (proven[graph]) {
            return;
        }
        ranOnDevice &= last.getProfilerResult().getDeviceKernelTime() > 0;
        if (!ranOnDevice) {
            throw new BackendUnavailableException("graph '" + names.get(graph) + "' did not run on "
                    + device.device() + ": TornadoVM fell back to Java (no device kernel time); run with --backend"
                    + " jvm, or see TornadoVM's log (-Dtornado.debug=True) for why the kernel did not compile");
        }
        proven[graph] = true;
        if (--unproven == 0) {
            plan.withoutProfiler();
        }
    }

    /** Whether executions are still profiled: some graph has not yet run once (for tests). */
    boolean profiling() {
        return unproven > 0;
    }

    @Override
    public void transferToHost(Object... arrays) {
        if (last == null) {
            return; // nothing ran: the host arrays are current
        }
        // an array no task takes was never on the device: its host copy is current
        Object[] onDevice = Arrays.stream(arrays).filter(used::contains).toArray();
        if (onDevice.length > 0) {
            last.transferToHost(onDevice);
        }
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public boolean ranOnDevice() {
        return last != null && ranOnDevice;
    }

    @Override
    public void close() {
        try {
            plan.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the TornadoVM plan failed: " + e.getMessage(), e);
        }
    }
}
