package dev.strata.bench.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code strata bench --suite} measures.
 *
 * @param quick    the reduced set (a few minutes on 2 cores): fewer sizes, no scalar JVM rows
 * @param backends backend specs to measure besides the JVM, e.g. {@code tornadovm:0}
 * @param perfRef  folder of the C yardsticks ({@code shared/perf-ref}); ratios are NaN without it
 * @param repeats  timed repetitions after the first run; the median counts (>= 3 for figures one quotes)
 * @param python   the Python that runs the PyTorch reference of the network rows (skipped with a note when it
 *                 cannot import torch)
 */
public record SuiteSettings(boolean quick, List<String> backends, Path perfRef, int repeats, String python) {
    public SuiteSettings {
        backends = List.copyOf(backends);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
    }

    /** Grid sizes N of the wave stencil, with the step counts of shared/perf-ref/run.sh (same work as the C runs). */
    int[][] stencilSizes() {
        return quick ? new int[][] {{1024, 500}, {4096, 50}} : new int[][] {{256, 2000}, {1024, 500}, {4096, 50}};
    }
}
