package dev.strata.cli.invert;

import dev.strata.forward.ClippedInput;
import dev.strata.forward.ForwardOperator;
import dev.strata.io.Observations;
import java.util.List;

/**
 * An inverse problem in physical units, as read from the observations: y = A(m) + e, e ~ N(0, diag(sigma^2)).
 *
 * @param observations what was read (grid, geometry, true model if any)
 * @param operator     A on physical models {@code [channels][nz][nx]}, all data stacked
 * @param data         observed y, stacked as {@code blocks}
 * @param sigma        noise standard deviation per datum
 * @param blocks       the kinds of data in y
 * @param background   prior mean in physical units per model element (the analytic prior's offset)
 * @param spread       prior standard deviation per model element (the analytic prior's scale)
 * @param lowest       models are clipped to [lowest, highest] before the physics (FWI's velocity range), so the
 *                     samples reported are clipped too; -inf, +inf for no clip
 */
public record PhysicalProblem(Observations observations, ForwardOperator operator, float[] data, double[] sigma,
                              List<DataBlock> blocks, float[] background, float[] spread, double lowest,
                              double highest) {

    /** A problem whose models reach the physics unclipped. */
    public PhysicalProblem(Observations observations, ForwardOperator operator, float[] data, double[] sigma,
                           List<DataBlock> blocks, float[] background, float[] spread) {
        this(observations, operator, data, sigma, blocks, background, spread, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    /** Physical models clipped to [lowest, highest] in place; returns the array. */
    public float[] clip(float[] models) {
        float lo = Double.isInfinite(lowest) ? Float.NEGATIVE_INFINITY : ClippedInput.floatAtLeast(lowest);
        float hi = Double.isInfinite(highest) ? Float.POSITIVE_INFINITY : ClippedInput.floatAtMost(highest);
        for (int i = 0; i < models.length; i++) {
            models[i] = Math.min(hi, Math.max(lo, models[i]));
        }
        return models;
    }
}
