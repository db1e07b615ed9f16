package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.io.ConfigText;
import dev.strata.io.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings come from a YAML or JSON file; a flag on the command line wins over the file. */
class InvertConfigTest {
    @TempDir
    Path tmp;

    @Test
    void settingsFileIsAppliedAndFlagsWin() throws Exception {
        Path truth = InvertFixtures.seismicModel(tmp);
        Path yaml = Files.writeString(tmp.resolve("run.yaml"), "problem: seismic+wells\ntrue: " + truth
                + "\nsamples: 2\nbatch: 2\nsteps: 5\nseed: 7\nguidance: cdps\n");
        Path out = tmp.resolve("run");
        InvertFixtures.runOk("invert", "--config", yaml.toString(), "--seed", "11", "--out", out.toString());
        Map<String, String> manifest = ConfigText.read(out.resolve(SampleStore.MANIFEST));
        assertEquals("5", manifest.get("steps"), "from the file");
        assertEquals("cdps", manifest.get("guidance"), "from the file");
        assertEquals("11", manifest.get("seed"), "the flag wins");
    }

    @Test
    void jsonSettingsFileWorksToo() throws Exception {
        Path truth = InvertFixtures.seismicModel(tmp);
        Path json = Files.writeString(tmp.resolve("run.json"), "{\"problem\": \"seismic\", \"true\": \"" + truth
                + "\", \"samples\": 2, \"steps\": 4}");
        Path out = tmp.resolve("run");
        InvertFixtures.runOk("invert", "--config", json.toString(), "--out", out.toString());
        assertEquals("4", ConfigText.read(out.resolve(SampleStore.MANIFEST)).get("steps"));
    }
}
