package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.bench.OperatorCallBench;
import dev.strata.bench.StencilBench;
import dev.strata.bench.suite.BenchReport;
import dev.strata.bench.suite.BenchSuite;
import dev.strata.bench.suite.SuiteRow;
import dev.strata.bench.suite.SuiteSettings;
import dev.strata.io.AtomicFiles;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata bench}: the wave stencil on each backend against the C/OpenMP reference, measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the 8th-order acoustic stencil (the problem of shared/perf-ref/wave-c) on the "
                + "JVM (Vector API and scalar), any --backend, and the C/OpenMP reference, in the same run. "
                + "Prints Mpts/s of the timed runs (median of --reps) and the ratio to C with flush-to-zero on "
                + "(Strata's steps flush subnormal floats too; C as it is runs beside it); the first run, which builds "
                + "(on a device: compiles) the plans, is reported apart. With --suite: every kernel family, the FWI "
                + "gradient, the Darcy solve and gradient, the network and seconds per posterior sample, with ratios "
                + "to the C reference and the triad bandwidth measured in the same run (a device backend's rows "
                + "against that device's own triad). A family that fails on a backend is reported in one line and "
                + "the others still run; the exit code is then 1. Close other work first: timings on a busy machine "
                + "mean little.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--n", defaultValue = "1024", description = "Grid size N (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--steps", defaultValue = "200", description = "Time steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--reps", defaultValue = "3", description = "Timed repetitions after a first run; the median counts (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--backend", paramLabel = "NAME[:DEVICE]", description = "Also run on this backend, e.g. tornadovm:0.")
    List<String> backends = new ArrayList<>();

    @Option(names = "--perf-ref", defaultValue = "../shared/perf-ref",
            description = "Folder of the C reference (default: ${DEFAULT-VALUE}); skipped with a note if missing.")
    Path perfRef;

    @Option(names = "--pytorch", paramLabel = "PYTHON", defaultValue = "python3",
            description = "With --suite: the Python that runs the network rows' reference, the same network in plain"
                    + " PyTorch (default: ${DEFAULT-VALUE}); skipped with a note when it cannot import torch.")
    String python;

    @Option(names = "--json", description = "One JSON object per measurement.")
    boolean json;

    @Option(names = "--operators", description = "Also time each operator of `strata verify` (apply and vjp) on the "
            + " JVM and every --backend: the first call (graph building; compilation on a device) apart from later "
            + " calls.")
    boolean operators;

    @Option(names = "--calls", defaultValue = "5", description = "Later calls timed per operator (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--suite", description = "Run the whole suite (stencil over sizes and threads, acoustic sponge and"
            + " CPML forward and gradient, seismic apply and VJP, Darcy solve and gradient, sampler update, network"
            + " forward and VJP, seconds per posterior sample per problem); one JSON line per measurement with --json.")
    boolean suite;

    @Option(names = "--quick", description = "With --suite: fewer sizes and batches (a few minutes on 2 cores).")
    boolean quick;

    @Option(names = "--report", paramLabel = "DIR", description = "Write DIR/report.md with plots (and DIR/bench.jsonl,"
            + " this run's rows) from this --suite run and every --merge file.")
    Path report;

    @Option(names = "--merge", paramLabel = "FILE", description = "JSON lines of another suite run (another machine,"
            + " another Slurm task) to include in --report; repeatable.")
    List<Path> merge = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (n < 48 || steps < 1 || reps < 1 || calls < 1) {
            throw new UserInputException("--n must be >= 48, --steps, --reps and --calls >= 1 (got " + n + ", " + steps + ", "
                    + reps + ", " + calls + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path m : merge) {
            if (!Files.isRegularFile(m)) {
                throw new UserInputException("--merge " + m + " is not a file; fix: give the JSON lines of a"
                        + " 'strata bench --suite --json' run");
            }
        }
        if (report != null && Files.isRegularFile(report)) {
            throw new UserInputException("--report " + report + " is a file; fix: give a folder (created if missing)");
        }
        if (suite || report != null) {
            return suiteAndReport(out);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        List<StencilBench.Row> c = StencilBench.c(perfRef, n, steps, reps, threads);
        if (c.isEmpty()) {
            spec.commandLine().getErr().println("strata: no C reference at " + perfRef.toAbsolutePath().normalize()
                    + " (or no Makefile there): ratios are not reported; pass --perf-ref DIR");
        }
        double cMpts = c.isEmpty() ? Double.NaN : c.get(0).mpts();
        double cSum = c.isEmpty() ? Double.NaN : c.get(0).checksum();
        c.forEach(r -> print(out, r, r.impl().endsWith("-ftz") ? "c/openmp flush-to-zero" : "c/openmp", cMpts,
                cSum));
        try (JvmBackend vector = new JvmBackend(JvmConfig.defaults().withVectorized(true));
             JvmBackend scalar = new JvmBackend(JvmConfig.defaults().withVectorized(false))) {
            print(out, StencilBench.java(vector, n, steps, reps), "jvm vector api", cMpts, cSum);
            print(out, StencilBench.java(scalar, n, steps, reps), "jvm scalar", cMpts, cSum);
        }
        for (String spec : backends) {
            try (ComputeBackend b = ComputeBackends.open(spec)) {
                print(out, StencilBench.java(b, n, steps, reps), b.device().device(), cMpts, cSum);
            }
        }
        if (operators) {
            List<String> all = new ArrayList<>(List.of("jvm"));
            all.addAll(backends);
            for (String name : all) {
                try (ComputeBackend b = ComputeBackends.open(name)) {
                    OperatorCallBench.run(b, 2, calls).forEach(r -> printCall(out, name, r));
                }
            }
        }
        return ExitCodes.OK;
    }

    private int suiteAndReport(PrintWriter out) throws IOException, InterruptedException {
        List<SuiteRow> rows = new ArrayList<>();
        List<String> failed = List.of();
        if (suite) {
            Consumer<SuiteRow> sink = r -> {
                rows.add(r);
                out.println(json ? r.json() : human(r));
                out.flush();
            };
            PrintWriter err = spec.commandLine().getErr();
            failed = BenchSuite.run(new SuiteSettings(quick, backends, perfRef, reps, python), sink,
                    note -> err.println("strata: " + note));
            PosteriorSampleRows.run(quick, Runtime.getRuntime().availableProcessors(), BenchSuite.machine(), sink,
                    note -> err.println("strata: " + note));
        }
        if (report != null) {
            List<Map<String, Object>> all = new ArrayList<>();
            Files.createDirectories(report);
            if (suite) {
                Path mine = report.resolve("bench.jsonl");
                AtomicFiles.writeText(mine, "benchmark rows", rows.stream().map(r -> r.json() + "\n")
                        .collect(java.util.stream.Collectors.joining()));
                all.addAll(BenchReport.read(mine));
            }
            for (Path m : merge) {
                all.addAll(BenchReport.read(m));
            }
            if (all.isEmpty()) {
                throw new UserInputException("--report has nothing to show; fix: add --suite, or --merge FILE");
            }
            for (Path p : BenchReport.write(report, all)) {
                spec.commandLine().getErr().println("strata: wrote " + p);
            }
        }
        if (!failed.isEmpty()) {
            spec.commandLine().getErr().println("strata: " + failed.size() + " family(ies) of the suite failed"
                    + " (each said above); the rows of the others are complete");
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }

    private static String human(SuiteRow r) {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%-26s n=%-6d %-12s threads=%d %10.4f s",
                r.bench(), r.n(), r.backend(), r.threads(), r.seconds()));
        if (Double.isFinite(r.mpts())) {
            sb.append(String.format(java.util.Locale.ROOT, " %9.1f Mpts/s", r.mpts()));
        }
        if (Double.isFinite(r.ratio())) {
            sb.append(String.format(java.util.Locale.ROOT, "  x%.2f of C", r.ratio()));
        }
        if (Double.isFinite(r.roofline())) {
            sb.append(String.format(java.util.Locale.ROOT, "  roofline %.2f", r.roofline()));
        }
        new java.util.TreeMap<>(r.extra()).forEach((k, v) -> {
            if (k.startsWith("ratioTo") || k.equals("secondsPerSample") || k.equals("gbs") || k.equals("problem")) {
                sb.append("  ").append(k).append(' ').append(v instanceof Double d
                        ? String.format(java.util.Locale.ROOT, "%.3g", d) : v);
            }
        });
        return sb.toString();
    }

    private void printCall(PrintWriter out, String backend, OperatorCallBench.Row r) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "operator-call");
            m.put("backend", backend);
            m.put("operator", r.operator());
            m.put("call", r.call());
            m.put("firstSeconds", r.firstSeconds());
            m.put("laterSeconds", r.laterSeconds());
            m.put("laterCalls", r.laterCalls());
            out.println(Json.object(m));
        } else {
            out.printf("%-10s %-26s %-5s first call %9.4f s (builds/compiles its graphs)   later %9.4f s/call (mean of %d)%n",
                    backend, r.operator(), r.call(), r.firstSeconds(), r.laterSeconds(), r.laterCalls());
        }
        out.flush();
    }

    private void print(PrintWriter out, StencilBench.Row r, String what, double cMpts, double cSum) {
        double ratio = r.mpts() / cMpts;
        double agree = Math.abs(r.checksum() - cSum) / Math.abs(cSum);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "wave-stencil");
            m.put("impl", r.impl());
            m.put("device", what);
            m.put("n", r.n());
            m.put("steps", r.steps());
            m.put("seconds", r.seconds());
            m.put("firstRunSeconds", r.firstSeconds());
            m.put("mpts", r.mpts());
            m.put("ratioToC", ratio);
            m.put("checksum", r.checksum());
            m.put("checksumRelDiffToC", agree);
            out.println(Json.object(m));
        } else {
            out.printf("%-14s %-40s N=%d steps=%d  %8.1f Mpts/s  x%.2f of C  checksum %.9e (rel. diff to C %.1e)%s%n",
                    r.impl(), what, r.n(), r.steps(), r.mpts(), ratio, r.checksum(), agree,
                    Double.isNaN(r.firstSeconds()) ? "" : String.format("  first run %.3f s", r.firstSeconds()));
        }
        out.flush();
    }
}
