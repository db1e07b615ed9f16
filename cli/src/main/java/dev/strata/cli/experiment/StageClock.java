package dev.strata.cli.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock seconds of each named stage of an experiment, in the order they ran. */
final class StageClock {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Runs {@code stage}, adds its seconds under {@code name} and returns its result. */
    <T> T time(String name, Supplier<T> stage) {
        long t0 = System.nanoTime();
        try {
            return stage.get();
        } finally {
            seconds.merge(name, (System.nanoTime() - t0) / 1e9, Double::sum);
        }
    }

    /** Seconds per stage, in order (unmodifiable view). */
    Map<String, Double> seconds() {
        return Collections.unmodifiableMap(seconds);
    }
}
