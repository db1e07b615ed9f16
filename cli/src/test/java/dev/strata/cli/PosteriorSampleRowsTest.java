package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.strata.bench.suite.SuiteRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The posterior-sample rows: times and shares from the timed run, the untimed first run's share apart. */
class PosteriorSampleRowsTest {
    private static final PosteriorSampleRows.Case CASE = new PosteriorSampleRows.Case("seismic+wells",
            "builtin:seismic", "cdps", 1, "network:seismic");

    /** A run's events: a start event, then shards with these seconds of network, physics and io each. */
    private static List<Map<String, Object>> run(double network, double physics, double io, int shards) {
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        events.add(Map.of("event", "start", "samples", shards));
        for (int s = 0; s < shards; s++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "shard");
            e.put("seconds", network + physics + io);
            e.put("seconds_per_sample", network + physics + io);
            e.put("seconds_network", network);
            e.put("seconds_physics_forward", physics);
            e.put("seconds_io", io);
            events.add(e);
        }
        return events;
    }

    @Test
    void physicsShareIsTheTimedRunsAndTheColdRunsShareIsReportedApart() {
        SuiteRow row = PosteriorSampleRows.row(CASE, 2, 10, 2, "alpha", run(0.3, 0.1, 0.2, 2), run(0.1, 0.9, 0.5, 1),
                3);
        assertEquals(0.25, (double) row.extra().get("physicsShare"), 1e-12); // 0.1 / (0.3 + 0.1): io left out
        assertEquals(0.9, (double) row.extra().get("coldPhysicsShare"), 1e-12);
        assertEquals(1.2, row.seconds(), 1e-12); // both shards of the timed run
        assertEquals(0.6, (double) row.extra().get("secondsPerSample"), 1e-12);
        // 2 x 0.1 s over 2 samples
        assertEquals(0.1, (double) row.extra().get("split_physics_forwardPerSample"), 1e-12);
        assertEquals(3, row.extra().get("draws"));
    }

    @Test
    void rowIsTheDrawOfMedianSamplingTime() {
        List<Map<String, Object>> slow = run(0.3, 3.0, 0.2, 2);
        List<Map<String, Object>> median = run(0.3, 0.2, 0.2, 2);
        List<Map<String, Object>> fast = run(0.3, 0.1, 0.2, 2);
        assertSame(median, PosteriorSampleRows.medianDraw(List.of(slow, fast, median)));
        assertSame(median, PosteriorSampleRows.medianDraw(List.of(median, slow, fast)));
        assertSame(fast, PosteriorSampleRows.medianDraw(List.of(fast)));
    }
}
