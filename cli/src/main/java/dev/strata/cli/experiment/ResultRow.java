package dev.strata.cli.experiment;

import java.util.List;

/**
 * One row of the report: a DPS run with one prior on the training set of size N, and that set's closed form.
 *
 * @param n               training-set size N
 * @param prior           memorized or network
 * @param metrics         what the run returned (RMSEs in m/s, misfit, memorization share, closed-form agreement)
 * @param closedFormRmse  RMSE of the closed-form mean sum_k w_k m_k against the truth (m/s)
 * @param closedFormMisfit RMS residual / noise std of the closed-form mean's data
 * @param effectiveModels 1 / sum_k w_k^2 of the closed form
 * @param nearestRmse     RMSE of the training model nearest the truth (m/s): the best a lookup could do
 * @param seconds         wall-clock seconds of the run (for the network, training included)
 */
record ResultRow(int n, PriorKind prior, RunMetrics metrics, double closedFormRmse, double closedFormMisfit,
                 double effectiveModels, double nearestRmse, double seconds) {

    /** The numbers of the row, in table order (all finite in a sound run). */
    double[] values() {
        RunMetrics m = metrics;
        return new double[] {m.meanRmse(), m.sampleRmse(), m.bestSampleRmse(), m.misfit(), m.memorization(),
                closedFormRmse, closedFormMisfit, effectiveModels, m.copiedWeight(), m.agreement(),
                m.priorMeanDistance(), nearestRmse, seconds};
    }

    /** The value of column {@code key} of {@link #KEYS}. */
    double value(String key) {
        int i = List.of(KEYS).indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + key);
        }
        return values()[i];
    }

    /** Column names of {@link #values()}, as in the JSON keys. */
    static final String[] KEYS = {"mean_rmse", "sample_rmse", "best_sample_rmse", "misfit", "memorization",
        "closed_form_rmse", "closed_form_misfit", "effective_models", "copied_weight", "closed_form_agreement",
        "prior_mean_distance", "nearest_rmse",
        "seconds"};
}
