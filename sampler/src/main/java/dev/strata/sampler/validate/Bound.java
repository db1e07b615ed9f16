package dev.strata.sampler.validate;

import dev.strata.sampler.oracle.PosteriorMetrics;

/**
 * What a validation row must meet: meanErr and stdErr inside [min, max], coverage90 inside [minCoverage,
 * maxCoverage].
 *
 * @param description one line, e.g. {@code exact: meanErr<=0.05 stdErr<=0.05 coverage90 in [0.88,0.92]}
 */
public record Bound(String description, double minMeanErr, double maxMeanErr, double minStdErr, double maxStdErr,
        double minCoverage, double maxCoverage) {

    /**
     * The bound for exact samplers: meanErr <= 0.05, stdErr <= 0.05, coverage90 in [0.88, 0.92]. Monte Carlo basis:
     * with n independent samples meanErr ~ 1/sqrt(n) and stdErr ~ 1/sqrt(2n) (Gaussian marginals; RMS over correlated
     * pixels, so the spread is that of a chi-square with few degrees of freedom); the coverage of a sample 90 %
     * interval has a standard error ~ sqrt(2 * 0.05 * 0.95 / n) per pixel. At n = 4000 these are 0.016, 0.011 and
     * 0.005, a third of the bound or less; the exact draws (8000) add less.
     */
    public static Bound exact() {
        return new Bound("exact: meanErr<=0.05 stdErr<=0.05 coverage90 in [0.88,0.92]", 0, 0.05, 0, 0.05, 0.88, 0.92);
    }

    /**
     * A regression snapshot for an approximate method (DPS): the figures this row itself was measured at, widened so
     * that Monte Carlo noise does not trip it but a change in the method's behaviour does. It is no accuracy claim,
     * and its description says so.
     */
    public static Bound band(String what, double minMeanErr, double maxMeanErr, double minStdErr, double maxStdErr,
            double minCoverage, double maxCoverage) {
        return new Bound(String.format("regression snapshot, band measured from this row's own output (%s): meanErr in [%.2f,%.2f] stdErr in [%.2f,%.2f] coverage90 in"
                + " [%.2f,%.2f]", what, minMeanErr, maxMeanErr, minStdErr, maxStdErr, minCoverage, maxCoverage),
                minMeanErr, maxMeanErr, minStdErr, maxStdErr, minCoverage, maxCoverage);
    }

    /** The smallest ESS_min a chain may have and still be judged by its own Monte Carlo error. */
    public static final double MIN_ESS = 100;

    /**
     * The bound for MCMC, which is exact only in the limit: its figures must be within its own Monte Carlo error,
     * meanErr and stdErr <= 3 / sqrt(ESS_min), coverage90 within max(0.02, 1 / sqrt(ESS_min)) of 0.90 (ESS_min the
     * smallest effective sample size over pixels). The bound widens as ESS falls, so it has a floor: below
     * ESS_min = {@value #MIN_ESS} the row fails whatever its figures (a chain that mixes badly cannot buy a looser
     * bound); at the floor meanErr and stdErr may reach 3 / sqrt(100) = 0.3 at most.
     */
    public static Bound monteCarlo(double essMin) {
        if (!(essMin >= MIN_ESS)) {
            return new Bound(String.format("MCMC error: ESSmin=%.1f below the floor %.0f, fails whatever its figures",
                    essMin, MIN_ESS), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double e = 3 / Math.sqrt(essMin);
        double c = Math.max(0.02, 1 / Math.sqrt(essMin));
        return new Bound(String.format("MCMC error: ESSmin>=%.0f, meanErr,stdErr<=3/sqrt(ESSmin)=%.3f coverage90 in"
                + " 0.90+-%.3f", MIN_ESS, e, c), 0, e, 0, e, 0.9 - c, 0.9 + c);
    }

    public boolean holds(PosteriorMetrics m) {
        return m.meanErr() >= minMeanErr && m.meanErr() <= maxMeanErr && m.stdErr() >= minStdErr
                && m.stdErr() <= maxStdErr && m.coverage90() >= minCoverage && m.coverage90() <= maxCoverage;
    }
}
