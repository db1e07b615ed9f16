package dev.strata.bench;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import dev.strata.bench.suite.PerfReference;
import dev.strata.bench.suite.Timing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * End-to-end stencil benchmark: Strata's wave stencil on a backend and the C/OpenMP reference of
 * {@code shared/perf-ref/wave-c} on the same problem, in the same run, reported as a ratio. The median of
 * {@code reps} timed runs after one warm-up run counts, for both.
 */
public final class StencilBench {

    /**
     * One measurement.
     *
     * @param impl     what ran ({@code c}, or a backend and device)
     * @param n        grid size N (N x N)
     * @param steps    time steps
     * @param seconds  median wall time of the propagation
     * @param mpts     N^2 steps / seconds / 1e6
     * @param checksum sum of p^2 of the final field
     * @param firstSeconds wall time of the first run, which builds (on a device backend, compiles) the plans; NaN
     *                     where not measured (the C reference)
     */
    public record Row(String impl, int n, int steps, double seconds, double mpts, double checksum,
                      double firstSeconds) {
    }

    private StencilBench() {
    }

    /**
     * Times the Java stencil on {@code backend}: the first run (plans built, on a device compiled) apart, then the
     * median of {@code reps} runs that reuse the plans.
     */
    public static Row java(ComputeBackend backend, int n, int steps, int reps) {
        return java(backend, n, steps, reps, null).row();
    }

    /**
     * As {@link #java(ComputeBackend, int, int, int)}, then, where {@code referenceSeconds} is not null (a run of a
     * reference on the same problem, returning its seconds), the median ratio of the reference's seconds to this
     * stencil's in back-to-back pairs ({@link Timing#pairedRatio}): this stencil's speed relative to the reference's.
     */
    public static Paired java(ComputeBackend backend, int n, int steps, int reps, DoubleSupplier referenceSeconds) {
        return time(backend, n, steps, reps, "", p -> p.run(backend), referenceSeconds);
    }

    /**
     * As {@link #java(ComputeBackend, int, int, int, DoubleSupplier)}, temporally blocked: {@code blockSteps} steps a
     * block ({@link ReferenceWaveProblem#runBlocked}), on a backend that works on host arrays.
     */
    public static Paired javaBlocked(ComputeBackend backend, int n, int steps, int reps, int blockSteps,
                                     DoubleSupplier referenceSeconds) {
        return time(backend, n, steps, reps, "-blocked" + blockSteps, p -> p.runBlocked(backend, blockSteps),
                referenceSeconds);
    }

    /**
     * The steps a block, among {@code candidates} (even, at least 2), at which a temporally blocked run of the
     * reference problem is fastest on {@code backend}: each run three times, the faster of the last two counted (the
     * first builds its plan), as FFTW's planner measures rather than models. Which is fastest depends on a core's
     * cache: a block's wavefront holds about (steps - 1) (R + 1) + 2 R + 1 rows of three fields.
     */
    public static int fastestBlockSteps(ComputeBackend backend, int n, int steps, int... candidates) {
        ReferenceWaveProblem problem = new ReferenceWaveProblem(n, steps);
        int best = candidates[0];
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (int k : candidates) {
            problem.runBlocked(backend, k);
            DoubleSupplier run = Timing.wallSeconds(() -> problem.runBlocked(backend, k));
            double seconds = Math.min(run.getAsDouble(), run.getAsDouble());
            if (seconds < bestSeconds) {
                best = k;
                bestSeconds = seconds;
            }
        }
        return best;
    }

    /** A row and its paired speed ratio to a reference (NaN without one). */
    public record Paired(Row row, double pairedRatio) {
    }

    private static Paired time(ComputeBackend backend, int n, int steps, int reps, String variant,
                               Function<ReferenceWaveProblem, float[]> run, DoubleSupplier referenceSeconds) {
        ReferenceWaveProblem problem = new ReferenceWaveProblem(n, steps);
        float[][] last = new float[1][];
        Runnable body = () -> last[0] = run.apply(problem); // the checksum after the timing, as wave.c has it
        Timing t = Timing.of(reps, body);
        Row row = new Row(backend.name() + ":" + backend.device().index() + variant, n, steps, t.medianSeconds(),
                (double) n * n * steps / t.medianSeconds() / 1e6, ReferenceWaveProblem.checksum(last[0]),
                t.firstSeconds());
        double paired = referenceSeconds == null ? Double.NaN
                : Timing.pairedRatio(reps, Timing.wallSeconds(body), referenceSeconds, System::nanoTime);
        return new Paired(row, paired);
    }

    /**
     * Builds and runs the C reference in {@code perfRef} with {@code threads} OpenMP threads (median of {@code reps}):
     * first with the CPU flushing subnormal floats to zero ({@code c-ompT-ftz}, the like-for-like reference of
     * Strata's steps, which flush them too), then as it is ({@code c-ompT}); empty when the folder has no Makefile,
     * so the caller can say so.
     */
    public static List<Row> c(Path perfRef, int n, int steps, int reps, int threads) throws IOException, InterruptedException {
        var reference = PerfReference.build(perfRef);
        if (reference.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new java.util.ArrayList<>();
        for (boolean ftz : new boolean[] {true, false}) {
            PerfReference.Wave w = reference.get().wave(n, steps, reps, threads, ftz);
            rows.add(new Row("c-omp" + threads + (ftz ? "-ftz" : ""), n, steps, w.seconds(), w.mpts(), w.checksum(),
                    Double.NaN));
        }
        return rows;
    }
}
