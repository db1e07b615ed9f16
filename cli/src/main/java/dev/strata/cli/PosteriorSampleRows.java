package dev.strata.cli;

import dev.strata.bench.suite.BenchReport;
import dev.strata.bench.suite.SuiteRow;
import dev.strata.cli.invert.InvertRun;
import dev.strata.cli.invert.InvertSettings;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.nn.TorchEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Seconds per posterior sample of {@code strata invert} for each problem (seismic + wells with corrected DPS, FWI and
 * Darcy with DPS, the JVM backend), with the analytic Gaussian prior and with the shipped network prior of the
 * problem, and the time split of the reverse steps (denoiser, physics, guidance, hand-over, io) per sample, from the
 * run's own shard events; {@code physicsShare} is the part of the sampling time spent outside the denoiser and io.
 */
final class PosteriorSampleRows {
    /** Problem, built-in truth, guidance, zeta, prior. */
    private record Case(String problem, String truth, String guidance, double zeta, String prior) {
    }

    private static final List<Case> CASES = List.of(
            new Case("seismic+wells", "builtin:seismic", "cdps", 1, "gaussian"),
            new Case("fwi", "builtin:marmousi", "dps", 0.1, "gaussian"),
            new Case("darcy", "builtin:darcy", "dps", 1, "gaussian"),
            new Case("seismic+wells", "builtin:seismic", "cdps", 1, "network:seismic"),
            new Case("fwi", "builtin:faulted", "dps", 0.1, "network:fwi"),
            new Case("darcy", "builtin:darcy", "dps", 1, "network:darcy"));

    private PosteriorSampleRows() {
    }

    static void run(boolean quick, int threads, String machine, Consumer<SuiteRow> rows, Consumer<String> notes)
            throws IOException {
        int samples = quick ? 2 : 8;
        int steps = quick ? 10 : 50;
        Optional<String> noEngine = TorchEngine.unavailable();
        noEngine.ifPresent(why -> notes.accept("posterior-sample rows with a network prior: skipped: the PyTorch"
                + " engine did not load (" + why + ")"));
        for (Case c : CASES) {
            if (noEngine.isPresent() && c.prior().startsWith("network:")) {
                continue;
            }
            InvertSettings s = new InvertSettings(c.problem(), "", c.truth(), 0.05, c.prior(), "edm-euler",
                    c.guidance(), "isotropic", c.zeta(), 1, 1, samples, 2026, steps, 0, samples, "jvm", "cpu", 0);
            Path tmp = Files.createTempDirectory("strata-bench-invert");
            try {
                Path events = tmp.resolve("events.jsonl");
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(events))) {
                    InvertRun.execute(s, tmp.resolve("run"), false, true, ProgressListener.NONE, out);
                }
                rows.accept(row(c, samples, steps, threads, machine, BenchReport.read(events)));
            } finally {
                delete(tmp);
            }
        }
    }

    private static SuiteRow row(Case c, int samples, int steps, int threads, String machine,
                                List<Map<String, Object>> events) {
        double seconds = 0;
        Map<String, Double> split = new LinkedHashMap<>();
        for (Map<String, Object> e : events) {
            if (!"shard".equals(e.get("event"))) {
                continue;
            }
            seconds += ((Number) e.get("seconds")).doubleValue();
            e.forEach((k, v) -> {
                if (k.startsWith("seconds_") && !k.equals("seconds_per_sample") && v instanceof Number n) {
                    split.merge("split_" + k.substring("seconds_".length()), n.doubleValue(), Double::sum);
                }
            });
        }
        double perSample = seconds / samples;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("problem", c.problem());
        extra.put("guidance", c.guidance());
        extra.put("prior", c.prior());
        double besideNetwork = split.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("split_network") && !e.getKey().equals("split_io"))
                .mapToDouble(Map.Entry::getValue).sum();
        double sampling = split.entrySet().stream().filter(e -> !e.getKey().equals("split_io"))
                .mapToDouble(Map.Entry::getValue).sum();
        extra.put("physicsShare", sampling > 0 ? besideNetwork / sampling : Double.NaN);
        extra.put("steps", steps);
        extra.put("secondsPerSample", perSample);
        extra.put("secondsPerStepPerSample", perSample / steps);
        extra.put("machine", machine);
        split.forEach((k, v) -> extra.put(k + "PerSample", v / samples));
        return new SuiteRow("posterior-sample", samples, "jvm", "cpu", threads, seconds, Double.NaN, Double.NaN,
                Double.NaN, extra);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
