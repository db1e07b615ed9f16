package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.FloatDataset;
import dev.strata.io.Hdf5Reader;
import dev.strata.io.TrainingSetFile;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
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
    void aTrainingSetWithConditionsTrainsAConditionalNetworkWhoseNullConditionIsThePrior() throws Exception {
        Path plain = InvertFixtures.trainingSet(tmp, "darcy", 16, InvertFixtures.SQUARE_N, InvertFixtures.SQUARE_N);
        TrainingSetFile set = TrainingSetFile.read(plain);
        float[] smooth = set.models().data().clone();
        for (int i = 0; i < smooth.length; i++) {
            smooth[i] = 0.5f * smooth[i] + 0.1f * (float) Math.sin(i);
        }
        Path data = tmp.resolve("conditioned.h5");
        new TrainingSetFile(set.problem(), set.channels(), set.units(), set.dz(), set.dx(), set.generator(),
                set.seed(), set.strataVersion(), set.models(), new FloatDataset(smooth, set.models().shape()))
                .write(data);
        assertEquals(set.models().shape()[0], TrainingSetFile.read(data).conditions().shape()[0]);
        Path net = tmp.resolve("net");
        InvertFixtures.runOk(InvertCrashSafetyTest.concat(tinyTraining(data, net, 4), "--condition-dropout", "0.2",
                "--quality-samples", "2", "--quality-steps", "2"));
        String sidecar = Files.readString(net.resolve("network.properties"));
        assertTrue(sidecar.contains("\nnet.conditionChannels=1\n") && sidecar.contains("\ntrain.conditionDropout=0.2\n"),
                sidecar);
        try (var denoiser = LearnedPriorCheckpoint.read(net).denoiser()) {
            assertTrue(denoiser.conditional());
        }
        InvertFixtures.runOk("invert", "--problem", "darcy", "--prior", "network:" + net, "--true", plain.toString(),
                "--samples", "1", "--steps", "2", "--seed", "4", "--out", tmp.resolve("inv").toString());
    }

    /** --condition rtm pairs every model with the RTM image of its shot gathers and trains on the pairs. */
    @Test
    void conditionRtmWritesTheRtmPairsAndTrainsAConditionalNetwork() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "fwi", 5, 16, 16);
        Path net = tmp.resolve("net");
        InvertFixtures.runOk(InvertCrashSafetyTest.concat(tinyTraining(data, net, 2), "--condition", "rtm",
                "--holdout", "1", "--quality-samples", "2", "--quality-steps", "2"));
        TrainingSetFile pairs = TrainingSetFile.read(net.resolve(RtmTrainingSet.FILE));
        assertArrayEquals(new int[] {5, 1, 16, 16}, pairs.conditions().shape());
        assertArrayEquals(TrainingSetFile.read(data).models().data(), pairs.models().data());
        String sidecar = Files.readString(net.resolve("network.properties"));
        assertTrue(sidecar.contains("\nnet.conditionChannels=1\n") && sidecar.contains("\ntrain.condition=rtm\n"),
                sidecar);
        assertTrue(LearnedPriorCheckpoint.read(net).conditionNormalisation() != null);
    }

    @Test
    void conditionRtmOnASetThatIsNotFwiIsRefusedInOneLine() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 4, 8, 8);
        CliRunner r = CliRunner.run(InvertCrashSafetyTest.concat(tinyTraining(data, tmp.resolve("net"), 2),
                "--condition", "rtm"));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--condition rtm needs an fwi training set"), r.err());
    }

    @Test
    void aConditionDropoutOutsideZeroToOneIsRefusedInOneLine() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 4, 8, 8);
        TrainingSetFile set = TrainingSetFile.read(data);
        Path conditioned = tmp.resolve("c.h5");
        new TrainingSetFile(set.problem(), set.channels(), set.units(), set.dz(), set.dx(), set.generator(),
                set.seed(), set.strataVersion(), set.models(), set.models()).write(conditioned);
        CliRunner r = CliRunner.run(InvertCrashSafetyTest.concat(tinyTraining(conditioned, tmp.resolve("net"), 2),
                "--condition-dropout", "1.5"));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("condition dropout must be in [0, 1]"), r.err());
    }

    @Test
    void aTinySeismicTrainingJudgesItsPriorAgainstHeldOutModelsInQualityJson() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "seismic", 12, InvertFixtures.SEISMIC_NZ,
                InvertFixtures.SEISMIC_NX);
        Path net = tmp.resolve("net");
        CliRunner r = InvertFixtures.runOk(InvertCrashSafetyTest.concat(tinyTraining(data, net, 4), "--holdout", "4",
                "--quality-samples", "6", "--quality-steps", "4"));
        String json = Files.readString(net.resolve("quality.json")).strip();
        assertTrue(json.startsWith("{\"samples\":6,\"heldOut\":4,\"memorization\":"), json);
        double memorization = number(json, "memorization");
        assertTrue(memorization >= 0 && memorization <= 1, json);
        for (String channel : List.of("facies", "impedance")) {
            for (String field : List.of("meanDifference", "stdRatio", "rangeRatioZ", "rangeRatioX")) {
                assertTrue(json.contains("\"" + channel + "." + field + "\":"), field + " missing: " + json);
            }
            assertTrue(Double.isFinite(number(json, channel + ".meanDifference")), json);
            assertTrue(number(json, channel + ".wasserstein") > 0, json);
        }
        double sand = number(json, "sandProportion");
        double heldOutSand = number(json, "heldOutSandProportion");
        assertTrue(sand >= 0 && sand <= 1 && heldOutSand > 0 && heldOutSand < 1, json);
        assertTrue(r.out().contains("\"quality.memorization\":" + number(json, "memorization")), r.out());
        assertTrue(Files.readString(net.resolve("network.properties")).contains("train.heldOut=4"));
    }

    @Test
    void aHoldoutLeavingFewerThanTwoTrainingModelsIsRefused() throws Exception {
        Path data = InvertFixtures.trainingSet(tmp, "darcy", 4, 8, 8);
        CliRunner r = CliRunner.run(InvertCrashSafetyTest.concat(tinyTraining(data, tmp.resolve("net"), 2),
                "--holdout", "3"));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--holdout 3 of 4 models"), r.err());
    }

    private static double number(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key)
                + "\":(null|[-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " missing: " + json);
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
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
