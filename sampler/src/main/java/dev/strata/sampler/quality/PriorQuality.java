package dev.strata.sampler.quality;

import dev.strata.forward.geology.Channel;
import dev.strata.forward.geology.ChannelStatistics;
import dev.strata.forward.geology.FaciesStatistics;
import dev.strata.forward.geology.FieldStatistics;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.sampler.mixture.MemorizationMetric;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.prior.ChannelNormalisation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality of a learned prior: samples drawn from it against held-out models of the generator that made its
 * training set, on the generator's own statistics ({@link FieldStatistics}) per channel, the sand proportion for
 * facies models, and the memorization share of seed 001 ({@link MemorizationMetric}, threshold 0.5) against the
 * normalised training set.
 *
 * @param samples                samples measured
 * @param heldOut                held-out models measured
 * @param channels               one comparison per channel, in channel order
 * @param sandProportion         share of sample cells whose facies value exceeds 0.5; NaN without a facies channel
 * @param heldOutSandProportion  the same for the held-out models
 * @param memorization           share of samples whose nearest training model is closer than 0.5 of the mean
 *                               distance to the next ones
 */
public record PriorQuality(int samples, int heldOut, List<ChannelComparison> channels, double sandProportion,
                           double heldOutSandProportion, double memorization) {

    /** Name of the facies channel, whose values above 0.5 count as sand. */
    public static final String FACIES = "facies";
    /** Neighbours of the memorization metric (seed 001), fewer when the training set is smaller. */
    public static final int NEIGHBOURS = 50;
    /** Ratio below which a sample counts as memorized. */
    public static final double THRESHOLD = 0.5;

    public PriorQuality {
        channels = List.copyOf(channels);
    }

    /**
     * Measures samples against held-out models, both {@code [n, C, nz, nx]} in physical units (not modified).
     *
     * @param training      the normalised training set (at least 2 models), for the memorization share
     * @param normalisation the training set's normalisation, applied to the samples for that share
     */
    public static PriorQuality measure(float[] samples, int n, float[] heldOut, int h, List<Channel> channels,
                                       SectionGrid grid, TrainingSet training, ChannelNormalisation normalisation) {
        FieldStatistics mine = FieldStatistics.measure(samples, n, channels, grid);
        FieldStatistics theirs = FieldStatistics.measure(heldOut, h, channels, grid);
        List<ChannelComparison> out = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            double w = WassersteinDistance.between(values(samples, n, channels.size(), c, grid.cells()),
                    values(heldOut, h, channels.size(), c, grid.cells()));
            ChannelStatistics s = mine.channels().get(c);
            out.add(ChannelComparison.of(s, theirs.channels().get(c), w));
        }
        int facies = faciesChannel(channels);
        double sand = facies < 0 ? Double.NaN : sandProportion(samples, n, channels.size(), facies, grid.cells());
        double heldOutSand = facies < 0 ? Double.NaN
                : sandProportion(heldOut, h, channels.size(), facies, grid.cells());
        int k = Math.min(NEIGHBOURS, training.count());
        MemorizationMetric m = MemorizationMetric.of(normalisation.normalise(samples), n, training, k, THRESHOLD);
        return new PriorQuality(n, h, out, sand, heldOutSand, m.share());
    }

    /**
     * This report as flat, ordered name-value pairs: samples, heldOut, memorization, then per channel
     * {@code <channel>.meanDifference}, {@code .stdRatio}, {@code .rangeRatioZ}, {@code .rangeRatioX},
     * {@code .wasserstein}, and with a facies channel sandProportion and heldOutSandProportion.
     */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("heldOut", heldOut);
        m.put("memorization", memorization);
        for (ChannelComparison c : channels) {
            m.put(c.channel() + ".meanDifference", c.meanDifference());
            m.put(c.channel() + ".stdRatio", c.stdRatio());
            m.put(c.channel() + ".rangeRatioZ", c.rangeRatioZ());
            m.put(c.channel() + ".rangeRatioX", c.rangeRatioX());
            m.put(c.channel() + ".wasserstein", c.wasserstein());
        }
        if (!Double.isNaN(heldOutSandProportion)) {
            m.put("sandProportion", sandProportion);
            m.put("heldOutSandProportion", heldOutSandProportion);
        }
        return m;
    }

    /** Index of the channel named {@value #FACIES}, or -1. */
    static int faciesChannel(List<Channel> channels) {
        for (int c = 0; c < channels.size(); c++) {
            if (channels.get(c).name().equals(FACIES)) {
                return c;
            }
        }
        return -1;
    }

    private static double sandProportion(float[] models, int n, int channelCount, int facies, int cells) {
        return FaciesStatistics.measure(models, n, channelCount, facies, facies, cells).sandProportion();
    }

    /** All cell values of channel {@code c} of a batch. */
    static double[] values(float[] models, int n, int channelCount, int c, int cells) {
        double[] out = new double[n * cells];
        for (int b = 0; b < n; b++) {
            int base = (b * channelCount + c) * cells;
            for (int i = 0; i < cells; i++) {
                out[b * cells + i] = models[base + i];
            }
        }
        return out;
    }
}
