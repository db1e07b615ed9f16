package dev.strata.cli;

import dev.strata.io.Json;
import dev.strata.bench.OperatorCallBench;
import dev.strata.bench.StencilBench;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata bench}: the wave stencil on each backend against the C/OpenMP reference, measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the 8th-order acoustic stencil (the problem of shared/perf-ref/wave-c) on the "
                + "JVM (Vector API and scalar), any --backend, and the C/OpenMP reference, in the same run. "
                + "Prints Mpts/s of the timed runs and the ratio to C; the first run, which builds (on a device: "
                + "compiles) the plans, is reported apart. Close other work first: timings on a busy machine "
                + "mean little.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--n", defaultValue = "1024", description = "Grid size N (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--steps", defaultValue = "200", description = "Time steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--reps", defaultValue = "3", description = "Timed repetitions, best counts (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--backend", paramLabel = "NAME[:DEVICE]", description = "Also run on this backend, e.g. tornadovm:0.")
    List<String> backends = new ArrayList<>();

    @Option(names = "--perf-ref", defaultValue = "../shared/perf-ref",
            description = "Folder of the C reference (default: ${DEFAULT-VALUE}); skipped with a note if missing.")
    Path perfRef;

    @Option(names = "--json", description = "One JSON object per measurement.")
    boolean json;

    @Option(names = "--operators", description = "Also time each operator of `strata verify` (apply and vjp) on the "
            + " JVM and every --backend: the first call (graph building; compilation on a device) apart from later "
            + " calls.")
    boolean operators;

    @Option(names = "--calls", defaultValue = "5", description = "Later calls timed per operator (default: ${DEFAULT-VALUE}).")
    int calls;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (n < 48 || steps < 1 || reps < 1 || calls < 1) {
            throw new UserInputException("--n must be >= 48, --steps, --reps and --calls >= 1 (got " + n + ", " + steps + ", "
                    + reps + ", " + calls + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        int threads = Runtime.getRuntime().availableProcessors();
        List<StencilBench.Row> c = StencilBench.c(perfRef, n, steps, reps, threads);
        if (c.isEmpty()) {
            spec.commandLine().getErr().println("strata: no C reference at " + perfRef.toAbsolutePath().normalize()
                    + " (or no Makefile there): ratios are not reported; pass --perf-ref DIR");
        }
        double cMpts = c.isEmpty() ? Double.NaN : c.get(0).mpts();
        double cSum = c.isEmpty() ? Double.NaN : c.get(0).checksum();
        c.forEach(r -> print(out, r, "c/openmp", cMpts, cSum));
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
