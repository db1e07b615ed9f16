package dev.strata.forward.geology;

/**
 * What a batch of models looks like in one channel.
 *
 * @param channel   which channel
 * @param mean      mean over all cells of all models
 * @param std       standard deviation about that mean (population form)
 * @param histogram marginal histogram over [min, max] of the batch
 * @param rangeZ    practical range of the normalised variogram along depth in metres ({@link Variogram#range()});
 *                  NaN if not reached within half the grid
 * @param rangeX    the same along x
 */
public record ChannelStatistics(Channel channel, double mean, double std, Histogram histogram, double rangeZ,
                                double rangeX) {

    /** Bins of the marginal histogram. */
    public static final int BINS = 20;

    /**
     * Measures channel {@code c} of a batch.
     *
     * @param models {@code [n][channels.length][nz][nx]}, not modified
     */
    public static ChannelStatistics measure(float[] models, int n, int channelCount, int c, Channel channel,
                                            SectionGrid grid) {
        int cells = grid.cells();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < n; b++) {
            int base = (b * channelCount + c) * cells;
            for (int i = base; i < base + cells; i++) {
                double v = models[i];
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        long count = (long) n * cells;
        double mean = sum / count;
        double squares = 0;
        long[] counts = new long[BINS];
        double width = (max - min) / BINS;
        for (int b = 0; b < n; b++) {
            int base = (b * channelCount + c) * cells;
            for (int i = base; i < base + cells; i++) {
                double d = models[i] - mean;
                squares += d * d;
                int bin = width > 0 ? (int) ((models[i] - min) / width) : 0;
                counts[Math.min(BINS - 1, bin)]++;
            }
        }
        double variance = squares / count;
        double rangeZ = Variogram.measure(models, n, channelCount, c, grid, Variogram.Axis.Z, variance).range();
        double rangeX = Variogram.measure(models, n, channelCount, c, grid, Variogram.Axis.X, variance).range();
        return new ChannelStatistics(channel, mean, Math.sqrt(variance), new Histogram(min, max, counts), rangeZ,
                rangeX);
    }
}
