package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.Json;
import dev.strata.io.SampleStore;
import dev.strata.sampler.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code strata invert} run, start to end: settings checked, observations read or synthesised, problem and prior
 * built and checked against the memory ({@link InversionSetup}), all before anything is written under {@code --out};
 * then the sample store is created (or reopened with {@code --resume}), the missing shards are drawn and the summary
 * is written. A share of a run ({@code --shard K/N} with N > 1) ends after its shards: its summary is the merged
 * store's ({@code strata merge}).
 */
public final class InvertRun {
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
        try (InversionSetup setup = InversionSetup.open(settings)) {
            PosteriorSamplerFactory samplers = new PosteriorSamplerFactory(settings, setup.prior, setup.backend);
            Inversion inversion = new Inversion(settings, setup.problem, setup.prior, samplers, setup.attributes);
            SampleStore store = resume ? existing : create(out, settings, InversionSetup.version());
            int todo = inversion.missing(store).size();
            Map<String, Object> start = new LinkedHashMap<>(Map.of("problem", settings.problem(), "samples",
                    settings.samples(), "shards_to_draw", todo, "out", store.dir().toString()));
            if (!settings.shard().isWhole()) {
                start.put("shard", settings.shard().toString());
            }
            event(stdout, json, "start", start);
            try {
                inversion.run(store, progress, done -> event(stdout, json, "shard", shardEvent(done)));
            } catch (UserInputException e) {
                if (!resume) {
                    removeIfEmpty(store);
                }
                throw e;
            }
            if (settings.shard().isWhole()) {
                summarise(setup, store, t0, json, stdout);
            } else {
                event(stdout, json, "share_done", Map.of("shard", settings.shard().toString(), "samples",
                        store.shards().stream().mapToInt(SampleStore.Shard::count).sum(), "seconds",
                        (System.nanoTime() - t0) / 1e9, "out", store.dir().toString()));
            }
        }
    }

    /**
     * Reads every shard of {@code store} and writes the run's summary beside it ({@code posterior.h5}, pictures),
     * printing one {@code wrote} event per file and the {@code done} event (misfit, metrics, KSD).
     */
    static void summarise(InversionSetup setup, SampleStore store, long t0, boolean json, PrintWriter stdout)
            throws IOException {
        InvertSettings settings = setup.settings;
        PosteriorSummary summary = PosteriorSummary.of(store, setup.observations.grid().channelNames(),
                setup.observations.truth());
        // the KSD needs the prior's score on the models; a latent prior (LD-DIM) has none
        double ksd = setup.prior.denoiser() == null ? Double.NaN : SteinDiagnostic.of(summary.samples(),
                summary.count(), setup.problem, setup.prior, settings.batch());
        Map<String, String> all = new LinkedHashMap<>(setup.attributes);
        all.put("kernel_stein_discrepancy", Double.toString(ksd));
        for (Path p : InversionOutputs.write(store.dir(), summary, setup.problem, all)) {
            event(stdout, json, "wrote", Map.of("file", p.toString()));
        }
        Map<String, Object> done = doneEvent(summary, setup.problem, (System.nanoTime() - t0) / 1e9);
        if (!Double.isNaN(ksd)) {
            done.put("ksd", ksd);
        }
        if (settings.sampler().equals("ld-dim")) {
            done.put("deterministic_restarts", true);
        }
        done.put("approximate_posterior", !settings.guidance().equals("none")
                && !settings.sampler().equals("pcn") && !settings.sampler().equals("mala"));
        event(stdout, json, "done", done);
    }

    /** Creates the store of a new run in {@code out}: its manifest is the settings and the Strata version. */
    static SampleStore create(Path out, InvertSettings settings, String version) {
        try {
            Map<String, String> manifest = new LinkedHashMap<>(settings.toMap());
            manifest.put(MergePlan.VERSION, version);
            return SampleStore.create(out, manifest);
        } catch (IOException e) {
            throw new UserInputException("cannot create the run in " + out.toAbsolutePath() + ": " + e.getMessage()
                    + "; fix: choose a writable --out", e);
        }
    }

    /** Removes a store this run created if it holds no shard yet, so a failed start leaves nothing behind. */
    static void removeIfEmpty(SampleStore store) {
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

    private static Map<String, Object> shardEvent(Inversion.ShardDone d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("first", d.shard().first());
        m.put("count", d.shard().count());
        m.put("seconds", d.seconds());
        m.put("seconds_per_sample", d.seconds() / d.shard().count());
        d.split().forEach((k, v) -> m.put("seconds_" + k, v));
        if (d.solves().systems() > 0) {
            m.put("cg_systems", d.solves().systems());
            m.put("cg_truncated", d.solves().truncated());
        }
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

    static void event(PrintWriter out, boolean json, String kind, Map<String, ?> fields) {
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
