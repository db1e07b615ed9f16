package dev.strata.cli.experiment;

import java.util.Locale;

/**
 * Seed 001's prediction for DPS under a memorized prior, in parts that can each fail: the sampler's draws are
 * memorized (the share of samples with d_1 / mean(d_2..d_K) below 0.5 is at least {@link #MIN_SHARE}), and they
 * follow the closed-form posterior p(m | y) = sum_k w_k delta(m - m_k): its mean sum_k w_k m_k is closer to the
 * sampler's posterior mean than the prior mean (1/N) sum_k m_k is, and the samples copy the models the closed form
 * weights: the mean weight w of the copied models is at least half of sum_k w_k^2, what an exact sampler scores on
 * average.
 *
 * @param memorization      share of DPS samples memorized against the training set
 * @param copiedWeight      mean closed-form weight of the training models the samples copy
 * @param exactWeight       sum_k w_k^2 = 1 / effective models, the mean of {@code copiedWeight} for exact sampling
 * @param agreement         RMSE between the DPS posterior mean and the closed-form mean
 * @param priorMeanDistance RMSE between the DPS posterior mean and the training set's mean
 */
record ClosedFormCheck(double memorization, double copiedWeight, double exactWeight, double agreement,
                       double priorMeanDistance) {
    /** Share of memorized samples the first part requires. */
    static final double MIN_SHARE = 0.5;
    /** Share of the exact sampler's copied weight the last part requires. */
    static final double MIN_WEIGHT_SHARE = 0.5;

    /** The check of a run's metrics against a closed form of {@code effectiveModels} = 1 / sum_k w_k^2. */
    static ClosedFormCheck of(RunMetrics m, double effectiveModels) {
        return new ClosedFormCheck(m.memorization(), m.copiedWeight(), 1 / effectiveModels, m.agreement(),
                m.priorMeanDistance());
    }

    /** The samples copy training models. */
    boolean memorized() {
        return memorization >= MIN_SHARE;
    }

    /** The closed-form mean predicts the sampler's mean better than the prior mean does. */
    boolean meanPredicted() {
        return agreement < priorMeanDistance;
    }

    /** The samples copy the models the closed form weights. */
    boolean modelsPredicted() {
        return copiedWeight >= MIN_WEIGHT_SHARE * exactWeight;
    }

    boolean holds() {
        return memorized() && meanPredicted() && modelsPredicted();
    }

    /** Every part and its numbers, in one phrase. */
    String verdict() {
        return String.format(Locale.ROOT, "%s: samples memorized %s (share %.2f, needs >= %.1f); closed-form mean"
                        + " nearer the DPS mean than the prior mean %s (%.1f against %.1f m/s); samples copy the"
                        + " models the closed form weights %s (mean weight %.3f, needs >= %.1f x %.3f)",
                holds() ? "holds" : "fails", yes(memorized()), memorization, MIN_SHARE, yes(meanPredicted()),
                agreement, priorMeanDistance, yes(modelsPredicted()), copiedWeight, MIN_WEIGHT_SHARE, exactWeight);
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
