package dev.strata.cli.experiment;

import dev.strata.io.ConfigText;
import dev.strata.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Wall-clock seconds of each named stage of an experiment, in the order they ran, kept in a file after every stage so
 * that a resumed experiment reports the seconds of the stages it kept, not the moment it took to skip them.
 */
final class StageClock {
    private final Path file;
    private final Map<String, Double> earlier;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    private StageClock(Path file, Map<String, Double> earlier) {
        this.file = file;
        this.earlier = earlier;
    }

    /** A clock that writes {@code file}; with {@code resume} it reads the seconds an earlier run left there. */
    static StageClock open(Path file, boolean resume) {
        Map<String, Double> earlier = new LinkedHashMap<>();
        if (resume && Files.isRegularFile(file)) {
            try {
                ConfigText.read(file).forEach((k, v) -> earlier.put(k, Double.parseDouble(v)));
            } catch (IOException | NumberFormatException e) {
                earlier.clear(); // unreadable times are measured again, not trusted
            }
        }
        return new StageClock(file, earlier);
    }

    /** Runs {@code stage}, records its seconds under {@code name} and returns its result. */
    <T> T time(String name, Supplier<T> stage) {
        long t0 = System.nanoTime();
        T result = stage.get();
        record(name, (System.nanoTime() - t0) / 1e9);
        return result;
    }

    /**
     * Runs {@code stage}, which returns whether it did its work (false: it kept the result of an earlier run); records
     * its seconds, or those of the earlier run when it kept its result and they are known.
     */
    void timeOrKeep(String name, BooleanSupplier stage) {
        long t0 = System.nanoTime();
        boolean ran = stage.getAsBoolean();
        double s = (System.nanoTime() - t0) / 1e9;
        record(name, !ran && earlier.containsKey(name) ? earlier.get(name) : s);
    }

    /** Seconds per stage, in order (unmodifiable view). */
    Map<String, Double> seconds() {
        return Collections.unmodifiableMap(seconds);
    }

    private void record(String name, double s) {
        seconds.merge(name, s, Double::sum);
        try {
            Files.writeString(file, Json.object(seconds) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
