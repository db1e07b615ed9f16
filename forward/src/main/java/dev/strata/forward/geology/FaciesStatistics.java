package dev.strata.forward.geology;

/**
 * Facies proportion and the moments of a property within each facies, for models with a binary facies channel
 * (1 = sand, 0 = shale) and a property channel.
 *
 * @param sandProportion fraction of all cells of the batch that are sand
 * @param shaleMean      mean of the property over shale cells (NaN if none)
 * @param shaleStd       its standard deviation
 * @param sandMean       mean of the property over sand cells (NaN if none)
 * @param sandStd        its standard deviation
 */
public record FaciesStatistics(double sandProportion, double shaleMean, double shaleStd, double sandMean,
                               double sandStd) {

    /**
     * Measures a batch {@code [n][channels][nz][nx]} (not modified); a facies value above 0.5 counts as sand.
     */
    public static FaciesStatistics measure(float[] models, int n, int channels, int faciesChannel, int property,
                                           int cells) {
        double[] sum = new double[2];
        double[] squares = new double[2];
        long[] count = new long[2];
        for (int b = 0; b < n; b++) {
            int facies = (b * channels + faciesChannel) * cells;
            int values = (b * channels + property) * cells;
            for (int i = 0; i < cells; i++) {
                int f = models[facies + i] > 0.5f ? 1 : 0;
                double v = models[values + i];
                sum[f] += v;
                squares[f] += v * v;
                count[f]++;
            }
        }
        double[] mean = new double[2];
        double[] std = new double[2];
        for (int f = 0; f < 2; f++) {
            mean[f] = sum[f] / count[f];
            std[f] = Math.sqrt(Math.max(0, squares[f] / count[f] - mean[f] * mean[f]));
        }
        return new FaciesStatistics((double) count[1] / (count[0] + count[1]), mean[0], std[0], mean[1], std[1]);
    }
}
