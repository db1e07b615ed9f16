package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.Hdf5Reader;
import dev.strata.io.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata train} and {@code strata invert --prior network:DIR}. */
class TrainPriorCommandTest {
    @TempDir
    Path tmp;

    private static String[] tinyTraining(Path data, Path out, int steps) {
        return new String[] {"train", "--data", data.toString(), "--out", out.toString(), "--steps",
            Integer.toString(steps), "--batch", "4", "--width", "16", "--levels", "2", "--checkpoint-every", "5",
            "--seed", "3", "--json"};
    }

    @Test
    void aTrainingKilledMidwayAndResumedEndsWithTheWeightsOfAnUninterruptedRunBitForBit() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 16, InvertFixtures.SQUARE_N, InvertFixtures.SQUARE_N);
        Path killed = tmp.resolve("killed");
        Path log = tmp.resolve("killed.log");
        Process child = InvertFixtures.start(InvertFixtures.childCommand(List.of(), tinyTraining(data, killed, 300)),
                log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(killed.resolve("train-state.bin")) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(killed.resolve("train-state.bin")), Files.readString(log));
        assertTrue(!Files.exists(killed.resolve("network.params")), "the kill should land mid-run: "
                + Files.readString(log));

        CliRunner resumed = InvertFixtures.runOk(InvertCrashSafetyTest.concat(tinyTraining(data, killed, 300),
                "--resume"));
        assertTrue(resumed.out().matches("(?s).*\"resumedFrom\":[1-9]\\d*,.*"), resumed.out());
        Path whole = tmp.resolve("whole");
        InvertFixtures.runOk(tinyTraining(data, whole, 300));
        assertArrayEquals(Files.readAllBytes(whole.resolve("network.params")),
                Files.readAllBytes(killed.resolve("network.params")), "EMA weights differ from the uninterrupted run");
        assertEquals(Files.readString(whole.resolve("network.properties")).replace(whole.toString(), ""),
                Files.readString(killed.resolve("network.properties")).replace(killed.toString(), ""));
        assertTrue(Files.size(killed.resolve("loss.png")) > 1000);
    }

    @Test
    void invertWithTheTrainedNetworkWritesAFinitePosteriorAndTimesTheNetwork() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 64, InvertFixtures.SQUARE_N, InvertFixtures.SQUARE_N);
        Path net = tmp.resolve("net");
        InvertFixtures.runOk(tinyTraining(data, net, 30));
        Path out = tmp.resolve("inv");
        InvertFixtures.runOk("invert", "--problem", "darcy", "--prior", "network:" + net, "--true", data.toString(),
                "--samples", "2", "--batch", "2", "--steps", "8", "--seed", "4", "--out", out.toString());
        try (Hdf5Reader in = Hdf5Reader.open(out.resolve("posterior.h5"))) {
            for (float v : in.readFloats("posterior/mean").data()) {
                assertTrue(Float.isFinite(v), "posterior mean has " + v);
            }
            assertTrue(in.stringAttribute("/", "prior_description").startsWith("learned network"));
        }
        SampleStore store = SampleStore.open(out);
        for (SampleStore.Shard s : store.shards()) {
            try (Hdf5Reader in = Hdf5Reader.open(s.file())) {
                double network = Double.parseDouble(in.stringAttribute("/", "seconds_network"));
                assertTrue(network > 0, "seconds_network " + network);
            }
        }
    }

    @Test
    void aNetworkOfAnotherShapeIsRefusedInOneLineNamingBothShapes() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 8, 8, 8);
        Path net = tmp.resolve("net");
        InvertFixtures.runOk(tinyTraining(data, net, 2));
        Path other = InvertFixtures.trainingSet(Files.createDirectories(tmp.resolve("o")), "darcy", 2, InvertFixtures.SQUARE_N,
                InvertFixtures.SQUARE_N);
        CliRunner r = CliRunner.run("invert", "--problem", "darcy", "--prior", "network:" + net, "--true",
                other.toString(), "--samples", "1", "--steps", "2", "--out", tmp.resolve("inv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("[1, 8, 8]") && r.err().contains("[1, 16, 16]"), r.err());
    }

    @Test
    void shippedNetworkNamesStillSayNoneIsShipped() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 2, InvertFixtures.SQUARE_N, InvertFixtures.SQUARE_N);
        CliRunner r = CliRunner.run("invert", "--problem", "darcy", "--prior", "network:darcy", "--true",
                data.toString(), "--samples", "1", "--steps", "2", "--out", tmp.resolve("inv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no trained network prior is shipped"), r.err());
    }

    @Test
    void aSecondRunIntoTheSameFolderNeedsResume() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 4, 8, 8);
        Path net = tmp.resolve("net");
        InvertFixtures.runOk(tinyTraining(data, net, 2));
        CliRunner r = CliRunner.run(tinyTraining(data, net, 2));
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("already holds a training run"), r.err());
    }
}
