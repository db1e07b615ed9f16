package dev.strata.cli.experiment;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a power-scaling experiment.
 *
 * @param settings      its size
 * @param layout        where it wrote
 * @param rows          one per setting, in {@link PowerScalingSettings#settings()} order
 * @param truth         the held-out true model (m/s)
 * @param condition     the RTM condition of the observed data (unit RMS)
 * @param starting      the 1-D starting model (m/s)
 * @param truthResidual ||F(truth) - y|| / ||y||: the residual the noise alone leaves
 * @param finalLoss     the network's final training loss
 * @param seconds       wall-clock seconds per stage
 */
record PowerScalingResult(PowerScalingSettings settings, PowerScalingLayout layout, List<PowerScalingRow> rows,
                          float[] truth, float[] condition, float[] starting, double truthResidual, double finalLoss,
                          Map<String, Double> seconds) {

    /** The rows of prior power {@code alpha}, lambda ascending. */
    List<PowerScalingRow> atAlpha(double alpha) {
        return rows.stream().filter(r -> r.setting().alpha() == alpha)
                .sorted(java.util.Comparator.comparingDouble(r -> r.setting().lambda())).toList();
    }

    /** The row of {@code (lambda, alpha)}, or null when it was not sampled. */
    PowerScalingRow row(double lambda, double alpha) {
        return rows.stream().filter(r -> r.setting().lambda() == lambda && r.setting().alpha() == alpha).findFirst()
                .orElse(null);
    }
}
