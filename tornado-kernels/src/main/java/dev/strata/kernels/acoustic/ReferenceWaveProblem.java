package dev.strata.kernels.acoustic;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;

/**
 * The yardstick problem of {@code shared/perf-ref/wave-c/wave.c}, so that Java and C compute the same thing:
 * N x N grid, h = 10 m, dt = 1 ms, v = 1500 m/s above N/2 and 2500 m/s below, 20-point Cerjan sponge (a = 0.015),
 * 15 Hz Ricker (t0 = 1.2 / f0) at (N/4, N/2), p = 0 on a 4-point frame. {@link #checksum} = sum of p^2 in double.
 *
 * <p>Runs as one device-resident graph of two leapfrog steps (the two time levels swap roles), each followed by the
 * source injection and the clock tick; an odd step count ends with a one-step plan. The plans are built once per
 * backend and kept by it ({@link ComputeBackend#workspace}): a later {@link #run} restarts the fields on the device
 * ({@link SourceKernels#restartWhen}) and compiles nothing, so it measures the kernels alone. {@link #runBlocked}
 * computes the same field temporally blocked ({@link WavefrontKernels}).
 */
public final class ReferenceWaveProblem {

    public static final int SPONGE_WIDTH = 20;
    public static final double SPONGE_STRENGTH = 0.015;

    private final int n;
    private final int steps;
    private final float[] a;
    private final float[] b;
    private final float[] vc;
    private final float[] damp;
    private final float[] wavelet;
    private final int[] srcIndex;
    private final int[] clock = new int[1];
    /** control[0] = 1 for the first execution of a run: the graph restarts the fields and the clock. */
    private final int[] control = new int[1];

    /** The compiled plans of one problem on one backend. */
    private record Plans(ExecutionPlan twoSteps, ExecutionPlan oneStep) implements AutoCloseable {
        @Override
        public void close() {
            try {
                twoSteps.close();
            } finally {
                oneStep.close();
            }
        }
    }

    /** Which plans: this problem's (its arrays are in them). */
    private record PlansKey(ReferenceWaveProblem problem) {
    }

    /** Which temporally blocked plan: this problem's, for blocks of {@code steps} steps. */
    private record BlockKey(ReferenceWaveProblem problem, int steps) {
    }

