package dev.strata.cli.invert;

import dev.strata.io.SampleStore;
import dev.strata.io.SampleStore.Shard;
import dev.strata.io.SampleStore.ShardContent;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posterior as summarised from every shard of a store, in physical units: pixelwise mean, (n - 1)-normalised
 * std and the 5 / 50 / 95 % quantiles (linear interpolation between order statistics), per-sample data misfit, the
 * mean WRMSE trace per data kind, the time split summed over shards, and, with a true model, per-channel metrics
 * and the share of true values inside the 90 % interval.
 */
record PosteriorSummary(int count, int[] shape, float[] samples, float[] mean, float[] std, float[] q05, float[] q50,
                        float[] q95, float[] misfit, int blocks, float[] wrmseMean, int steps,
                        Map<String, Double> seconds, Map<String, Double> metrics) {

    /** Reads every shard of {@code store}; {@code truth} (physical, or null) adds the metrics. */
    static PosteriorSummary of(SampleStore store, List<String> channels, float[] truth) throws IOException {
        List<Shard> shards = store.shards();
        List<ShardContent> contents = new java.util.ArrayList<>();
        for (Shard s : shards) {
            contents.add(store.read(s));
        }
        int n = contents.stream().mapToInt(ShardContent::count).sum();
        int[] shape = Arrays.copyOfRange(contents.getFirst().samples().shape(), 1, 4);
        int size = shape[0] * shape[1] * shape[2];
        int blocks = contents.getFirst().misfit().shape()[1];
        int steps = contents.getFirst().wrmse().shape()[2];
        float[] samples = new float[n * size];
        float[] misfit = new float[n * blocks];
        double[] wrmse = new double[blocks * steps];
        Map<String, Double> seconds = new LinkedHashMap<>();
        int at = 0;
        for (ShardContent c : contents) {
            System.arraycopy(c.samples().data(), 0, samples, at * size, c.samples().data().length);
            System.arraycopy(c.misfit().data(), 0, misfit, at * blocks, c.misfit().data().length);
            float[] w = c.wrmse().data();
            for (int i = 0; i < w.length; i++) {
                wrmse[i % (blocks * steps)] += w[i] / n;
            }
            c.attributes().forEach((k, v) -> {
                if (k.startsWith("seconds")) {
                    seconds.merge(k, Double.parseDouble(v), Double::sum);
                }
            });
            at += c.count();
        }
        CellStatistics cells = CellStatistics.of(samples, n);
        float[] wrmseMean = new float[wrmse.length];
        for (int i = 0; i < wrmse.length; i++) {
            wrmseMean[i] = (float) wrmse[i];
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (truth != null) {
            int plane = shape[1] * shape[2];
            for (int c = 0; c < shape[0]; c++) {
                ImageMetrics m = ImageMetrics.of(cells.mean(), truth, c * plane, shape[1], shape[2]);
                String ch = channels.get(c);
                metrics.put(ch + "_rmse", m.rmse());
                metrics.put(ch + "_relative_l2", m.relativeL2());
                metrics.put(ch + "_ssim", m.ssim());
                metrics.put(ch + "_psnr_db", m.psnr());
                metrics.put(ch + "_coverage90", cells.coverage90(truth, c * plane, plane));
            }
        }
        return new PosteriorSummary(n, shape, samples, cells.mean(), cells.std(), cells.q05(), cells.q50(), cells.q95(),
                misfit, blocks, wrmseMean, steps, seconds, metrics);
    }

    /** Mean misfit (RMS residual / noise std) of data kind {@code k} over the samples. */
    double meanMisfit(int k) {
        double s = 0;
        for (int b = 0; b < count; b++) {
            s += misfit[b * blocks + k];
        }
        return s / count;
    }
}
