package dev.strata.bench.suite;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.jvm.JvmBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code strata bench --suite}: the yardsticks first (the C triad and C stencil, then each backend's own triad, the
 * bandwidth bound of its device), then the wave stencil over sizes and threads, every operator family per backend,
 * and the network, each row a {@link SuiteRow}. Rows are emitted as they are measured, so a long run shows progress
 * and a killed one keeps what it measured.
 */
public final class BenchSuite {
    private BenchSuite() {
    }

    /**
     * Runs the suite.
     *
     * @param rows  hears each measurement
     * @param notes hears what was skipped and why, and each family that failed, one line each
     * @return the families that failed (a kernel a device could not compile, say); the others ran
     */
    public static List<String> run(SuiteSettings settings, Consumer<SuiteRow> rows, Consumer<String> notes)
            throws IOException, InterruptedException {
        List<String> failed = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        Optional<PerfReference> reference = PerfReference.build(settings.perfRef());
        double triad = Double.NaN;
        if (reference.isPresent()) {
            triad = reference.get().triadGbs(threads, settings.repeats());
        } else {
            notes.accept("no C reference at " + settings.perfRef().toAbsolutePath().normalize()
                    + ": ratio and roofline are null; pass --perf-ref DIR");
        }
        SuiteContext ctx = new SuiteContext(settings, threads, triad, Map.of(), machine(), rows, f -> {
            failed.add(f);
            notes.accept(f);
        });
        if (!Double.isNaN(triad)) {
            ctx.emit(new SuiteRow("triad", 0, "c", "c/openmp", threads, Double.NaN, Double.NaN, Double.NaN, 1.0,
                    Map.of("gbs", triad, "boundMpts", triad * 1e9 / PerfReference.STENCIL_BYTES_PER_POINT / 1e6)));
        }
        ctx.emit(TriadRows.measure(ctx, "jvm", JvmBackend.common(), TriadRows.LENGTH));
        ctx.emit(PlanExecutionRows.measure(ctx, "jvm", JvmBackend.common()));
        for (String spec : settings.backends()) {
            try (ComputeBackend b = ComputeBackends.open(spec)) {
                SuiteRow row = TriadRows.measure(ctx, spec, b, TriadRows.LENGTH);
                ctx.emit(row);
                ctx.emit(PlanExecutionRows.measure(ctx, spec, b));
                if (!b.sharesHostArrays()) {
                    ctx = ctx.withDeviceTriad(spec, (Double) row.extra().get("gbs"));
                }
            }
        }
        StencilRows.run(ctx, reference);
        OperatorRows.run(ctx, "jvm", JvmBackend.common());
        for (String spec : settings.backends()) {
            SuiteContext c = ctx;
            ctx.attempt("operator rows on " + spec, () -> {
                try (ComputeBackend b = ComputeBackends.open(spec)) {
                    OperatorRows.run(c, spec, b);
                }
            });
        }
        NetworkRows.run(ctx, notes);
        return failed;
    }

    /** Host name and CPU model, so that rows of several machines stay apart in one report. */
    public static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        String cpu = System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture names the machine well enough
        }
        return host + " (" + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores)";
    }
}
