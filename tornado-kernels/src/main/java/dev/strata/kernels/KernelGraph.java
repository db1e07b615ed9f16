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
    private final int independentBatch;

    private KernelGraph(Builder b) {
        this(b.name, b.toDevice, b.tasks, b.toHost, b.independentBatch);
    }

    private KernelGraph(String name, List<Transfer> toDevice, List<Task> tasks, List<Transfer> toHost,
                        int independentBatch) {
        this.name = name;
        this.toDevice = List.copyOf(toDevice);
        this.tasks = List.copyOf(tasks);
        this.toHost = List.copyOf(toHost);
        this.independentBatch = independentBatch;
    }

    /**
     * The same tasks and transfers to the host under {@code name}, with no transfer to the device: in a plan of
     * several graphs ({@link ComputeBackend#plan(List)}) it goes on from the arrays the graph before it left on the
     * device, e.g. the steps of a time loop after a first graph that uploaded its state and took the first step.
     */
    public KernelGraph continuing(String name) {
        return new KernelGraph(name, List.of(), tasks, toHost, independentBatch);
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

    /**
     * nb where the graph was declared a batch of nb independent members ({@link Builder#independentBatch}), else 1.
     */
    public int independentBatch() {
        return independentBatch;
    }

    /** Builder; arrays are host {@code float[]}, {@code double[]} or {@code int[]}. */
    public static final class Builder {
        private final String name;
        private final List<Transfer> toDevice = new ArrayList<>();
        private final List<Task> tasks = new ArrayList<>();
        private final List<Transfer> toHost = new ArrayList<>();
        private int independentBatch = 1;

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

        /**
         * Declares the graph's work nb independent batch members: every task's rows are nb equal runs in member
         * order, and the rows of member m read and write only member m's data. A backend may then run each member's
         * rows of every task apart from the others', with no synchronisation between members (the JVM backend, with
         * at least as many members as threads, gives each thread whole members and no barrier). Checked at
         * {@link #build} for the rows; the data each member touches is the caller's to keep apart.
         */
        public Builder independentBatch(int nb) {
            if (nb < 1) {
                throw new IllegalArgumentException("graph '" + name + "': a batch needs nb >= 1, got " + nb);
            }
            this.independentBatch = nb;
            return this;
        }

        public KernelGraph build() {
            if (tasks.isEmpty()) {
                throw new IllegalStateException("graph '" + name + "' has no task");
            }
            for (Task t : tasks) {
                int rows = t.range().outerEnd() - t.range().outerStart();
                if (rows % independentBatch != 0) {
                    throw new IllegalStateException("graph '" + name + "' is declared a batch of " + independentBatch
                            + " independent members, but task '" + t.id() + "' has " + rows
                            + " rows, not a multiple of it");
                }
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
