package dev.strata.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable description of work: transfers of host arrays to the device, kernel tasks in order, transfers back.
 * Built like TornadoVM's {@code TaskGraph}; a backend turns it into an {@link ExecutionPlan}.
 */
public final class KernelGraph {

    /** One task: a kernel bound to its arguments, under an id unique in the graph. */
    public record Task(String id, KernelTask task) {
        public IndexRange range() {
            return task.range();
        }
    }

    /** One transfer of one host array. */
    public record Transfer(TransferMode mode, Object array) {
    }

    private final String name;
    private final List<Transfer> toDevice;
    private final List<Task> tasks;
    private final List<Transfer> toHost;

    private KernelGraph(Builder b) {
        this(b.name, b.toDevice, b.tasks, b.toHost);
    }

    private KernelGraph(String name, List<Transfer> toDevice, List<Task> tasks, List<Transfer> toHost) {
        this.name = name;
        this.toDevice = List.copyOf(toDevice);
        this.tasks = List.copyOf(tasks);
        this.toHost = List.copyOf(toHost);
    }

    /**
     * The same tasks and transfers to the host under {@code name}, with no transfer to the device: in a plan of
     * several graphs ({@link ComputeBackend#plan(List)}) it goes on from the arrays the graph before it left on the
     * device, e.g. the steps of a time loop after a first graph that uploaded its state and took the first step.
     */
    public KernelGraph continuing(String name) {
        return new KernelGraph(name, List.of(), tasks, toHost);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Transfer> toDevice() {
        return toDevice;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public List<Transfer> toHost() {
        return toHost;
    }

    /** Builder; arrays are host {@code float[]}, {@code double[]} or {@code int[]}. */
    public static final class Builder {
        private final String name;
        private final List<Transfer> toDevice = new ArrayList<>();
        private final List<Task> tasks = new ArrayList<>();
        private final List<Transfer> toHost = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder transferToDevice(TransferMode mode, Object... arrays) {
            for (Object a : arrays) {
                requireArray(a);
                toDevice.add(new Transfer(mode, a));
            }
            return this;
        }

        /** Adds a task made by a generated factory, e.g. {@code SeismicTasks.reflectivity(...)}. */
        public Builder task(String id, KernelTask task) {
            tasks.add(new Task(id, task));
            return this;
        }

        public Builder transferToHost(TransferMode mode, Object... arrays) {
            for (Object a : arrays) {
                requireArray(a);
                toHost.add(new Transfer(mode, a));
            }
            return this;
        }

        public KernelGraph build() {
            if (tasks.isEmpty()) {
                throw new IllegalStateException("graph '" + name + "' has no task");
            }
            return new KernelGraph(this);
        }

        private static void requireArray(Object a) {
            if (!(a instanceof float[]) && !(a instanceof int[]) && !(a instanceof double[])) {
                throw new IllegalArgumentException("transfers take float[], double[] or int[], got "
                        + (a == null ? "null" : a.getClass().getSimpleName()));
            }
        }
    }

    @Override
    public String toString() {
        return "KernelGraph[" + name + ", tasks=" + Arrays.toString(tasks.stream().map(Task::id).toArray()) + "]";
    }
}
