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
 * As the suite's other rows time calls after a first one, each case first runs {@link #WARMUP_STEPS} untimed steps
 * of the same draw, in which the JIT compiles the case's kernels and the backend builds its plans; that run's share
 * is reported apart as {@code coldPhysicsShare}. A quick suite times {@link #QUICK_DRAWS} draws of a case and reports
 * the one of median sampling time ({@link #medianDraw}): a draw of 2 samples and 10 steps lasts a fraction of a
 * second for Darcy and seismic, and one slow moment of the machine moved such a row threefold.
 */
final class PosteriorSampleRows {
    /** Problem, built-in truth, guidance, zeta, prior. */
    record Case(String problem, String truth, String guidance, double zeta, String prior) {
    }

    private static final List<Case> CASES = List.of(
            new Case("seismic+wells", "builtin:seismic", "cdps", 1, "gaussian"),
            new Case("fwi", "builtin:marmousi", "dps", 0.1, "gaussian"),
            new Case("darcy", "builtin:darcy", "dps", 1, "gaussian"),
            new Case("seismic+wells", "builtin:seismic", "cdps", 1, "network:seismic"),
            new Case("fwi", "builtin:faulted", "dps", 0.1, "network:fwi"),
            new Case("darcy", "builtin:darcy", "dps", 1, "network:darcy"));

    /** Reverse steps of the untimed first run of each case. */
    static final int WARMUP_STEPS = 10;
    /** Timed draws of a case in a quick suite, the row being the median one; a full suite times one long draw. */
    static final int QUICK_DRAWS = 3;

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
            List<Map<String, Object>> cold = draw(c, samples, Math.min(WARMUP_STEPS, steps));
            List<List<Map<String, Object>>> timed = new java.util.ArrayList<>();
            for (int d = 0; d < (quick ? QUICK_DRAWS : 1); d++) {
                timed.add(draw(c, samples, steps));
            }
            rows.accept(row(c, samples, steps, threads, machine, medianDraw(timed), cold, timed.size()));
        }
    }

    /** The events of {@code strata invert} on case {@code c} with these samples and steps. */
    private static List<Map<String, Object>> draw(Case c, int samples, int steps) throws IOException {
        InvertSettings s = new InvertSettings(c.problem(), "", c.truth(), 0.05, c.prior(), "edm-euler",
                c.guidance(), "isotropic", c.zeta(), 1, 1, samples, 2026, steps, 0, samples, "jvm", "cpu", 0);
        Path tmp = Files.createTempDirectory("strata-bench-invert");
        try {
            Path events = tmp.resolve("events.jsonl");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(events))) {
                InvertRun.execute(s, tmp.resolve("run"), false, true, ProgressListener.NONE, out);
            }
            return BenchReport.read(events);
        } finally {
            delete(tmp);
        }
    }

    /** The shards' seconds and their split by phase ({@code split_<phase>}), summed over a run's shard events. */
    private record Split(double seconds, Map<String, Double> parts) {
        static Split of(List<Map<String, Object>> events) {
            double seconds = 0;
            Map<String, Double> parts = new LinkedHashMap<>();
            for (Map<String, Object> e : events) {
                if (!"shard".equals(e.get("event"))) {
                    continue;
                }
                seconds += ((Number) e.get("seconds")).doubleValue();
                e.forEach((k, v) -> {
                    if (k.startsWith("seconds_") && !k.equals("seconds_per_sample") && v instanceof Number n) {
                        parts.merge("split_" + k.substring("seconds_".length()), n.doubleValue(), Double::sum);
                    }
                });
            }
            return new Split(seconds, parts);
        }

        /** Everything but the network and io, over everything but io; NaN without a split. */
        double physicsShare() {
            double besideNetwork = parts.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("split_network") && !e.getKey().equals("split_io"))
                    .mapToDouble(Map.Entry::getValue).sum();
            double sampling = parts.entrySet().stream().filter(e -> !e.getKey().equals("split_io"))
                    .mapToDouble(Map.Entry::getValue).sum();
            return sampling > 0 ? besideNetwork / sampling : Double.NaN;
        }
    }

    /** The events of the draw whose shards took the median sampling time (the upper one of an even count). */
    static List<Map<String, Object>> medianDraw(List<List<Map<String, Object>>> draws) {
        List<List<Map<String, Object>>> sorted = new java.util.ArrayList<>(draws);
        sorted.sort(Comparator.comparingDouble(events -> Split.of(events).seconds()));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The row of case {@code c} from the events of its timed run (the median of {@code draws}) and of its untimed
     * first run ({@code cold}).
     */
    static SuiteRow row(Case c, int samples, int steps, int threads, String machine, List<Map<String, Object>> events,
                        List<Map<String, Object>> cold, int draws) {
        Split timed = Split.of(events);
        double seconds = timed.seconds();
        Map<String, Double> split = timed.parts();
        double perSample = seconds / samples;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("problem", c.problem());
        extra.put("guidance", c.guidance());
        extra.put("prior", c.prior());
        extra.put("physicsShare", timed.physicsShare());
        extra.put("coldPhysicsShare", Split.of(cold).physicsShare());
        extra.put("steps", steps);
        extra.put("draws", draws);
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
