package dev.strata.cli.invert;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time spent per phase of the reverse steps: network, its VJP, the hand-over between Java arrays and the network's
 * native arrays (both directions, taken out of the first two), physics forward and adjoint, the rest.
 */
final class PhaseClock {
    /** The phases a reverse step is split into. */
    enum Phase {
        NETWORK("network"), NETWORK_VJP("network_vjp"), HANDOVER("handover"), PHYSICS_FORWARD("physics_forward"),
        PHYSICS_ADJOINT("physics_adjoint");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private final EnumMap<Phase, Long> nanos = new EnumMap<>(Phase.class);

    /** Runs {@code work}, adding its wall time to {@code phase}. */
    <T> T time(Phase phase, java.util.function.Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(phase, System.nanoTime() - t0, Long::sum);
        }
    }

    /** Moves {@code nanos} of time already counted in {@code from} to {@code to}. */
    void move(Phase from, Phase to, long nanos) {
        this.nanos.merge(from, -nanos, Long::sum);
        this.nanos.merge(to, nanos, Long::sum);
    }

    double seconds(Phase p) {
        return nanos.getOrDefault(p, 0L) / 1e9;
    }

    /**
     * Seconds per phase, plus {@code guidance_and_update}: the rest of {@code totalSeconds} (guidance arithmetic, CG,
     * the sampler's update).
     */
    Map<String, Double> split(double totalSeconds) {
        Map<String, Double> m = new LinkedHashMap<>();
        double inPhases = 0;
        for (Phase p : Phase.values()) {
            m.put(p.label, seconds(p));
            inPhases += seconds(p);
        }
        m.put("guidance_and_update", Math.max(0, totalSeconds - inPhases));
        return m;
    }
}
