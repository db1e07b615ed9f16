package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of its shards and then resumed ends with every shard once and the very
 * samples of an uninterrupted run.
 */
class InvertCrashSafetyTest {
    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidwayAndResumedEqualsAnUninterruptedRunBitForBit() throws Exception {
        Path train = InvertFixtures.trainingSet(tmp, "darcy", 2, InvertFixtures.SQUARE_N, InvertFixtures.SQUARE_N);
        // darcy 16 x 16, 30 steps: about 0.5 s per one-sample shard, so the kill lands between shards
        String[] settings = {"invert", "--problem", "darcy", "--true", train.toString(), "--samples", "6", "--batch",
            "1", "--steps", "30", "--seed", "11"};
        Path killed = tmp.resolve("killed");
        Path log = tmp.resolve("killed.log");
        Process child = InvertFixtures.start(InvertFixtures.childCommand(List.of(), concat(settings, "--out",
                killed.toString())), log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        int seen = 0;
        while (seen == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            seen = InvertFixtures.shardFiles(killed).stream().filter(f -> f.startsWith("samples-")).toList().size();
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        List<String> before = InvertFixtures.shardFiles(killed).stream().filter(f -> f.startsWith("samples-"))
                .toList();
        assertTrue(!before.isEmpty() && before.size() < 6, "the kill should land mid-run; shards then: " + before
                + "\n" + Files.readString(log));
        assertTrue(!Files.exists(killed.resolve("posterior.h5")), "a killed run has no summary yet");

        CliRunner resumed = InvertFixtures.runOk("invert", "--resume", "--out", killed.toString());
        assertTrue(resumed.out().contains((6 - before.size()) + " shard(s) to draw"), resumed.out());

        Path whole = tmp.resolve("whole");
        InvertFixtures.runOk(concat(settings, "--out", whole.toString()));

        List<String> expected = List.of("samples-000000000-000000001.h5", "samples-000000001-000000002.h5",
                "samples-000000002-000000003.h5", "samples-000000003-000000004.h5", "samples-000000004-000000005.h5",
                "samples-000000005-000000006.h5");
        List<String> after = InvertFixtures.shardFiles(killed).stream().filter(f -> !f.startsWith(".")).toList();
        assertEquals(expected, after, "every shard exactly once, nothing else");
        Map<String, float[]> a = InvertFixtures.shardSamples(killed);
        Map<String, float[]> b = InvertFixtures.shardSamples(whole);
        assertEquals(b.keySet(), a.keySet());
        for (String shard : b.keySet()) {
            assertArrayEquals(b.get(shard), a.get(shard), shard + " differs from the uninterrupted run");
        }
        assertTrue(Files.isRegularFile(killed.resolve("posterior.h5")));
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
