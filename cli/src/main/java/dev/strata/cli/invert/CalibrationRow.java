package dev.strata.cli.invert;

/**
 * One (sampler, problem) result of the calibration against synthetic truths.
 *
 * @param sampler  sampler name, e.g. {@code pcn-b1000-t50}
 * @param oracle   {@code calibration-PROBLEM}
 * @param problem  the problem: grid, noise, K, S
 * @param coverage the coverage of the truths per level, with its standard error
 * @param bound    what the row is held to
 */
public record CalibrationRow(String sampler, String oracle, CalibrationProblem problem, TruthCoverage coverage,
                             CalibrationBound bound) {

    public boolean ok() {
        return bound.holds(coverage);
    }
}
