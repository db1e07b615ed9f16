package dev.strata.cli.experiment;

import dev.strata.io.FloatDataset;
import dev.strata.io.Hdf5Reader;
import dev.strata.io.SampleStore;
import dev.strata.sampler.mixture.MemorizationMetric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What one DPS run of {@code strata invert} returned, measured against the true model and a memorized training set.
 *
 * @param meanRmse          RMSE of the posterior mean against the truth (m/s)
 * @param sampleRmse        mean over samples of each sample's RMSE against the truth (m/s)
 * @param bestSampleRmse    the smallest of those (m/s)
 * @param misfit            RMS whitened residual of the samples (1 = fitted to the noise), from posterior.h5
 * @param memorization      share of samples with d_1 / mean(d_2..d_K) below 0.5 against the training set (seed 001;
 *                          K = min(50, N); samples normalised like the set)
 * @param copiedWeight      mean over samples of the closed-form weight w_k of the training model nearest each sample;
 *                          an exact sampler of the closed form that copies training models scores sum_k w_k^2
 * @param agreement         RMSE between the posterior mean and the closed-form mean sum_k w_k m_k (m/s)
 * @param priorMeanDistance RMSE between the posterior mean and the training set's mean (m/s)
 * @param mean              the posterior mean (physical)
 */
record RunMetrics(double meanRmse, double sampleRmse, double bestSampleRmse, double misfit, double memorization,
                  double copiedWeight, double agreement, double priorMeanDistance, float[] mean) {
    /** Neighbours K of the memorization ratio, as in seed 001 (fewer when N is smaller). */
    static final int NEIGHBOURS = 50;
    static final double THRESHOLD = 0.5;

    /**
     * @param run        a finished {@code strata invert} folder (sample store and posterior.h5)
     * @param truth      the true model, physical
     * @param set        the training set the memorization ratio is measured against
     * @param closedForm that set's closed-form posterior
     */
    static RunMetrics measure(Path run, float[] truth, MemorizedSet set, ClosedFormPosterior closedForm) {
        int d = truth.length;
        float[] samples;
        float[] mean;
        double misfit;
        try (Hdf5Reader h5 = Hdf5Reader.open(run.resolve("posterior.h5"))) {
            mean = h5.readFloats("posterior/mean").data();
            misfit = h5.doubleAttribute("/", "misfit_shots");
            samples = samples(SampleStore.open(run), d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run in " + run + ": " + e.getMessage(), e);
        }
        int n = samples.length / d;
        double sum = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int b = 0; b < n; b++) {
            double r = Rmse.of(samples, b * d, truth);
            sum += r;
            best = Math.min(best, r);
        }
        float[] normalised = set.norm().normalise(samples);
        MemorizationMetric m = MemorizationMetric.of(normalised, n, set.normalised(), Math.min(NEIGHBOURS, set.n()),
                THRESHOLD);
        return new RunMetrics(Rmse.of(mean, truth), sum / n, best, misfit, m.share(),
                copiedWeight(normalised, n, set, closedForm.weights()), Rmse.of(mean, closedForm.mean()),
                Rmse.of(mean, set.mean()), mean);
    }

    /** (1/n) sum_b w_{k(b)} with k(b) the training model nearest sample b (normalised units). */
    private static double copiedWeight(float[] normalised, int n, MemorizedSet set, double[] weights) {
        double[] d2 = set.normalised().squaredDistances(normalised, n);
        double sum = 0;
        for (int b = 0; b < n; b++) {
            int best = 0;
            for (int k = 1; k < set.n(); k++) {
                if (d2[b * set.n() + k] < d2[b * set.n() + best]) {
                    best = k;
                }
            }
            sum += weights[best];
        }
        return sum / n;
    }

    /** Every sample of the store, in order, physical {@code [n, d]}. */
    private static float[] samples(SampleStore store, int d) throws IOException {
        var shards = store.shards();
        int n = shards.stream().mapToInt(SampleStore.Shard::count).sum();
        float[] out = new float[n * d];
        for (SampleStore.Shard s : shards) {
            FloatDataset x = store.read(s).samples();
            System.arraycopy(x.data(), 0, out, (int) s.first() * d, x.data().length);
        }
        return out;
    }
}
