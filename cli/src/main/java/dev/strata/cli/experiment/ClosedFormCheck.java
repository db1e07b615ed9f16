package dev.strata.cli.experiment;

import java.util.Locale;

/**
 * Seed 001's prediction for DPS under a memorized prior, in two parts that can each fail: the sampler's draws are
 * memorized (the share of samples with d_1 / mean(d_2..d_K) below 0.5 is at least {@link #MIN_SHARE}), and they
 * follow the closed-form posterior (its reweighted mean sum_k w_k m_k is closer to the sampler's posterior mean than
 * the prior mean (1/N) sum_k m_k is).
 *
 * @param memorization      share of DPS samples memorized against the training set
 * @param agreement         RMSE between the DPS posterior mean and the closed-form mean
 * @param priorMeanDistance RMSE between the DPS posterior mean and the training set's mean
 */
record ClosedFormCheck(double memorization, double agreement, double priorMeanDistance) {
    /** Share of memorized samples the first part requires. */
    static final double MIN_SHARE = 0.5;

    static ClosedFormCheck of(RunMetrics m) {
        return new ClosedFormCheck(m.memorization(), m.agreement(), m.priorMeanDistance());
    }

    /** The samples copy training models. */
    boolean memorized() {
        return memorization >= MIN_SHARE;
    }

    /** The closed-form mean predicts the sampler's mean better than the prior mean does. */
    boolean predicted() {
        return agreement < priorMeanDistance;
    }

    boolean holds() {
        return memorized() && predicted();
    }

    /** Both parts and their numbers, in one phrase. */
    String verdict() {
        return String.format(Locale.ROOT, "%s: samples memorized %s (share %.2f, needs >= %.1f); closed form"
                        + " predicts the DPS mean %s (%.1f m/s away, against %.1f m/s for the prior mean)",
                holds() ? "holds" : "fails", memorized() ? "yes" : "no", memorization, MIN_SHARE,
                predicted() ? "yes" : "no", agreement, priorMeanDistance);
    }
}
