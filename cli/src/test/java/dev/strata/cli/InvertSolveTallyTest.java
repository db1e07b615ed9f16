package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each shard of a corrected-DPS run counts its own conjugate-gradient solves: one per sample and reverse step. */
class InvertSolveTallyTest {
    private static final Pattern SOLVES = Pattern.compile("\"cg_systems\":(\\d+),\"cg_truncated\":(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void eachShardCountsOneSolvePerSampleAndStepOfItsOwn() throws IOException {
        Path train = InvertFixtures.trainingSet(tmp, "seismic", 4, InvertFixtures.SEISMIC_NZ, InvertFixtures.SEISMIC_NX);
        CliRunner r = InvertFixtures.runOk("invert", "--problem", "seismic+wells", "--true", train.toString(),
                "--prior", "gmm:" + train, "--guidance", "cdps", "--samples", "4", "--batch", "2", "--steps", "8",
                "--json", "--out", tmp.resolve("run").toString());
        List<String> shards = r.out().lines().filter(l -> l.contains("\"event\":\"shard\"")).toList();
        assertEquals(2, shards.size(), r.out());
        for (String shard : shards) {
            Matcher m = SOLVES.matcher(shard);
            assertTrue(m.find(), shard);
            assertEquals(2 * 8, Integer.parseInt(m.group(1)), "2 samples x 8 steps, this shard's only: " + shard);
            assertTrue(Integer.parseInt(m.group(2)) <= 2 * 8, shard);
        }
    }
}
