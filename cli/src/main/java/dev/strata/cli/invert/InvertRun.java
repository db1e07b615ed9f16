package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.Json;
import dev.strata.io.ObservationFile;
import dev.strata.io.Observations;
import dev.strata.io.SampleStore;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.sampler.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code strata invert} run, start to end: settings checked, observations read or synthesised, problem and prior
 * built and checked against the memory, all before anything is written under {@code --out}; then the sample store
 * is created (or reopened with {@code --resume}), the missing shards are drawn and the summary is written.
 */
public final class InvertRun {
    /** Bytes per model value held per sample during a reverse step (state, x̂0, guidance, temporaries). */
    static final int BYTES_PER_VALUE_IN_FLIGHT = 4 * 24;

    private InvertRun() {
    }

    /**
     * @param given    the settings, or null with {@code resume} (then read from the run's manifest)
     * @param progress hears the reverse steps of each shard
     * @param stdout   human-readable lines, or JSON events with {@code json}
     */
    public static void execute(InvertSettings given, Path out, boolean resume, boolean json,
                               ProgressListener progress, PrintWriter stdout) throws IOException {
        SampleStore existing = resume ? openForResume(out) : null;
        InvertSettings settings = resume ? InvertSettings.fromMap(existing.manifest()) : given;
        if (!resume && Files.exists(out.resolve(SampleStore.MANIFEST))) {
            throw new UserInputException("output folder " + out.toAbsolutePath() + " already holds a run; fix: add"
                    + " --resume to continue it, or choose another --out");
        }
        long t0 = System.nanoTime();
        try (ComputeBackend backend = openBackend(settings.backend())) {
            Observations obs = observations(settings, backend);
            PhysicalProblem physical = ProblemBuilders.build(obs, backend, settings.maxMemoryBytes());
            try (Prior prior = PriorFactory.build(settings.prior(), physical, settings.seed(), settings.device())) {
                requireMemory(settings, physical, prior);
                InverseProblem problem = new InverseProblem(physical, prior.offset(), prior.scale());
                Map<String, String> attributes = attributes(settings, backend, prior);
                PosteriorSamplerFactory samplers = new PosteriorSamplerFactory(settings, prior, backend);
                Inversion inversion = new Inversion(settings, problem, prior, samplers, attributes);
                SampleStore store = resume ? existing : create(out, settings, attributes);
                int todo = inversion.missing(store).size();
                event(stdout, json, "start", Map.of("problem", settings.problem(), "samples", settings.samples(),
                        "shards_to_draw", todo, "out", store.dir().toString()));
                try {
                    inversion.run(store, progress, done -> event(stdout, json, "shard", shardEvent(done)));
                } catch (UserInputException e) {
                    if (!resume) {
                        removeIfEmpty(store);
                    }
                    throw e;
                }
                PosteriorSummary summary = PosteriorSummary.of(store, obs.grid().channelNames(), obs.truth());
                double ksd = SteinDiagnostic.of(summary.samples(), summary.count(), problem, prior,
                        settings.batch());
                Map<String, String> all = new LinkedHashMap<>(attributes);
                all.put("kernel_stein_discrepancy", Double.toString(ksd));
                for (Path p : InversionOutputs.write(store.dir(), summary, problem, all)) {
                    event(stdout, json, "wrote", Map.of("file", p.toString()));
                }
                Map<String, Object> done = doneEvent(summary, problem, (System.nanoTime() - t0) / 1e9);
                done.put("ksd", ksd);
                done.put("approximate_posterior", !settings.guidance().equals("none")
                        && !settings.sampler().equals("pcn") && !settings.sampler().equals("mala"));
                event(stdout, json, "done", done);
            }
        }
    }

