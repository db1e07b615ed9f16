package dev.strata.forward.geology;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of a batch of generated models that the generators are checked against: per channel the mean,
 * standard deviation, marginal histogram and the practical variogram ranges along z and x
 * ({@link ChannelStatistics}); for facies models also the sand proportion and the property moments per facies.
 *
 * @param models   models measured
 * @param channels one entry per channel, in channel order
 * @param facies   facies proportion and per-facies moments, or {@code null} for models without facies
 */
public record FieldStatistics(int models, List<ChannelStatistics> channels, FaciesStatistics facies) {

    public FieldStatistics {
        channels = List.copyOf(channels);
    }

    /**
     * Measures every channel of a batch.
     *
     * @param models {@code [n][channels.size()][nz][nx]}, not modified
     */
    public static FieldStatistics measure(float[] models, int n, List<Channel> channels, SectionGrid grid) {
        int c = channels.size();
        if (n < 1 || models.length != (long) n * c * grid.cells()) {
            throw new IllegalArgumentException("need " + n + " x " + c + " x " + grid.nz() + " x " + grid.nx()
                    + " values (n >= 1), got " + models.length);
        }
        List<ChannelStatistics> out = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            out.add(ChannelStatistics.measure(models, n, c, k, channels.get(k), grid));
        }
        return new FieldStatistics(n, out, null);
    }

    /** This with facies statistics added. */
    public FieldStatistics withFacies(FaciesStatistics value) {
        return new FieldStatistics(models, channels, value);
    }

    /** The statistics of the channel named {@code name}. */
    public ChannelStatistics channel(String name) {
        return channels.stream().filter(s -> s.channel().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel '" + name + "'"));
    }
}
