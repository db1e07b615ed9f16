package dev.strata.cli.invert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HumanEventsTest {
    private static Map<String, Object> shard(long truncated) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("first", 0L, "count", 2, "seconds", 1.5,
                "seconds_per_sample", 0.75));
        m.put("cg_systems", 20L);
        m.put("cg_truncated", truncated);
        return m;
    }

    @Test
    void aShardWhoseSolvesStoppedAtTheCapSaysHowMany() {
        String line = HumanEvents.line("shard", shard(12));
        assertTrue(line.contains("note: 12 of 20 solves") && line.contains("stopped at "
                + PosteriorSamplerFactory.CG_MAX_ITERATIONS + " conjugate-gradient iterations"), line);
        assertFalse(HumanEvents.line("shard", shard(0)).contains("note"), "no note when every solve converged");
    }
}
