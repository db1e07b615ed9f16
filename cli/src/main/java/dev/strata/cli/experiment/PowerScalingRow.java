package dev.strata.cli.experiment;

import dev.strata.cli.invert.CellStatistics;
import dev.strata.cli.invert.ImageMetrics;
import dev.strata.forward.ForwardOperator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one setting of the power-scaling experiment returned, against the true model and the observed shot gathers.
 *
 * @param setting          the powers
 * @param residual         mean over samples of the shot-data residual ||F(x_i) - y|| / ||y||
 * @param meanRmse         RMSE of the sample mean against the truth (m/s)
 * @param sampleRmse       mean over samples of each sample's RMSE against the truth (m/s)
 * @param ssim             SSIM of the sample mean against the truth
 * @param sampleSsim       mean over samples of each sample's SSIM against the truth
 * @param pixelStd         diversity: the samples' standard deviation per cell, averaged over cells (m/s)
 * @param secondsPerSample wall-clock seconds of the draw over the number of samples (0 for kept samples)
 * @param mean             the sample mean (m/s)
 * @param std              the samples' standard deviation per cell (m/s)
 * @param samples          the samples (m/s), {@code [n][size]}
 */
record PowerScalingRow(PowerSetting setting, double residual, double meanRmse, double sampleRmse, double ssim,
                       double sampleSsim, double pixelStd, double secondsPerSample, float[] mean, float[] std,
                       float[] samples) {

    /** The names of {@link #values()}, in order. */
    static final String[] KEYS = {"lambda", "alpha", "residual", "mean_rmse", "sample_rmse", "ssim", "sample_ssim",
            "pixel_std", "seconds_per_sample"};

    /**
     * Measures {@code n} physical samples {@code [n][nz*nx]} of {@code setting}: residuals through {@code operator}
     * (the fwi problem's, which clips to its velocity range) against the observed {@code data}.
     */
    static PowerScalingRow measure(PowerSetting setting, float[] samples, int n, float[] truth, int nz, int nx,
                                   ForwardOperator operator, float[] data, double seconds) {
        int size = truth.length;
        double sampleRmse = 0;
        double sampleSsim = 0;
        for (int i = 0; i < n; i++) {
            ImageMetrics each = ImageMetrics.of(Arrays.copyOfRange(samples, i * size, (i + 1) * size), truth, 0, nz,
                    nx);
            sampleRmse += each.rmse() / n;
            sampleSsim += each.ssim() / n;
        }
        CellStatistics cells = CellStatistics.of(samples, n);
        ImageMetrics ofMean = ImageMetrics.of(cells.mean(), truth, 0, nz, nx);
        return new PowerScalingRow(setting, residual(operator, samples, n, data), ofMean.rmse(), sampleRmse,
                ofMean.ssim(), sampleSsim, cells.meanStd(), seconds / n, cells.mean(), cells.std(), samples);
    }

    /** The shot-data residual ||F(x_i) - y|| / ||y|| averaged over the {@code n} models {@code x}. */
    static double residual(ForwardOperator operator, float[] x, int n, float[] data) {
        float[] modelled = operator.apply(x, n);
        double dataRms = Rmse.of(data, new float[data.length]);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Rmse.of(modelled, i * data.length, data) / dataRms;
        }
        return sum / n;
    }

    /** The numbers of the row, named by {@link #KEYS}. */
    Map<String, Double> values() {
        double[] v = {setting.lambda(), setting.alpha(), residual, meanRmse, sampleRmse, ssim, sampleSsim, pixelStd,
                secondsPerSample};
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.length; i++) {
            m.put(KEYS[i], v[i]);
        }
        return m;
    }
}
