package dev.strata.bench.suite;

import dev.strata.io.AtomicFiles;
import dev.strata.io.LinePlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code strata bench --report DIR}: the JSON lines of one or more suite runs (this machine's and any merged from
 * others) as {@code DIR/report.md}, one table per machine, and four plots: Mpts/s of the wave stencil against N per
 * backend and machine ({@code stencil.png}), its share of the triad bandwidth ({@code roofline.png}), Mpts/s
 * against threads at N = 1024 ({@code threads.png}) and the time split of a reverse step of each posterior-sample
 * row ({@code split.png}, with a table of the same shares).
 */
public final class BenchReport {
    private static final String SPLIT_PREFIX = "split_";
    private static final String SPLIT_SUFFIX = "PerSample";
    /** The order the parts of a reverse step stack in, from the bottom; parts not named here go on top. */
    private static final List<String> SPLIT_ORDER = List.of("network", "network_vjp", "handover", "physics_forward",
            "physics_adjoint", "guidance_and_update", "io");
    private static final String[] EXTRAS = {"problem", "prior", "pairedRatio", "ratioToPlainC", "ratioToForward",
        "ratioToApply", "ratioToSolve", "ratioToSponge", "ratioToPytorch", "physicsShare", "coldPhysicsShare",
        "blockSteps", "firstSeconds", "batch", "gbs", "secondsPerSample", "torch"};

    private BenchReport() {
    }

