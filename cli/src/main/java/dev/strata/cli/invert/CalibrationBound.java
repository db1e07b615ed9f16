package dev.strata.cli.invert;

import java.util.Locale;

/**
 * What a row of the calibration against synthetic truths is held to. An exact sampler's intervals cover the truth,
 * on average over cases, at the rate {@link TruthCoverage#expected()} (nominal x (S - 1)/(S + 1) for S independent
 * draws); the mean over K cases of the per-case coverage scatters around it with the standard error SE measured
 * across cases. The bound: at every level, |coverage - expected| <= {@code sigmas} SE + {@code slack}. The slack
 * covers what the standard error does not: the kept states of a finite chain are not quite independent (their
 * intervals a little narrow) and SE itself is estimated from K values. Approximate samplers get {@link #diagnostic}:
 * reported next to the exact ones, held to nothing, and labelled so.
 *
 * @param description one line, e.g. {@code SBC: |coverage - E_S| <= 3 SE + 0.02 at 50/80/90/95 %}
 * @param sigmas      standard errors allowed (infinite for a diagnostic)
 * @param slack       allowance on top
 */
public record CalibrationBound(String description, double sigmas, double slack) {

    /** The bound of an exact sampler: |coverage - expected| <= sigmas SE + slack at every level. */
    public static CalibrationBound exact(double sigmas, double slack) {
        return new CalibrationBound(String.format(Locale.ROOT, "exact sampler, SBC: |coverage - E_S| <= %.0f SE +"
                + " %.2f at every level", sigmas, slack), sigmas, slack);
    }

    /** No bound: an approximate sampler's coverage, reported as a diagnostic. */
    public static CalibrationBound diagnostic() {
        return new CalibrationBound("approximate sampler: diagnostic, no bound", Double.POSITIVE_INFINITY, 0);
    }

    /** Whether the row is held to anything. */
    public boolean binding() {
        return Double.isFinite(sigmas);
    }

    /** Whether every level's mean coverage lies within the bound of its expectation (NaN fails a binding bound). */
    public boolean holds(TruthCoverage c) {
        if (!binding()) {
            return true;
        }
        double[] mean = c.mean();
        double[] expected = c.expected();
        double[] se = c.standardError();
        for (int l = 0; l < mean.length; l++) {
            if (!(Math.abs(mean[l] - expected[l]) <= sigmas * se[l] + slack)) {
                return false;
            }
        }
        return true;
    }
}
