package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed on the JVM backend gives bit-identical samples run after run, and whatever number of worker threads
 * the backend gets. The JVM backend has no thread flag: it takes {@code availableProcessors()}
 * ({@code JvmConfig.defaults()}), so child JVMs are run with {@code -XX:ActiveProcessorCount=1} and {@code 2}.
 */
class InvertDeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesBitIdenticalSamplesAcrossRunsAndThreadCounts() throws Exception {
        Path train = InvertFixtures.trainingSet(tmp, "seismic", 3, InvertFixtures.SEISMIC_NZ, InvertFixtures.SEISMIC_NX);
        String[] settings = {"invert", "--problem", "seismic+wells", "--true", train.toString(), "--prior",
            "gmm:" + train, "--guidance", "cdps", "--samples", "3", "--batch", "2", "--steps", "8", "--seed", "99"};
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        InvertFixtures.runOk(InvertCrashSafetyTest.concat(settings, "--out", first.toString()));
        InvertFixtures.runOk(InvertCrashSafetyTest.concat(settings, "--out", second.toString()));
        Map<String, float[]> reference = InvertFixtures.shardSamples(first);
        assertEquals(2, reference.size());
        assertSame(reference, InvertFixtures.shardSamples(second), "a second run in the same JVM");

        for (int threads : new int[] {1, 2}) {
            Path out = tmp.resolve("threads-" + threads);
            InvertFixtures.runChild(InvertFixtures.childCommand(List.of("-XX:ActiveProcessorCount=" + threads),
                    InvertCrashSafetyTest.concat(settings, "--out", out.toString())), tmp.resolve(threads + ".log"));
            assertSame(reference, InvertFixtures.shardSamples(out), "a child JVM with " + threads + " processor(s)");
        }
    }

    private static void assertSame(Map<String, float[]> expected, Map<String, float[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((shard, samples) -> assertArrayEquals(samples, actual.get(shard), what + ": " + shard));
    }
}
