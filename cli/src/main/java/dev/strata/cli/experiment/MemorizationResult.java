package dev.strata.cli.experiment;

import java.util.List;
import java.util.Map;

/**
 * What a memorization experiment measured.
 *
 * @param settings      its size
 * @param layout        where it wrote
 * @param rows          one per (N, prior), N ascending, memorized before network
 * @param closedForm    the closed-form memorized posterior per N
 * @param starting      the 1-D starting model of the survey (the truth averaged laterally), physical
 * @param startingRmse  RMSE of the 1-D starting model (the truth averaged laterally) against the truth (m/s)
 * @param stageSeconds  wall-clock seconds of each stage, in order
 */
record MemorizationResult(MemorizationSettings settings, ExperimentLayout layout, List<ResultRow> rows,
                          Map<Integer, ClosedFormPosterior> closedForm, float[] starting,
                          double startingRmse, Map<String, Double> stageSeconds) {

    /** The closed-form check at each N on the memorized prior's run. */
    Map<Integer, ClosedFormCheck> checks() {
        Map<Integer, ClosedFormCheck> m = new java.util.LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (r.prior() == PriorKind.MEMORIZED) {
                m.put(r.n(), ClosedFormCheck.of(r.metrics(), r.effectiveModels()));
            }
        }
        return m;
    }

    double totalSeconds() {
        return stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
