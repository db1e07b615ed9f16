package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.Hdf5Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata submit} on a real single-node Slurm cluster ({@link LocalSlurmCluster}): an invert run as an array
 * of 4 shares, one cancelled mid-run, resumed, merged, equals the run drawn in one process bit for bit. Skipped,
 * saying why, where Slurm is not installed or cannot start.
 */
class SlurmClusterTest {
    private static final Pattern JOB = Pattern.compile("submitted job (\\d+)");
    /**
     * The JVM flags of {@code strata submit}, which its tasks inherit: one worker thread each, so the two tasks the
     * 2-CPU node runs at once do not share cores (the single-node run it is compared with uses all of them).
     */
    private static final List<String> ONE_CORE_TASKS = List.of("-XX:ActiveProcessorCount=1");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void anArrayOfFourSharesWithOneCancelledMidRunResumesAndMergesToTheSingleNodeRunBitForBit() throws Exception {
        try (LocalSlurmCluster slurm = LocalSlurmCluster.start(tmp.resolve("slurm"))) {
            Path train = InvertFixtures.trainingSet(tmp, "darcy", 2, InvertFixtures.SQUARE_N,
                    InvertFixtures.SQUARE_N);
            // darcy 16 x 16, 90 steps: a second or more per one-sample batch, 3 batches per share, so the cancel sent
            // when task 1's first batch lands has two batches' time to arrive (with 30 steps it once came too late)
            String[] settings = {"invert", "--problem", "darcy", "--true", train.toString(), "--samples", "12",
                "--batch", "1", "--steps", "90", "--seed", "11"};
            Path run = tmp.resolve("run");
            String submitted = strata(slurm, ONE_CORE_TASKS, InvertCrashSafetyTest.concat(new String[] {"submit",
                "--slurm", "--out", run.toString(), "--tasks", "4", "--array-max", "2", "--"}, settings));
            String job = jobId(submitted);

            Path cancelled = run.resolve("task-1");
            awaitFirstShard(cancelled, run);
            slurm.run("scancel", job + "_1");
            slurm.awaitEmptyQueue(150);
            int drawn = samplesIn(cancelled);
            assertTrue(drawn >= 1 && drawn < 3, "the cancel should land mid-share; task 1 drew " + drawn);

            String status = strata(slurm, List.of(), "submit", "--status", "--out", run.toString());
            Path log = run.resolve("logs").resolve("strata-invert-" + job + "_1.out");
            assertTrue(status.contains("3 done, 0 queued or running, 1 to resubmit"), status);
            assertTrue(status.contains("task 1 (share 1/4): CANCELLED, " + drawn + " of 3 batches drawn, log " + log),
                    status);
            assertTrue(Files.isRegularFile(log), log + " is where Slurm wrote the task's output");

            String resumed = strata(slurm, List.of(), "submit", "--resume", "--out", run.toString());
            assertTrue(resumed.contains("resubmit task 1 (share 1/4): CANCELLED"), resumed);
            assertEquals(1, resumed.lines().filter(l -> l.startsWith("resubmit task")).count(), resumed);
            jobId(resumed);
            slurm.awaitEmptyQueue(150);
            String done = strata(slurm, List.of(), "submit", "--status", "--out", run.toString());
            assertTrue(done.contains("4 done, 0 queued or running, 0 to resubmit"), done);
            assertTrue(done.contains("all tasks done; merge them: strata merge --out " + run), done);

            List<String> merge = new ArrayList<>(List.of("merge", "--out", run.toString()));
            for (int k = 0; k < 4; k++) {
                merge.add(run.resolve("task-" + k).toString());
            }
            InvertFixtures.runOk(merge.toArray(String[]::new));
            Path whole = tmp.resolve("whole");
            InvertFixtures.runOk(InvertCrashSafetyTest.concat(settings, "--out", whole.toString()));

            Map<String, float[]> expected = InvertFixtures.shardSamples(whole);
            Map<String, float[]> actual = InvertFixtures.shardSamples(run);
            assertEquals(12, expected.size());
            assertEquals(expected.keySet(), actual.keySet());
            expected.forEach((shard, samples) -> assertArrayEquals(samples, actual.get(shard), shard));
            try (Hdf5Reader a = Hdf5Reader.open(whole.resolve("posterior.h5"));
                 Hdf5Reader b = Hdf5Reader.open(run.resolve("posterior.h5"))) {
                assertArrayEquals(a.readFloats("posterior/mean").data(), b.readFloats("posterior/mean").data());
                assertArrayEquals(a.readFloats("posterior/std").data(), b.readFloats("posterior/std").data());
            }
        }
    }

    /**
     * Runs {@code strata} in a child JVM (with {@code jvmOptions}) that reaches the cluster; requires exit code 0 and
     * returns its output.
     */
    private String strata(LocalSlurmCluster slurm, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(tmp, "strata-", ".log");
        ProcessBuilder pb = new ProcessBuilder(InvertFixtures.childCommand(jvmOptions, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(slurm.environment());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "strata " + String.join(" ", args) + " did not end");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), "strata " + String.join(" ", args) + "\n" + out);
        return out;
    }

    private static String jobId(String submitOutput) {
        Matcher m = JOB.matcher(submitOutput);
        assertTrue(m.find(), submitOutput);
        return m.group(1);
    }

    private static void awaitFirstShard(Path store, Path run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (samplesIn(store) == 0) {
            assertTrue(System.nanoTime() < deadline, "task 1 drew nothing in 120 s; logs: " + logs(run));
            Thread.sleep(20);
        }
    }

    private static int samplesIn(Path store) throws IOException {
        return (int) InvertFixtures.shardFiles(store).stream().filter(f -> f.startsWith("samples-")).count();
    }

    private static String logs(Path run) throws IOException {
        StringBuilder sb = new StringBuilder();
        Path dir = run.resolve("logs");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    sb.append(f.getFileName()).append(": ").append(Files.readString(f)).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
