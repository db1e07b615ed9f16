package dev.strata.bench.suite;

import dev.strata.bench.StencilBench;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The wave stencil of shared/perf-ref (8th order, sponge, N x N) on the C reference, the JVM and every backend, at
 * each grid size, then over thread counts 1, 2, 4, ... below the machine's at N = 1024: Mpts/s, ratio to C at the
 * same size and threads, roofline share at 16 B per point. The C reference of the ratios runs with the CPU's
 * flush-to-zero on ({@code c-ftz}), as Strata's steps flush subnormal floats themselves; C as it is ({@code c}, which
 * computes them, far slower where a run leaves many) runs beside it, and the Java rows give their ratio to it too
 * ({@code ratioToPlainC}). The JVM also runs temporally blocked ({@code jvm-blocked}, at the fastest of
 * {@link #BLOCK_STEPS} steps a block, reported as {@code blockSteps}), which reads and writes the fields once per
 * block instead of once per step, so its roofline share may pass 1.
 */
final class StencilRows {
    /** Steps per block the temporally blocked JVM rows try; each row reports the fastest (measured first). */
    static final int[] BLOCK_STEPS = {4, 6, 8, 12};

    private StencilRows() {
    }

    static void run(SuiteContext ctx, Optional<PerfReference> reference) throws IOException, InterruptedException {
        SuiteSettings s = ctx.settings();
        for (int[] size : s.stencilSizes()) {
            measureSize(ctx, reference, size[0], size[1], ctx.threads(), true);
        }
        for (int t = 1; t < ctx.threads(); t *= 2) {
            measureSize(ctx, reference, 1024, 500, t, false);
        }
    }

    private static void measureSize(SuiteContext ctx, Optional<PerfReference> reference, int n, int steps, int threads,
                                    boolean allBackends) throws IOException, InterruptedException {
        SuiteSettings s = ctx.settings();
        PerfReference.Wave c = reference.isPresent()
                ? reference.get().wave(n, steps, s.repeats(), threads, true) : null;
        PerfReference.Wave plain = reference.isPresent()
                ? reference.get().wave(n, steps, s.repeats(), threads, false) : null;
        if (c != null) {
            ctx.emit(stencilRow(ctx, "c-ftz", "c/openmp flush-to-zero", threads, n, steps, c.seconds(), c.mpts(), c,
                    Double.NaN));
            ctx.emit(stencilRow(ctx, "c", "c/openmp", threads, n, steps, plain.seconds(), plain.mpts(), c,
                    plain.checksum()));
        }
        DoubleSupplier cRun = c == null ? null : () -> {
            try {
                return reference.get().wave(n, steps, 1, threads, true).seconds();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the C stencil ran", e);
            }
        };
        try (JvmBackend vector = new JvmBackend(JvmConfig.defaults().withThreads(threads))) {
            ctx.emit(javaRow(ctx, StencilBench.java(vector, n, steps, s.repeats(), cRun), "jvm", vector, threads, c,
                    plain));
            int k = StencilBench.fastestBlockSteps(vector, n, steps, BLOCK_STEPS);
            ctx.emit(javaRow(ctx, StencilBench.javaBlocked(vector, n, steps, s.repeats(), k, cRun),
                    "jvm-blocked", vector, threads, c, plain).with("blockSteps", k));
        }
        if (!allBackends) {
            return;
        }
        if (!s.quick()) {
            try (JvmBackend scalar = new JvmBackend(JvmConfig.defaults().withThreads(threads).withVectorized(false))) {
                emitJava(ctx, scalar, "jvm-scalar", threads, n, steps, c, plain);
            }
        }
        for (String spec : s.backends()) {
            ctx.attempt("wave-stencil N = " + n + " on " + spec, () -> {
                try (ComputeBackend b = ComputeBackends.open(spec)) {
                    emitJava(ctx, b, spec, threads, n, steps, c, plain);
                }
            });
        }
    }

    private static void emitJava(SuiteContext ctx, ComputeBackend backend, String name, int threads, int n, int steps,
                                 PerfReference.Wave c, PerfReference.Wave plain) {
        ctx.emit(javaRow(ctx, StencilBench.java(backend, n, steps, ctx.settings().repeats(), null), name, backend,
                threads, c, plain));
    }

    /**
     * A Java stencil row, with {@code pairedRatio} where the C stencil (flush-to-zero) ran in pairs with it and
     * {@code ratioToPlainC} where C also ran as it is.
     */
    private static SuiteRow javaRow(SuiteContext ctx, StencilBench.Paired p, String name, ComputeBackend backend,
                                    int threads, PerfReference.Wave c, PerfReference.Wave plain) {
        StencilBench.Row r = p.row();
        SuiteRow row = stencilRow(ctx, name, backend.device().device(), threads, r.n(), r.steps(), r.seconds(),
                r.mpts(), c, r.checksum()).with("firstSeconds", r.firstSeconds());
        if (plain != null) {
            row = row.with("ratioToPlainC", r.mpts() / plain.mpts());
        }
        return Double.isNaN(p.pairedRatio()) ? row : row.with("pairedRatio", p.pairedRatio());
    }

    private static SuiteRow stencilRow(SuiteContext ctx, String backend, String device, int threads, int n, int steps,
                                       double seconds, double mpts, PerfReference.Wave c, double checksum) {
        double ratio = c == null ? Double.NaN : mpts / c.mpts();
        SuiteRow row = new SuiteRow("wave-stencil", n, backend, device, threads, seconds, mpts, ratio,
                ctx.roofline(backend, mpts, PerfReference.STENCIL_BYTES_PER_POINT), Map.of("steps", steps,
                "repeats", ctx.settings().repeats()));
        if (c != null && !Double.isNaN(checksum)) {
            row = row.with("checksumRelDiffToC", Math.abs(checksum - c.checksum()) / Math.abs(c.checksum()));
        }
        return row;
    }
}
