package dev.strata.sampler.prior;

import java.util.Arrays;

/**
 * Per-channel standardisation of models {@code [N, C, nz, nx]}: x = (m - mean_c) / std_c, with mean_c and std_c the
 * mean and population standard deviation of channel c over all models and cells.
 *
 * @param mean  mean per channel
 * @param std   standard deviation per channel (> 0, finite)
 * @param shape shape of one model {@code [C, nz, nx]}
 */
public record ChannelNormalisation(double[] mean, double[] std, int[] shape) {

    public ChannelNormalisation {
        mean = mean.clone();
        std = std.clone();
        shape = shape.clone();
        if (shape.length != 3 || mean.length != shape[0] || std.length != shape[0]) {
            throw new IllegalArgumentException("need shape [C, nz, nx] and C means and stds, got "
                    + Arrays.toString(shape) + ", " + mean.length + ", " + std.length);
        }
    }

    /**
     * The statistics of {@code n} models {@code data} of {@code shape}.
     *
     * @throws IllegalArgumentException naming the channel when one is constant or not finite
     */
    public static ChannelNormalisation of(float[] data, int n, int[] shape) {
        int plane = shape[1] * shape[2];
        int size = shape[0] * plane;
        double[] mean = new double[shape[0]];
        double[] std = new double[shape[0]];
        for (int c = 0; c < shape[0]; c++) {
            double sum = 0;
            double sum2 = 0;
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < plane; i++) {
                    double v = data[k * size + c * plane + i];
                    sum += v;
                    sum2 += v * v;
                }
            }
            double count = (double) n * plane;
            mean[c] = sum / count;
            std[c] = Math.sqrt(Math.max(sum2 / count - mean[c] * mean[c], 0));
            if (!(std[c] > 0) || !Double.isFinite(std[c])) {
                throw new IllegalArgumentException("channel " + c + " of the training set is constant or not finite;"
                        + " fix: check the training set");
            }
        }
        return new ChannelNormalisation(mean, std, shape);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Physical value at x = 0 per element of one model: mean_c, as float. */
    public float[] offset() {
        return perElement(mean);
    }

    /** Physical change per unit x per element of one model: std_c, as float. */
    public float[] scale() {
        return perElement(std);
    }

    /** (m - offset) / scale element-wise for any number of models; returns a new array. */
    public float[] normalise(float[] models) {
        float[] offset = offset();
        float[] scale = scale();
        int size = offset.length;
        float[] out = new float[models.length];
        for (int i = 0; i < models.length; i++) {
            out[i] = (models[i] - offset[i % size]) / scale[i % size];
        }
        return out;
    }

    /** offset + scale x element-wise for any number of models, the inverse of {@link #normalise}; a new array. */
    public float[] physical(float[] x) {
        float[] offset = offset();
        float[] scale = scale();
        int size = offset.length;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * scale[i % size] + offset[i % size];
        }
        return out;
    }

    private float[] perElement(double[] perChannel) {
        int plane = shape[1] * shape[2];
        float[] out = new float[shape[0] * plane];
        for (int c = 0; c < shape[0]; c++) {
            Arrays.fill(out, c * plane, (c + 1) * plane, (float) perChannel[c]);
        }
        return out;
    }
}
