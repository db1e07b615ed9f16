package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DevicesCommandTest {
    @Test
    void jsonListsTheJvmBackendAsAvailable() {
        CliRunner r = CliRunner.run("devices", "--json");
        assertEquals(0, r.exitCode(), r.err());
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("{\"backend\":\"jvm\""), first);
        assertTrue(first.contains("\"device\":"), first);
        assertTrue(first.contains("\"available\":true"), first);
        assertTrue(first.contains("\"vectorLanesFloat\":"), first);
        r.out().lines().forEach(l -> assertTrue(l.startsWith("{") && l.endsWith("}"), "not one JSON object: " + l));
    }

    @Test
    void textListingNamesCoresAndLanes() {
        CliRunner r = CliRunner.run("devices");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("cores:"), r.out());
        assertTrue(r.out().contains("vectorLanesFloat:"), r.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"devices", "demo"}) {
            CliRunner r = CliRunner.run(cmd, "--help");
            assertEquals(0, r.exitCode(), cmd);
            assertTrue(r.out().contains("Usage: strata " + cmd), r.out());
        }
    }
}
