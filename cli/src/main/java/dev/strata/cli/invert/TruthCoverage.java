package dev.strata.cli.invert;

import java.util.Map;

/**
 * How often a sampler's central credible intervals hold the true model, over K synthetic cases with S samples each,
 * per nominal level 1 - 2t (t in {@link dev.strata.sampler.oracle.PosteriorMetrics#CALIBRATION_TAILS}).
 *
 * @param cases         K
 * @param samples       S per case
 * @param nominal       1 - 2t per level
 * @param expected      what an exact sampler's S independent draws cover on average, (1 - 2t)(S - 1)/(S + 1)
 * @param mean          coverage averaged over cases (per case: the share of model cells whose truth lies inside the
 *                      cell's interval)
 * @param standardError standard deviation of the per-case coverages over sqrt(K): cells of one case share their data
 *                      and their errors, so the error is taken across cases
 * @param spreadRatio   RMS over cases and cells of the samples' std over the prior std: 1 where the data say
 *                      nothing, smaller the more they constrain (how informative the cases are; the prior alone is
 *                      calibrated too)
 * @param seconds       wall time of the sampling over all cases
 * @param figures       what the sampling reports besides (chains: acceptance, ESS), in insertion order
 */
public record TruthCoverage(int cases, int samples, double[] nominal, double[] expected, double[] mean,
                            double[] standardError, double spreadRatio, double seconds, Map<String, Double> figures) {
    public TruthCoverage {
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        nominal = nominal.clone();
        expected = expected.clone();
        mean = mean.clone();
        standardError = standardError.clone();
    }

    @Override
    public double[] nominal() {
        return nominal.clone();
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] standardError() {
        return standardError.clone();
    }
}
