package dev.strata.bench.suite;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.bandwidth.BandwidthKernels;
import dev.strata.kernels.bandwidth.BandwidthTasks;
import java.util.Map;

/**
 * The bandwidth bound of a backend's device, measured by the backend itself: the STREAM triad a = b + s c
 * ({@link BandwidthKernels#triad}) over arrays kept on the device, {@link #TRIADS_PER_EXECUTION} triads an execution
 * so that a launch's fixed cost is shared, GB/s counting 12 bytes a point. The result is read back afterwards and
 * checked at every point, so a backend that skipped or misplaced the work fails instead of reporting a bound.
 */
final class TriadRows {
    /** Floats per array for the suite: 64 Mi, 256 MiB an array, far past any cache. */
    static final int LENGTH = 1 << 26;
    /** Triads per plan execution. */
    static final int TRIADS_PER_EXECUTION = 8;
    /** Bytes a point moves: two float reads and one write (write-allocate not counted, as in STREAM). */
    static final double BYTES_PER_POINT = 12.0;
    private static final float SCALE = 3f;

    private TriadRows() {
    }

    /**
     * Times the triad on {@code backend} over arrays of {@code length} floats (median of the suite's repeats) and
     * returns its row: {@code gbs} the bandwidth, {@code roofline} its share of the C triad of the host (for a host
     * backend) or 1 (a device's triad is its own bound).
     */
    static SuiteRow measure(SuiteContext ctx, String name, ComputeBackend backend, int length) {
        float[] a = new float[length];
        float[] b = new float[length];
        float[] c = new float[length];
        float[] coef = {SCALE};
        for (int i = 0; i < length; i++) {
            a[i] = Float.NaN;
            b[i] = (i % 1021) * 0.5f;
            c[i] = (i % 37) - 18f;
        }
        KernelGraph.Builder graph = KernelGraph.builder("triad")
                .transferToDevice(TransferMode.FIRST_EXECUTION, b, c, coef);
        for (int k = 0; k < TRIADS_PER_EXECUTION; k++) {
            graph.task("triad" + k, BandwidthTasks.triad(a, b, c, coef));
        }
        graph.transferToHost(TransferMode.UNDER_DEMAND, a);
        try (ExecutionPlan plan = backend.plan(graph.build())) {
            Timing t = Timing.of(ctx.settings().repeats(), plan::execute);
            plan.transferToHost(a);
            requireTriad(a, b, c, name);
            double gbs = TRIADS_PER_EXECUTION * BYTES_PER_POINT * length / t.medianSeconds() / 1e9;
            SuiteContext bound = backend.sharesHostArrays() ? ctx : ctx.withDeviceTriad(name, gbs);
            return bound.row("triad", length, name, backend.device().device(),
                    new Timing(t.firstSeconds(), t.medianSeconds() / TRIADS_PER_EXECUTION, t.repeats(), t.settled()),
                    length, BYTES_PER_POINT, Map.of("gbs", gbs, "triadsPerExecution", TRIADS_PER_EXECUTION,
                            "boundMpts", gbs * 1e9 / PerfReference.STENCIL_BYTES_PER_POINT / 1e6));
        }
    }

    /** Throws unless every a[i] is b[i] + s c[i] (to float rounding: a device may fuse the multiply-add). */
    static void requireTriad(float[] a, float[] b, float[] c, String backend) {
        for (int i = 0; i < a.length; i++) {
            float want = b[i] + SCALE * c[i];
            if (!(Math.abs(a[i] - want) <= 1e-6f * Math.max(1f, Math.abs(want)))) {
                throw new IllegalStateException("the triad on " + backend + " wrote " + a[i] + " at index " + i
                        + " where b + s c is " + want + ": the backend did not run it as written");
            }
        }
    }
}
