package dev.strata.sampler.validate;

import dev.strata.sampler.oracle.PosteriorMetrics;
import java.util.Map;

/**
 * One (sampler, oracle) result of {@link ValidationSuite}.
 *
 * @param sampler  sampler name, e.g. {@code edm-heun-32}
 * @param oracle   oracle name, e.g. {@code gaussian-linear}
 * @param samples  samples compared (for MCMC: kept states over all chains)
 * @param metrics  meanErr, stdErr, coverage90 against the oracle
 * @param seconds  wall time of the sampling alone
 * @param bound    what the row is held to
 * @param speed    what the row's per-second figure counts, and whether it is comparable with MCMC
 * @param extras   further figures by name (ESS, ESS per second, acceptance, memorized share), in insertion order
 */
public record ValidationRow(String sampler, String oracle, int samples, PosteriorMetrics metrics, double seconds,
        Bound bound, SpeedBasis speed, Map<String, Double> extras) {

    public boolean ok() {
        return bound.holds(metrics);
    }
}