    public ReferenceWaveProblem(int n, int steps) {
        if (n < 2 * SPONGE_WIDTH + 2 * AcousticKernels.RADIUS) {
            throw new IllegalArgumentException("N = " + n + " too small: needs at least "
                    + (2 * SPONGE_WIDTH + 2 * AcousticKernels.RADIUS));
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.n = n;
        this.steps = steps;
        double h = 10.0;
        double dt = 1e-3;
        double f0 = 15.0;
        float vct = (float) ((1500.0 * dt / h) * (1500.0 * dt / h));
        float vcb = (float) ((2500.0 * dt / h) * (2500.0 * dt / h));
        this.a = new float[n * n];
        this.b = new float[n * n];
        this.vc = new float[n * n];
        for (int iz = 0; iz < n; iz++) {
            java.util.Arrays.fill(vc, iz * n, (iz + 1) * n, iz < n / 2 ? vct : vcb);
        }
        this.damp = CerjanSponge.profile(n, SPONGE_WIDTH, SPONGE_STRENGTH);
        this.wavelet = new float[steps];
        double t0 = 1.2 / f0;
        for (int it = 0; it < steps; it++) {
            double tau = Math.PI * f0 * (it * dt - t0);
            double a2 = tau * tau;
            wavelet[it] = (float) ((1.0 - 2.0 * a2) * Math.exp(-a2));
        }
        this.srcIndex = new int[] {(n / 4) * n + n / 2};
    }

    public int n() {
        return n;
    }

    public int steps() {
        return steps;
    }

    /** Resets the fields to zero and the clock to step 0. */
    public void reset() {
        java.util.Arrays.fill(a, 0f);
        java.util.Arrays.fill(b, 0f);
        clock[0] = 0;
    }

    /**
     * Runs all steps on the backend from u = 0; returns the final current field p (a host array owned by this
     * problem). The first run on a backend builds (on a device, compiles) the plans; later runs reuse them.
     */
    public synchronized float[] run(ComputeBackend backend) {
        Plans plans = plans(backend);
        int pairs = steps / 2;
        if (pairs == 0) {
            reset(); // no two-step execution restarts the fields
        }
        control[0] = 1;
        for (int k = 0; k < pairs; k++) {
            plans.twoSteps().execute();
            control[0] = 0;
        }
        plans.twoSteps().transferToHost(a, b, clock);
        requireDevice(plans.twoSteps(), pairs);
        if (steps % 2 == 1) {
            plans.oneStep().execute();
            requireDevice(plans.oneStep(), 1);
            return b;
        }
        return a;
    }

    /**
     * Runs all steps as {@link #run} does, {@code blockSteps} at a time temporally blocked ({@link WavefrontKernels},
     * one band per thread of the backend: {@link #bands}), the steps left over in one shorter block and, for an odd
     * count, one plain step; returns the final current field, the same bit for bit as {@link #run}. For a backend
     * whose plans work on the caller's arrays ({@link ComputeBackend#sharesHostArrays}): the plans hand the fields to
     * each other.
     */
    public synchronized float[] runBlocked(ComputeBackend backend, int blockSteps) {
        if (!backend.sharesHostArrays()) {
            throw new IllegalArgumentException("a temporally blocked run needs a backend that works on host arrays;"
                    + " " + backend.name() + " does not: use run()");
        }
        if (blockSteps < 2 || blockSteps % 2 != 0) {
            throw new IllegalArgumentException("blockSteps must be even and >= 2, got " + blockSteps);
        }
        control[0] = 1;
        ExecutionPlan block = blockPlan(backend, blockSteps);
        for (int k = 0; k < steps / blockSteps; k++) {
            block.execute();
            control[0] = 0;
        }
        int rest = steps % blockSteps;
        if (rest >= 2) {
            blockPlan(backend, rest - rest % 2).execute();
            control[0] = 0;
        }
        if (rest % 2 == 1) {
            if (control[0] == 1) {
                return run(backend);
            }
            plans(backend).oneStep().execute();
            return b;
        }
        return a;
    }

    private Plans plans(ComputeBackend backend) {
        return backend.workspace(new PlansKey(this), Plans.class,
                () -> new Plans(backend.plan(twoStepGraph()), backend.plan(oneStepGraph())));
    }

    private ExecutionPlan blockPlan(ComputeBackend backend, int blockSteps) {
        return backend.workspace(new BlockKey(this, blockSteps), ExecutionPlan.class,
                () -> backend.plan(blockGraph(blockSteps, bands(n, blockSteps, threads(backend)))));
    }

    /**
     * Bands of a temporally blocked run of {@code k}-step blocks: one per thread, as few as the work can be shared
     * in (a band's wavefront keeps only its last rows in cache however tall it is, while every edge between two bands
     * costs a second pass over the rows around it), fewer where the rows do not make that many bands of
     * {@link WavefrontKernels#minBandRows}.
     */
    static int bands(int n, int k, int threads) {
        int rows = n - 2 * AcousticKernels.RADIUS;
        return Math.max(1, Math.min(threads, rows / WavefrontKernels.minBandRows(k)));
    }

    /** The backend's threads, as its device reports them; the cores where it does not. */
    private static int threads(ComputeBackend backend) {
        return backend.device().properties().get("threads") instanceof Integer t && t > 0 ? t
                : Runtime.getRuntime().availableProcessors();
    }

    /**
     * {@code k} steps temporally blocked in {@code bands} bands: as k / 2 executions of {@link #twoStepGraph}, a the
     * current field after.
     */
    KernelGraph blockGraph(int k, int bands) {
        KernelGraph.Builder g = KernelGraph.builder("wave-" + k + "steps")
                .transferToDevice(TransferMode.EVERY_EXECUTION, control)
                .transferToDevice(TransferMode.FIRST_EXECUTION, a, b, vc, damp, wavelet, srcIndex, clock)
                .task("restart", SourceTasks.restartWhen(control, a, b, clock, a.length))
                .task("bands", WavefrontTasks.stepsInBand(a, b, vc, damp, damp, wavelet, srcIndex, clock, n, n, bands,
                        k, steps, 1))
                .task("edges", WavefrontTasks.stepsAcrossEdge(a, b, vc, damp, damp, wavelet, srcIndex, clock, n, n,
                        bands, k, steps, 1));
        for (int s = 0; s < k; s++) {
            g.task("clock" + s, SourceTasks.advanceClock(clock));
        }
        return g.transferToHost(TransferMode.UNDER_DEMAND, a, b, clock).build();
    }

    private static void requireDevice(ExecutionPlan plan, int executions) {
        if (executions > 0 && !plan.ranOnDevice()) {
            throw new IllegalStateException("a task fell back to plain Java instead of running on " + plan.device().device());
        }
    }

    /** Step 1 writes p_next over b (p = a); step 2 writes over a (p = b): after both, a is the current field. */
    KernelGraph twoStepGraph() {
        KernelGraph.Builder g = KernelGraph.builder("wave-2step")
                .transferToDevice(TransferMode.EVERY_EXECUTION, control)
                .transferToDevice(TransferMode.FIRST_EXECUTION, a, b, vc, damp, wavelet, srcIndex, clock)
                .task("restart", SourceTasks.restartWhen(control, a, b, clock, a.length));
        addStep(g, "s0", b, a);
        addStep(g, "s1", a, b);
        return g.transferToHost(TransferMode.UNDER_DEMAND, a, b, clock).build();
    }

    KernelGraph oneStepGraph() {
        KernelGraph.Builder g = KernelGraph.builder("wave-1step")
                .transferToDevice(TransferMode.FIRST_EXECUTION, vc, damp, wavelet, srcIndex)
                .transferToDevice(TransferMode.EVERY_EXECUTION, a, b, clock);
        addStep(g, "s0", b, a);
        return g.transferToHost(TransferMode.EVERY_EXECUTION, b, clock).build();
    }

    private void addStep(KernelGraph.Builder g, String id, float[] next, float[] cur) {
        g.task(id + ".stencil", AcousticTasks.waveStep8(next, cur, vc, damp, damp, n, n, 1))
                .task(id + ".source", SourceTasks.injectSource(next, vc, wavelet, srcIndex, clock, steps))
                .task(id + ".clock", SourceTasks.advanceClock(clock));
    }

    /** Sum over the field of p^2, accumulated serially in double, as wave.c prints it. */
    public static double checksum(float[] p) {
        double s = 0;
        for (float v : p) {
            s += (double) v * v;
        }
        return s;
    }
}
