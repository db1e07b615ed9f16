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

    /** The smallest ESS_min and the largest R-hat a gold-standard Gibbs reference may have and still judge a row. */
    public static final double MIN_GOLD_ESS = 400;
    public static final double MAX_GOLD_RHAT = 1.01;

    /**
     * The bound against a Monte Carlo gold standard (the Levy Gibbs references): an exact sampler's figures differ
     * from the reference's by the Monte Carlo error of both. With ESS_s the sampler's effective draws (n for
     * independent draws), ESS_g the reference's smallest ESS over values and e2 = 1 / ESS_s + 1 / ESS_g, per value
     * E[(mean - mu)^2 / sd^2] = e2 and E[(s / sd - 1)^2] = (kappa - 1) / 4 * e2 (kappa the marginal's kurtosis;
     * 1/2 for a Gaussian). meanErr and stdErr, RMS over values, are held to three times their expected RMS:
     * meanErr <= 3 sqrt(e2), stdErr <= 3 sqrt(k e2) with k = mean over values of (kappa - 1) / 4 from the reference's
     * draws. A sample 90 % interval's content has variance ~ 2 * 0.05 * 0.95 / ESS_s and a share of the reference's
     * draws ~ 0.09 / ESS_g, so coverage90 is held to 0.90 +- max(0.02, 3 sqrt(0.095 / ESS_s + 0.09 / ESS_g)). A
     * reference with ESS_g < {@value #MIN_GOLD_ESS} or R-hat > {@value #MAX_GOLD_RHAT} judges nothing: the row fails.
     *
     * @param stdFactor k, the mean over values of (kappa - 1) / 4
     */
    public static Bound goldStandard(double samplerEss, double goldEss, double goldRHat, double stdFactor) {
        if (!(goldEss >= MIN_GOLD_ESS && goldRHat <= MAX_GOLD_RHAT)) {
            return new Bound(String.format("gold standard unconverged (ESSmin=%.0f, R-hat=%.4f): fails whatever its"
                    + " figures", goldEss, goldRHat), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }
        double e2 = 1 / samplerEss + 1 / goldEss;
        double e = 3 * Math.sqrt(e2);
        double es = 3 * Math.sqrt(stdFactor * e2);
        double c = Math.max(0.02, 3 * Math.sqrt(0.095 / samplerEss + 0.09 / goldEss));
        return new Bound(String.format("gold-standard MC error (ESS %.0f + %.0f, (kurtosis-1)/4 = %.2f): meanErr<=%.3f"
                + " stdErr<=%.3f coverage90 in 0.90+-%.3f", samplerEss, goldEss, stdFactor, e, es, c), 0, e, 0, es,
                0.9 - c, 0.9 + c);
    }

    public boolean holds(PosteriorMetrics m) {
        return m.meanErr() >= minMeanErr && m.meanErr() <= maxMeanErr && m.stdErr() >= minStdErr
                && m.stdErr() <= maxStdErr && m.coverage90() >= minCoverage && m.coverage90() <= maxCoverage;
    }
}
