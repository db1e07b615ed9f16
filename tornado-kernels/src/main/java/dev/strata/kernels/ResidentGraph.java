package dev.strata.kernels;

import java.util.List;

/**
 * A kernel graph compiled once over buffers of its own: each {@link #run} copies the inputs into the resident input
 * buffers, executes the plan (inputs sent to the device at every execution) and returns a copy of the output. Obtain
 * one through {@link #on}, which lets the backend keep it across calls and operators of the same shape
 * ({@link ComputeBackend#workspace}).
 */
public final class ResidentGraph implements AutoCloseable {

    /** Puts the graph's tasks between its input buffers and its output buffer. */
    @FunctionalInterface
    public interface Wiring {
        void tasks(KernelGraph.Builder graph, float[][] inputs, float[] output);
    }

    private final float[][] inputs;
    private final float[] output;
    private final ExecutionPlan plan;

    private ResidentGraph(ComputeBackend backend, String name, int[] inputLengths, int outputLength, Wiring wiring) {
        inputs = new float[inputLengths.length][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new float[inputLengths[i]];
        }
        output = new float[outputLength];
        KernelGraph.Builder g = KernelGraph.builder(name).transferToDevice(TransferMode.EVERY_EXECUTION, (Object[]) inputs);
        wiring.tasks(g, inputs, output);
        plan = backend.plan(g.transferToHost(TransferMode.EVERY_EXECUTION, output).build());
    }

    /**
     * The graph for {@code key} on {@code backend}: built (and compiled) the first time a key is seen, reused after.
     *
     * @param key          equal for graphs of equal shape and wiring (a record of the operator's sizes)
     * @param inputLengths lengths of the input buffers, in the order {@link #run} takes them
     */
    public static ResidentGraph on(ComputeBackend backend, Object key, String name, int[] inputLengths,
                                   int outputLength, Wiring wiring) {
        return backend.workspace(key, ResidentGraph.class,
                () -> new ResidentGraph(backend, name, inputLengths.clone(), outputLength, wiring));
    }

    /** Copies {@code values} into the input buffers (exact lengths), runs the graph, returns a new output array. */
    public synchronized float[] run(List<float[]> values) {
        if (values.size() != inputs.length) {
            throw new IllegalArgumentException("expected " + inputs.length + " inputs, got " + values.size());
        }
        for (int i = 0; i < inputs.length; i++) {
            float[] v = values.get(i);
            if (v.length != inputs[i].length) {
                throw new IllegalArgumentException("input " + i + " has " + v.length + " values, the graph takes "
                        + inputs[i].length);
            }
            System.arraycopy(v, 0, inputs[i], 0, v.length);
        }
        plan.execute();
        return output.clone();
    }

    @Override
    public void close() {
        plan.close();
    }
}
