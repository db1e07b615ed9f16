package dev.strata.kernels;

import java.util.List;

/**
 * The plan of several graphs on a backend whose graphs all work on the host arrays (the JVM): one plan per graph,
 * run by index, so sharing arrays between graphs needs nothing more. What {@link ComputeBackend#plan(List)} gives
 * unless a backend compiles its graphs together.
 */
final class GraphSequence implements ExecutionPlan {
    private final List<ExecutionPlan> plans;
    private ExecutionPlan last;
    private boolean ranOnDevice = true;

    GraphSequence(List<ExecutionPlan> plans) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one graph");
        }
        this.plans = List.copyOf(plans);
    }

    @Override
    public void execute() {
        for (int i = 0; i < plans.size(); i++) {
            execute(i);
        }
    }

    @Override
    public void execute(int graph) {
        last = plans.get(graph);
        last.execute();
        ranOnDevice &= last.ranOnDevice();
    }

    @Override
    public void transferToHost(Object... arrays) {
        if (last != null) {
            last.transferToHost(arrays);
        }
    }

    @Override
    public DeviceInfo device() {
        return plans.get(0).device();
    }

    @Override
    public boolean ranOnDevice() {
        return last != null && ranOnDevice;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ExecutionPlan p : plans) {
            try {
                p.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
