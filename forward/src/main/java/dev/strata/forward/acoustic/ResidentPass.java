package dev.strata.forward.acoustic;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The arrays and the compiled plan of one kind of propagation (forward, Born, checkpointed gradient, RTM) for a pass
 * of nb members, built once per {@link Key} and kept by the backend ({@link ComputeBackend#workspace}), so that a later
 * call compiles nothing. A call copies its inputs into the pass's arrays and zeroes the state ({@link #load}), then
 * runs each sweep as two graphs of one plan ({@link ComputeBackend#plan(List)}): the first uploads the inputs and the
 * zeroed state and takes the first two time steps, the second ({@link KernelGraph#continuing}) takes the remaining
 * steps on the arrays left on the device. A gradient or RTM plan holds the forward sweep (graphs 0 to 2) and the
 * backward sweep (graphs 3 to 5), each with a third graph for its other phase (the forward sweep's ring-filling last
 * segments, the backward sweep's recomputing middle; {@link #sweepPhases}); the backward sweep reads the checkpoints
 * and the ring where the forward sweep left them. Callers hold its lock for a whole call.
 */
final class ResidentPass implements AutoCloseable {

    /** The kinds of pass; a checkpointed one may record data and sum the illumination. */
    enum Kind { FORWARD, BORN, GRADIENT, RTM }

    /** Which pass: equal setups, checkpoint intervals, member counts and kinds share one. */
    record Key(AcousticSetup setup, int interval, int nb, Kind kind, boolean record, boolean illuminate) {
    }

    /** Wavelets, source and receiver indices of the members, copied from each call's {@link WavePropagator.Pass}. */
    final WavePropagator.Pass pass;
    /** vc per member {@code [nb][pnz][pnx]}. */
    final float[] vc;
    /** The Born direction dvc (Born only, else null), like vc. */
    final float[] dvc;
    /** The traces sent back from the receivers {@code [nb][nt][nrec]} (gradient and RTM only, else null). */
    final float[] traces;
    /** Data recorded {@code [nb][nt][nrec]}, or one unused value when the pass records none. */
    final float[] data;
    /** Source illumination per member, or one unused value when the pass sums none. */
    final float[] illumination;
    /** The gradient accumulation (gradient) or the image (RTM) per member; null otherwise. */
    final float[] result;
    private final int fieldSize;
    private final List<float[]> state = new ArrayList<>();
    private final List<int[]> clocks = new ArrayList<>();
    private final List<Integer> clockStarts = new ArrayList<>();
    private ExecutionPlan plan;

    /** Allocates the arrays of a pass of {@code key}'s kind; {@link #compile} then builds the plan over them. */
    ResidentPass(Key key, WavePropagator.Pass shape, int fieldSize, int traceSize) {
        int nb = shape.nb();
        Kind kind = key.kind();
        this.fieldSize = fieldSize;
        this.pass = new WavePropagator.Pass(nb, new float[shape.wavelets().length], new int[nb],
                new int[shape.recIndex().length]);
        this.vc = new float[nb * fieldSize];
        this.dvc = kind == Kind.BORN ? new float[vc.length] : null;
        boolean backward = kind == Kind.GRADIENT || kind == Kind.RTM;
        this.traces = backward ? new float[nb * traceSize] : null;
        boolean records = kind == Kind.FORWARD || kind == Kind.BORN || key.record();
        this.data = zeroed(records ? nb * traceSize : 1);
        this.illumination = zeroed(kind == Kind.RTM || key.illuminate() ? vc.length : 1);
        this.result = backward ? field() : null;
    }

    /** A field {@code [nb][pnz][pnx]} zeroed at every {@link #load}. */
    float[] field() {
        return zeroed(vc.length);
    }

    /** An array of {@code length} values zeroed at every {@link #load}. */
    float[] zeroed(int length) {
        float[] a = new float[length];
        state.add(a);
        return a;
    }

    /**
     * An array of {@code length} values that every call writes before it reads them (the checkpoints, the snapshot
     * ring): not zeroed at {@link #load} and named in no graph's upload, so a call neither fills it nor sends it.
     */
    float[] scratch(int length) {
        return new float[length];
    }

    /** A device clock set to {@code start} at every {@link #load}. */
    int[] clock(int start) {
        int[] c = {start};
        clocks.add(c);
        clockStarts.add(start);
        return c;
    }

    /** Compiles the graphs of this pass, built over its arrays by {@code wiring}. */
    ResidentPass compile(ComputeBackend backend, Consumer<List<KernelGraph>> wiring) {
        List<KernelGraph> graphs = new ArrayList<>();
        wiring.accept(graphs);
        plan = backend.plan(graphs);
        return this;
    }

    /**
     * Copies a call's vc, pass and (Born only, else null) dvc into the pass's arrays, zeroes the state and resets the
     * clocks.
     */
    void load(float[] vcIn, WavePropagator.Pass in, float[] dvcIn) {
        if (vcIn.length != vc.length || in.nb() != pass.nb()) {
            throw new IllegalArgumentException("pass of " + pass.nb() + " members of " + fieldSize + " points, got "
                    + in.nb() + " members and " + vcIn.length + " values");
        }
        System.arraycopy(vcIn, 0, vc, 0, vc.length);
        System.arraycopy(in.wavelets(), 0, pass.wavelets(), 0, pass.wavelets().length);
        System.arraycopy(in.srcIndex(), 0, pass.srcIndex(), 0, pass.srcIndex().length);
        System.arraycopy(in.recIndex(), 0, pass.recIndex(), 0, pass.recIndex().length);
        if (dvc != null) {
            System.arraycopy(dvcIn, 0, dvc, 0, dvc.length);
        }
        state.forEach(a -> Arrays.fill(a, 0f));
        for (int i = 0; i < clocks.size(); i++) {
            clocks.get(i)[0] = clockStarts.get(i);
        }
    }

    /** Copies the traces of the backward sweep ({@code [nb][nt][nrec]}) into the pass's array. */
    void loadTraces(float[] in) {
        System.arraycopy(in, 0, traces, 0, traces.length);
    }

    /** {@code executions} executions of the plan's graph {@code graph}: one phase of a sweep. */
    record Phase(int graph, int executions) {
    }

    /**
     * Runs the sweep of graphs {@code first} (once) and {@code first + 1} ({@code executions - 1} times), then
     * brings {@code results} to the host; fails if a task did not run on the device.
     */
    void sweep(int first, int executions, Object... results) {
        sweepPhases(List.of(new Phase(first, 1), new Phase(first + 1, executions - 1)), results);
    }

    /**
     * Runs the phases in order (a checkpointed sweep's segments run other tasks than its first), then brings
     * {@code results} to the host; fails if a task did not run on the device.
     */
    void sweepPhases(List<Phase> phases, Object... results) {
        for (Phase phase : phases) {
            for (int i = 0; i < phase.executions(); i++) {
                plan.execute(phase.graph());
            }
        }
        plan.transferToHost(results);
        if (!plan.ranOnDevice()) {
            throw new IllegalStateException("an acoustic graph fell back to plain Java instead of running on "
                    + plan.device().device());
        }
    }

    @Override
    public void close() {
        if (plan != null) {
            plan.close();
        }
    }
}
