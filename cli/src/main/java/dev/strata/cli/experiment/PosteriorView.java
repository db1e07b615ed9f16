package dev.strata.cli.experiment;

import dev.strata.cli.invert.CellStatistics;
import dev.strata.sampler.latent.InversionTrace;

/**
 * Posterior samples of a field summarised against the truth: mean, standard deviation, the relative L2 error of the
 * mean, and the coverage of the truth, the share of cells whose true value lies inside the samples' central 90 %
 * interval (empirical 5 % and 95 % quantiles).
 *
 * @param mean       per cell
 * @param std        per cell (n - 1 in the denominator)
 * @param meanError  ||mean - truth|| / ||truth||
 * @param coverage90 share of cells covered
 * @param meanStd    the spread, averaged over cells
 */
record PosteriorView(float[] mean, float[] std, double meanError, double coverage90, double meanStd) {

    static PosteriorView of(float[] samples, int n, float[] truth) {
        CellStatistics cells = CellStatistics.of(samples, n);
        return new PosteriorView(cells.mean(), cells.std(), InversionTrace.relativeError(cells.mean(), 0, truth),
                cells.coverage90(truth, 0, truth.length), cells.meanStd());
    }
}
