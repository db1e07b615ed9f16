package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.Hdf5Reader;
import dev.strata.io.SampleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata invert --shard K/N} and {@code strata merge}: the shares of a run, merged, are the run drawn at once,
 * bit for bit; stores that do not make one run are refused in one line, exit code 2, nothing written. One run of 6
 * samples in batches of 2 (3 batches), drawn whole and as shares 0/2 (batches 0 and 2) and 1/2 (batch 1).
 */
class InvertShardMergeTest {
    @TempDir
    static Path tmp;
    static String[] settings;
    static Path whole;
    static Path share0;
    static Path share1;

    @BeforeAll
    static void drawTheRunWholeAndInTwoShares() throws IOException {
        Path model = InvertFixtures.seismicModel(tmp);
        settings = new String[] {"invert", "--problem", "seismic", "--true", model.toString(), "--samples", "6",
            "--batch", "2", "--steps", "4", "--churn", "0.5", "--seed", "41"};
        whole = tmp.resolve("whole");
        share0 = tmp.resolve("run/task-0");
        share1 = tmp.resolve("run/task-1");
        InvertFixtures.runOk(InvertCrashSafetyTest.concat(settings, "--out", whole.toString()));
        CliRunner first = InvertFixtures.runOk(InvertCrashSafetyTest.concat(settings, "--shard", "0/2", "--out",
                share0.toString()));
        assertTrue(first.out().contains("share 0/2"), first.out());
        InvertFixtures.runOk(InvertCrashSafetyTest.concat(settings, "--shard", "1/2", "--out", share1.toString()));
    }

    @Test
    void eachShareDrawsItsBatchesRoundRobinAndNoSummary() throws IOException {
        assertEquals(List.of("samples-000000000-000000002.h5", "samples-000000004-000000006.h5"),
                InvertFixtures.shardFiles(share0));
        assertEquals(List.of("samples-000000002-000000004.h5"), InvertFixtures.shardFiles(share1));
        assertFalse(Files.exists(share0.resolve("posterior.h5")), "a share's summary is the merged run's");
    }

    @Test
    void unionOfShardsEqualsSingleRunBitForBit() throws IOException {
        Path merged = tmp.resolve("run");
        CliRunner r = InvertFixtures.runOk("merge", "--out", merged.toString(), share1.toString(), share0.toString());
        assertTrue(r.out().contains("merge: 6 samples from 2 store(s)"), r.out());

        Map<String, float[]> expected = InvertFixtures.shardSamples(whole);
        Map<String, float[]> actual = InvertFixtures.shardSamples(merged);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((shard, samples) -> assertArrayEquals(samples, actual.get(shard), shard));
        assertEquals(SampleStore.open(whole).manifest(), SampleStore.open(merged).manifest(), "manifest");
        try (Hdf5Reader a = Hdf5Reader.open(whole.resolve("posterior.h5"));
             Hdf5Reader b = Hdf5Reader.open(merged.resolve("posterior.h5"))) {
            for (String d : List.of("posterior/mean", "posterior/std", "posterior/q05", "posterior/q50",
                    "posterior/q95", "posterior/misfit", "posterior/wrmse")) {
                assertArrayEquals(a.readFloats(d).data(), b.readFloats(d).data(), d);
            }
            for (String attr : List.of("kernel_stein_discrepancy", "config", "misfit_seismic")) {
                assertEquals(a.attributes("/").get(attr), b.attributes("/").get(attr), attr);
            }
        }
        for (String f : List.of("posterior.png", "data.png", "wrmse.png")) {
            assertTrue(Files.isRegularFile(merged.resolve(f)), f);
        }
    }

    @Test
    void mergeRefusesMissingSample() throws IOException {
        Path out = tmp.resolve("missing");
        CliRunner r = CliRunner.run("merge", "--out", out.toString(), share0.toString());
        assertRefused(r, out, "2 of 6 samples are missing (2-3): share 1/2 is not among the stores given");
    }

    @Test
    void mergeRefusesDuplicateSample() throws IOException {
        Path copy = copyStore(share1, tmp.resolve("copy-of-share-1"));
        Path out = tmp.resolve("duplicate");
        CliRunner r = CliRunner.run("merge", "--out", out.toString(), share0.toString(), share1.toString(),
                copy.toString());
        assertRefused(r, out, "samples 2-3 are in two stores");
    }

    @Test
    void mergeRefusesSharesOfDifferentRuns() throws IOException {
        Path other = copyStore(share1, tmp.resolve("other-seed"));
        Path manifest = other.resolve(SampleStore.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"seed\":\"41\"", "\"seed\":\"42\""));
        Path out = tmp.resolve("different");
        CliRunner r = CliRunner.run("merge", "--out", out.toString(), share0.toString(), other.toString());
        assertRefused(r, out, "disagrees with " + share0.toAbsolutePath() + " on 'seed' (42 vs 41)");
    }

    @Test
    void mergeRefusesAShardFileThatIsNotOneBatchOfTheRun() throws IOException {
        Path odd = copyStore(share1, tmp.resolve("odd-shard"));
        Files.move(odd.resolve("shards/samples-000000002-000000004.h5"),
                odd.resolve("shards/samples-000000001-000000003.h5"));
        Path out = tmp.resolve("odd");
        CliRunner r = CliRunner.run("merge", "--out", out.toString(), share0.toString(), odd.toString());
        assertRefused(r, out, "holds samples 1-2, not one batch of the run (batches of 2 from sample 0)");
    }

    @Test
    void mergeRefusesAStoreGivenTwiceOrAsItsOwnOutput() {
        Path out = tmp.resolve("twice");
        assertRefused(CliRunner.run("merge", "--out", out.toString(), share0.toString(), share1.toString(),
                share0.toString()), out, "is given twice");
        assertRefused(CliRunner.run("merge", "--out", share1.toString(), share0.toString(), share1.toString()),
                tmp.resolve("never-written"), "is one of the stores to merge");
    }

    @Test
    void mergeRefusesAStoreThatIsNotOne() {
        Path out = tmp.resolve("not-a-store");
        CliRunner r = CliRunner.run("merge", "--out", out.toString(), share0.toString(), tmp.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("is not a sample store"), r.err());
    }

    @Test
    void aShareOutsideTheRunIsRefused() {
        for (String spec : new String[] {"2/2", "3/4", "x"}) {
            Path out = tmp.resolve("bad-shard-" + spec.replace('/', '-'));
            CliRunner r = CliRunner.run(InvertCrashSafetyTest.concat(settings, "--shard", spec, "--out",
                    out.toString()));
            assertEquals(2, r.exitCode(), spec + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(out), spec + " wrote " + out);
        }
    }

    private static void assertRefused(CliRunner r, Path out, String expected) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static Path copyStore(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("shards"));
        try (Stream<Path> files = Stream.concat(Stream.of(from.resolve(SampleStore.MANIFEST)),
                Files.list(from.resolve("shards")))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(from.relativize(f)));
            }
        }
        return to;
    }
}
