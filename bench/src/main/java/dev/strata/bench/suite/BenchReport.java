package dev.strata.bench.suite;

import dev.strata.io.AtomicFiles;
import dev.strata.io.LinePlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code strata bench --report DIR}: the JSON lines of one or more suite runs (this machine's and any merged from
 * others) as {@code DIR/report.md}, one table per machine, and three plots: Mpts/s of the wave stencil against N per
 * backend and machine ({@code stencil.png}), its share of the triad bandwidth ({@code roofline.png}) and Mpts/s
 * against threads at N = 1024 ({@code threads.png}).
 */
public final class BenchReport {
    private static final String[] EXTRAS = {"problem", "prior", "ratioToForward", "ratioToApply", "ratioToSolve",
        "ratioToSponge", "ratioToPytorch", "physicsShare", "firstSeconds", "batch", "gbs", "secondsPerSample", "torch"};

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
                .append(" shared/perf-ref at the same size and threads; roofline = bytes moved per second over the")
                .append(" triad bandwidth measured in the same run. Medians of the repeats after a first run;")
                .append(" `firstSeconds` is that first run (plan building, compilation on a device).\n\n");
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
        for (Map.Entry<String, List<Map<String, Object>>> m : byMachine.entrySet()) {
            md.append("## ").append(m.getKey()).append("\n\n");
            md.append("| bench | n | backend | threads | seconds | Mpts/s | ratio | roofline | notes |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Map<String, Object> r : m.getValue()) {
                md.append("| ").append(r.get("bench")).append(" | ").append(r.get("n")).append(" | ")
                        .append(r.get("backend")).append(" | ").append(r.get("threads")).append(" | ")
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
                series.computeIfAbsent(r.get("backend") + " @ " + machine, k -> new TreeMap<>())
                        .put(xx, yv.doubleValue());
            }
        }
        if (series.isEmpty()) {
            return false;
        }
        List<LinePlot.Series> lines = new ArrayList<>();
        series.forEach((name, points) -> lines.add(LinePlot.Series.line(name,
                points.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                points.values().stream().mapToDouble(Double::doubleValue).toArray())));
        new LinePlot().write(png, new LinePlot.Chart(title, xLabel, yLabel, lines, false, List.of()));
        return true;
    }

    private static String notes(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
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