    /** Removes a store this run created if it holds no shard yet, so a failed start leaves nothing behind. */
    private static void removeIfEmpty(SampleStore store) {
        try {
            if (store.shards().isEmpty()) {
                Files.deleteIfExists(store.dir().resolve(SampleStore.MANIFEST));
                Files.deleteIfExists(store.dir().resolve("shards"));
                try (var left = Files.list(store.dir())) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(store.dir());
                    }
                }
            }
        } catch (IOException e) {
            // the original failure is what the user needs to see; an undeletable leftover is harmless
        }
    }

    private static SampleStore openForResume(Path out) {
        try {
            return SampleStore.open(out);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private static ComputeBackend openBackend(String spec) {
        try {
            return ComputeBackends.open(spec);
        } catch (RuntimeException e) {
            throw new UserInputException("--backend " + spec + ": " + e.getMessage(), e);
        }
    }

    private static Observations observations(InvertSettings s, ComputeBackend backend) {
        if (!s.data().isEmpty()) {
            Observations obs;
            try {
                obs = ObservationFile.read(Path.of(s.data()));
            } catch (IOException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            if (!obs.problem().equals(s.problem())) {
                throw new UserInputException("--problem " + s.problem() + " but " + s.data() + " holds a '"
                        + obs.problem() + "' problem; fix: use --problem " + obs.problem());
            }
            return obs;
        }
        return Synthesis.observe(Synthesis.truthGrid(s.problem(), s.truth(), s.seed()), s.noise(), s.seed(), backend);
    }

    /** Refuses, before anything runs, a run whose summary or reverse steps would not fit in the heap. */
    static void requireMemory(InvertSettings s, PhysicalProblem p, Prior prior) {
        long size = p.operator().inputSize();
        long summary = (long) s.samples() * size * 4 * 2;
        long inFlight = (long) Math.min(s.batch(), s.samples()) * size * BYTES_PER_VALUE_IN_FLIGHT;
        long need = summary + inFlight + (long) prior.count() * size * 8;
        long have = Runtime.getRuntime().maxMemory();
        if (need > have * 0.8) {
            throw new UserInputException(String.format("this run needs about %.1f GB of memory (%d samples of %d"
                    + " values, batch %d), the JVM has %.1f GB; fix: lower --samples or --batch, or raise the heap"
                    + " (JAVA_TOOL_OPTIONS=-Xmx...)", need / 1e9, s.samples(), size, s.batch(), have / 1e9));
        }
    }

    private static SampleStore create(Path out, InvertSettings settings, Map<String, String> attributes) {
        try {
            Map<String, String> manifest = new LinkedHashMap<>(settings.toMap());
            manifest.put("strata_version", attributes.get("strata_version"));
            return SampleStore.create(out, manifest);
        } catch (IOException e) {
            throw new UserInputException("cannot create the run in " + out.toAbsolutePath() + ": " + e.getMessage()
                    + "; fix: choose a writable --out", e);
        }
    }

    private static Map<String, String> attributes(InvertSettings s, ComputeBackend backend, Prior prior) {
        Map<String, String> a = new LinkedHashMap<>();
        String v = InvertRun.class.getPackage().getImplementationVersion();
        a.put("strata_version", v == null ? "development build" : v);
        a.put("strata_command", "invert");
        a.put("config", Json.object(new LinkedHashMap<>(s.toMap())));
        s.toMap().forEach((k, val) -> a.put("setting_" + k, val));
        a.put("backend_device", backend.name());
        a.put("prior_description", prior.description());
        return a;
    }

    private static Map<String, Object> shardEvent(Inversion.ShardDone d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first", d.shard().first());
        m.put("count", d.shard().count());
        m.put("seconds", d.seconds());
        m.put("seconds_per_sample", d.seconds() / d.shard().count());
        d.split().forEach((k, v) -> m.put("seconds_" + k, v));
        return m;
    }

    private static Map<String, Object> doneEvent(PosteriorSummary s, InverseProblem p, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", s.count());
        m.put("seconds", seconds);
        for (int k = 0; k < s.blocks(); k++) {
            m.put("misfit_" + p.blocks().get(k).name(), s.meanMisfit(k));
        }
        m.putAll(s.metrics());
        s.seconds().forEach(m::put);
        return m;
    }

    private static void event(PrintWriter out, boolean json, String kind, Map<String, ?> fields) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", kind);
            m.putAll(fields);
            out.println(Json.object(m));
        } else {
            out.println(HumanEvents.line(kind, fields));
        }
        out.flush();
    }
}
