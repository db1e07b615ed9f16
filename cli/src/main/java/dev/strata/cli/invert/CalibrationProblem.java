package dev.strata.cli.invert;

import java.util.Set;

/**
 * One problem of the calibration against synthetic truths ({@link TruthCalibration}): the grid, the data noise and
 * how many cases and samples per case.
 *
 * @param problem darcy | fwi | seismic (impedance alone, full-stack seismic only)
 * @param nz      model rows
 * @param nx      model columns
 * @param dz      row spacing in metres (darcy and fwi need dz = dx)
 * @param dx      column spacing in metres
 * @param noise   data noise std as a share of the RMS of a reference model's clean data (one fixed sigma per block,
 *                the same for every case, so that the sampler's likelihood is the one the data were drawn from)
 * @param cases   K, synthetic truths
 * @param samples S, posterior samples per case
 * @param seed    seeds the truths, the noise and the samplers (case k depends on (seed, k) only)
 */
public record CalibrationProblem(String problem, int nz, int nx, double dz, double dx, double noise, int cases,
                                 int samples, long seed) {

    static final Set<String> PROBLEMS = Set.of("darcy", "fwi", "seismic");

    public CalibrationProblem {
        if (!PROBLEMS.contains(problem)) {
            throw new IllegalArgumentException("calibration problem '" + problem + "' is unknown; fix: use darcy, fwi"
                    + " or seismic");
        }
        if (nz < 4 || nx < 4 || !(dz > 0) || !(dx > 0) || !(noise > 0) || cases < 2 || samples < 3) {
            throw new IllegalArgumentException("calibration " + problem + ": need a grid of at least 4 x 4 cells of"
                    + " positive size, noise > 0, at least 2 cases and 3 samples per case; got " + nz + " x " + nx
                    + " cells of " + dz + " x " + dx + " m, noise " + noise + ", " + cases + " cases, " + samples
                    + " samples");
        }
    }

    /** The model channel of the problem. */
    String channel() {
        return switch (problem) {
            case "darcy" -> "log_conductivity";
            case "fwi" -> "velocity";
            default -> "impedance";
        };
    }
}