    /** Reads JSON lines (one object per line; blank lines and lines not starting with '{' are skipped). */
    public static List<Map<String, Object>> read(Path file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> rows = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (!line.strip().startsWith("{")) {
                continue;
            }
            try {
                if (yaml.load(line) instanceof Map<?, ?> m) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    m.forEach((k, v) -> row.put(String.valueOf(k), v));
                    rows.add(row);
                }
            } catch (YAMLException e) {
                throw new IOException(file + " line " + number + " is not a JSON object; fix: give the --json"
                        + " output of strata bench --suite");
            }
        }
        return rows;
    }

    /** Writes report.md and the plots into {@code dir} (created if missing); returns the files written. */
    public static List<Path> write(Path dir, List<Map<String, Object>> rows) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<Map<String, Object>>> byMachine = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            byMachine.computeIfAbsent(String.valueOf(r.getOrDefault("machine", "unknown machine")),
                    k -> new ArrayList<>()).add(r);
        }
        List<Path> written = new ArrayList<>();
        StringBuilder md = new StringBuilder("# Strata benchmark report\n\n");
        md.append("Mpts/s = million grid points (or model values) per second; ratio = to the C/OpenMP reference of")
                .append(" shared/perf-ref at the same size and threads, run with the CPU's flush-to-zero on (`c-ftz`),")
                .append(" since Strata's steps flush subnormal floats themselves (`c` is C as it is, `ratioToPlainC`")
                .append(" the ratio to it; `pairedRatio`: the median of back-to-back")
                .append(" pairs of one C run and one Java run, which a slow phase of the machine leaves alone; the")
                .append(" other ratios in the notes are paired likewise); roofline = bytes moved per second over the")
                .append(" triad bandwidth measured in the same run. Medians of the repeats after a first run;")
                .append(" `firstSeconds` is that first run (plan building, compilation on a device). Untimed runs go")
                .append(" on until the JIT has compiled nothing for a quarter second; a row marked")
                .append(" *JIT still compiling* reached the warm-up's cap first, so compiler threads may have")
                .append(" competed with it.\n\n");
        if (plot(dir.resolve("stencil.png"), "Wave stencil (8th order, sponge)", "log2 N", "Mpts/s", rows,
                "mpts", "n", true)) {
            written.add(dir.resolve("stencil.png"));
            md.append("![stencil](stencil.png)\n\n");
        }
        if (plot(dir.resolve("roofline.png"), "Wave stencil: share of triad bandwidth", "log2 N", "roofline",
                rows, "roofline", "n", true)) {
            written.add(dir.resolve("roofline.png"));
            md.append("![roofline](roofline.png)\n\n");
        }
        if (plot(dir.resolve("threads.png"), "Wave stencil at N = 1024 against threads", "threads", "Mpts/s",
                rows, "mpts", "threads", false)) {
            written.add(dir.resolve("threads.png"));
            md.append("![threads](threads.png)\n\n");
        }
        if (splitPlot(dir.resolve("split.png"), rows, md)) {
            written.add(dir.resolve("split.png"));
        }
        for (Map.Entry<String, List<Map<String, Object>>> m : byMachine.entrySet()) {
            md.append("## ").append(m.getKey()).append("\n\n");
            md.append("| bench | n | backend | threads | seconds | Mpts/s | ratio | roofline | notes |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Map<String, Object> r : m.getValue()) {
                md.append("| ").append(r.get("bench")).append(" | ").append(r.get("n")).append(" | ")
                        .append(backendLabel(r)).append(" | ").append(r.get("threads")).append(" | ")
                        .append(num(r.get("seconds"))).append(" | ").append(num(r.get("mpts"))).append(" | ")
                        .append(num(r.get("ratio"))).append(" | ").append(num(r.get("roofline"))).append(" | ")
                        .append(notes(r)).append(" |\n");
            }
            md.append('\n');
        }
        Path report = dir.resolve("report.md");
        AtomicFiles.writeText(report, "benchmark report", md.toString());
        written.add(0, report);
        return written;
    }

    /**
     * One series per (backend, machine) of the wave-stencil rows: {@code y} against {@code x} (log2 when
     * {@code logX}); the size plot keeps the rows at each machine's full thread count, the thread plot N = 1024.
     */
    private static boolean plot(Path png, String title, String xLabel, String yLabel, List<Map<String, Object>> rows,
                                String y, String x, boolean bySize) throws IOException {
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
        Map<String, Integer> maxThreads = new TreeMap<>();
        for (Map<String, Object> r : rows) {
            if ("wave-stencil".equals(r.get("bench")) && r.get("threads") instanceof Number t) {
                maxThreads.merge(String.valueOf(r.get("machine")), t.intValue(), Math::max);
            }
        }
        for (Map<String, Object> r : rows) {
            if (!"wave-stencil".equals(r.get("bench")) || !(r.get(y) instanceof Number yv)
                    || !(r.get(x) instanceof Number xv) || !(r.get("threads") instanceof Number t)) {
                continue;
            }
            String machine = String.valueOf(r.get("machine"));
            boolean keep = bySize ? t.intValue() == maxThreads.get(machine)
                    : ((Number) r.get("n")).intValue() == 1024;
            if (keep) {
                double xx = bySize ? Math.log(xv.doubleValue()) / Math.log(2) : xv.doubleValue();
                series.computeIfAbsent(backendLabel(r) + " @ " + machine, k -> new TreeMap<>())
                        .put(xx, yv.doubleValue());
            }
        }
        if (series.isEmpty()) {
            return false;
        }
        List<LinePlot.Series> lines = new ArrayList<>();
        series.forEach((name, points) -> {
            double[] xs = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] ys = points.values().stream().mapToDouble(Double::doubleValue).toArray();
            // a series of one point (a backend measured at one thread count) is drawn as a mark, not a line
            lines.add(xs.length == 1 ? LinePlot.Series.points(name, xs, ys) : LinePlot.Series.line(name, xs, ys));
        });
        new LinePlot().write(png, new LinePlot.Chart(title, xLabel, yLabel, lines, false, List.of()));
        return true;
    }

    /**
     * The parts of a reverse step ({@code split_*PerSample} of the posterior-sample rows: network, physics, guidance,
     * hand-over, io) as shares of the step's wall time, one stacked bar per row, and a table of the same shares
     * appended to {@code md}; false (nothing written) without such rows.
     */
    private static boolean splitPlot(Path png, List<Map<String, Object>> rows, StringBuilder md) throws IOException {
        List<Map<String, Object>> cases = new ArrayList<>();
        Set<String> parts = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            if ("posterior-sample".equals(r.get("bench"))) {
                List<String> own = splitParts(r);
                if (!own.isEmpty()) {
                    cases.add(r);
                    parts.addAll(own);
                }
            }
        }
        if (cases.isEmpty()) {
            return false;
        }
        List<String> order = new ArrayList<>(parts);
        order.sort(Comparator.comparingInt(p -> SPLIT_ORDER.contains(p) ? SPLIT_ORDER.indexOf(p)
                : SPLIT_ORDER.size()));
        double[] x = new double[cases.size()];
        double[][] cumulative = new double[order.size()][cases.size()];
        md.append("![split](split.png)\n\n| case | machine | problem | prior | seconds per step per sample |");
        order.forEach(p -> md.append(' ').append(p.replace('_', ' ')).append(" |"));
        md.append("\n|---|---|---|---|---|").append("---|".repeat(order.size())).append('\n');
        for (int c = 0; c < cases.size(); c++) {
            Map<String, Object> r = cases.get(c);
            x[c] = c + 1;
            double[] seconds = new double[order.size()];
            double total = 0;
            for (int k = 0; k < order.size(); k++) {
                seconds[k] = r.get(SPLIT_PREFIX + order.get(k) + SPLIT_SUFFIX) instanceof Number n
                        ? n.doubleValue() : 0;
                total += seconds[k];
            }
            md.append("| ").append(c + 1).append(" | ").append(r.get("machine")).append(" | ")
                    .append(r.get("problem")).append(" | ").append(r.get("prior")).append(" | ")
                    .append(num(r.get("secondsPerStepPerSample"))).append(" |");
            double sum = 0;
            for (int k = 0; k < order.size(); k++) {
                double share = total > 0 ? seconds[k] / total : 0;
                sum += share;
                cumulative[k][c] = sum;
                md.append(String.format(Locale.ROOT, " %.1f %% |", 100 * share));
            }
            md.append('\n');
        }
        md.append("\nShares of the wall time of a reverse step (io: writing the samples); `physicsShare` in the table")
                .append(" below is everything but the network and io, over everything but io.\n\n");
        List<LinePlot.Series> bars = new ArrayList<>();
        for (int k = order.size() - 1; k >= 0; k--) { // largest cumulative share first, each drawn over the last
            bars.add(LinePlot.Series.bars(order.get(k).replace('_', ' '), x, cumulative[k]));
        }
        new LinePlot().write(png, new LinePlot.Chart("Time split of a reverse step", "case (table in report.md)",
                "share of step time", bars, false, List.of()));
        return true;
    }

    /** The part names of the {@code split_<part>PerSample} fields of {@code r}, in its order. */
    private static List<String> splitParts(Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        for (String k : r.keySet()) {
            if (k.startsWith(SPLIT_PREFIX) && k.endsWith(SPLIT_SUFFIX) && r.get(k) instanceof Number) {
                parts.add(k.substring(SPLIT_PREFIX.length(), k.length() - SPLIT_SUFFIX.length()));
            }
        }
        return parts;
    }

    /**
     * The backend of row {@code r}, with its device where that is a TornadoVM device (one machine can hold a CPU
     * OpenCL device and a GPU: {@code tornadovm:0 (NVIDIA H200 GPU)}).
     */
    static String backendLabel(Map<String, Object> r) {
        String backend = String.valueOf(r.get("backend"));
        if (backend.startsWith("tornadovm") && r.get("device") instanceof String d && !d.isBlank()) {
            return backend + " (" + d.replace(" (available)", "").strip() + ")";
        }
        return backend;
    }

    private static String notes(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder(Boolean.FALSE.equals(r.get("settled")) ? "*JIT still compiling*" : "");
        for (String k : EXTRAS) {
            if (r.get(k) != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(num(r.get(k)));
            }
        }
        return sb.toString();
    }

    private static String num(Object v) {
        if (!(v instanceof Number n)) {
            return v == null ? "" : String.valueOf(v);
        }
        double d = n.doubleValue();
        if (v instanceof Integer || v instanceof Long) {
            return String.valueOf(n.longValue());
        }
        return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.3g", d);
    }
}
