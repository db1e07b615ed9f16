package dev.strata.cli.invert;

import dev.strata.io.FloatDataset;
import dev.strata.io.SampleStore;
import dev.strata.io.SampleStore.Shard;
import dev.strata.io.SampleStore.ShardContent;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.guidance.SolveTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Draws the posterior samples of a run shard by shard into its {@link SampleStore}: each shard of {@code batch}
 * samples with global indices {@code [first, first + count)} is drawn in one batch (sample i depends on (seed, i)
 * only) and written atomically; shards already in the store are skipped, so a killed run resumes where it stopped
 * and ends with the same samples as an uninterrupted one. With {@code --shard K/N} only the batches of share K are
 * drawn ({@link ShardSpec}).
 */
final class Inversion {
    /** What one shard reports when it is written; {@code split} includes {@code io}, the time to write it. */
    record ShardDone(Shard shard, double seconds, Map<String, Double> split, float[] misfit, SolveTally solves) {
    }

    private final InvertSettings settings;
    private final InverseProblem problem;
    private final Prior prior;
    private final PosteriorSamplerFactory samplers;
    private final Map<String, String> attributes;

    /**
     * @param attributes written into every shard (version, settings, backend)
     */
    Inversion(InvertSettings settings, InverseProblem problem, Prior prior, PosteriorSamplerFactory samplers,
              Map<String, String> attributes) {
        this.settings = settings;
        this.problem = problem;
        this.prior = prior;
        this.samplers = samplers;
        this.attributes = Map.copyOf(attributes);
    }

    /** First indices of the shards this process draws ({@link InvertSettings#shard}) that are not yet in {@code store}. */
    List<Long> missing(SampleStore store) throws IOException {
        return settings.missing(store.shards());
    }

    /** Draws every missing shard; {@code progress} hears reverse steps per shard, {@code done} each written shard. */
    void run(SampleStore store, ProgressListener progress, Consumer<ShardDone> done) throws IOException {
        for (long first : missing(store)) {
            done.accept(drawShard(store, first, progress));
        }
    }

    /** What to change when the sampler leaves the models the physics accepts, for this guidance and covariance. */
    static String divergenceFix(String guidance, String covariance) {
        return switch (guidance) {
            case "dps" -> "use --guidance cdps, a smaller --zeta or more --steps";
            case "cdps", "power" -> "tweedie".equals(covariance) ? "use --covariance isotropic or more --steps"
                    : "use more --steps";
            default -> "use more --steps";
        };
    }

    private ShardDone drawShard(SampleStore store, long first, ProgressListener progress) {
        int n = settings.shardSize(first);
        PhaseClock clock = new PhaseClock();
        RecordingOperator recorded = new RecordingOperator(problem, clock);
        Sampler sampler = samplers.sampler(prior.denoiser() == null ? null : new TimedDenoiser(prior.denoiser(), clock),
                recorded, problem.data());
        long t0 = System.nanoTime();
        float[] x;
        try {
            x = sampler.sample(n, settings.seed(), first, progress);
        } catch (IllegalArgumentException e) {
            throw new dev.strata.cli.UserInputException("the sampler left the models the physics accepts (" + e.getMessage()
                    + "); the run stopped, keeping the shards drawn before; fix: " + divergenceFix(settings.guidance(),
                    settings.covariance()) + ", in a new --out", e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        SolveTally solves = samplers.takeSolveTally(); // this shard's sampler is the one made since the last shard
        float[] misfit = problem.misfit(problem.operator().apply(x, n), n);
        int blocks = problem.blocks().size();
        List<float[]> trace = recorded.trace().stream().filter(t -> t.length == n * blocks).toList();
        int steps = Math.max(trace.size(), 1);
        float[] wrmse = new float[n * blocks * steps];
        for (int s = 0; s < trace.size(); s++) {
            for (int b = 0; b < n; b++) {
                for (int k = 0; k < blocks; k++) {
                    wrmse[(b * blocks + k) * steps + s] = trace.get(s)[b * blocks + k];
                }
            }
        }
        int[] shape = problem.modelShape();
        Map<String, Double> split = clock.split(seconds);
        Map<String, String> attrs = new LinkedHashMap<>(attributes);
        attrs.put("seconds", Double.toString(seconds));
        split.forEach((k, v) -> attrs.put("seconds_" + k, Double.toString(v)));
        ShardContent content = new ShardContent(first,
                new FloatDataset(problem.physical().clip(problem.units().toPhysical(x)),
                        new int[] {n, shape[0], shape[1], shape[2]}),
                new FloatDataset(misfit, new int[] {n, blocks}),
                new FloatDataset(wrmse, new int[] {n, blocks, steps}), attrs);
        try {
            long w0 = System.nanoTime();
            var shard = store.write(content);
            Map<String, Double> withIo = new LinkedHashMap<>(split);
            withIo.put("io", (System.nanoTime() - w0) / 1e9);
            return new ShardDone(shard, seconds, withIo, misfit, solves);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
