package dev.strata.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.nn.NetworkDenoiser.NamedTensor;
import dev.strata.sampler.nn.SmallUNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch twin is the network rows' reference only if it computes DJL's function. The two tests that run it need
 * a Python that imports torch: {@code -Dstrata.pytorch=PYTHON} (default {@code python3}); they are skipped without.
 */
class PyTorchTwinTest {
    private static final String PYTHON = System.getProperty("strata.pytorch", "python3");
    private static final int[] SHAPE = {2, 16, 24};
    private static final SmallUNet.Config NET = new SmallUNet.Config(2, 16, 3, 4, 16, 32);
    private static final int BATCH = 3;

    @Test
    void twinOfTheSameNetworkAgreesWithDjl() throws Exception {
        assumeTrue(canImportTorch(), PYTHON + " cannot import torch");
        try (NetworkDenoiser net = NetworkDenoiser.seededRandom(SHAPE, NET, 5)) {
            PyTorchTwin.Result r = twin(net, net.parameters(), new ArrayList<>()).orElseThrow();
            assertTrue(r.agrees(), "D differs by " + r.forwardError() + ", VJP by " + r.vjpError());
            assertTrue(r.forward().medianSeconds() > 0 && r.vjp().medianSeconds() > 0);
            assertTrue(r.forward().repeats() >= 3 && r.vjp().repeats() >= 3);
            assertEquals(1, r.threads());
        }
    }

    /** After its own timings the twin runs one call per line of input, so that its calls pair with DJL's. */
    @Test
    void twinRunsOneCallPerLineForPairedRatios() throws Exception {
        assumeTrue(canImportTorch(), PYTHON + " cannot import torch");
        try (NetworkDenoiser net = NetworkDenoiser.seededRandom(SHAPE, NET, 5)) {
            List<String> notes = new ArrayList<>();
            try (PyTorchTwin.Session s = PyTorchTwin.start(PYTHON, net, net.parameters(), batch(), 1, 3, notes::add)
                    .orElseThrow()) {
                assertTrue(s.seconds("forward") > 0 && s.seconds("vjp") > 0);
                PyTorchTwin.Batch in = batch();
                double ratio = s.pairedRatio("vjp", () -> net.vjp(in.x(), in.sigma(), in.v(), in.batch()), 3);
                assertTrue(ratio > 0.05 && ratio < 20, "DJL's VJP over the twin's: " + ratio);
                assertThrows(IllegalStateException.class, () -> s.seconds("backward"), "an unknown call ends it");
            }
        }
    }

    @Test
    void twinWithOneWeightScaledByOnePercentDisagrees() throws Exception {
        assumeTrue(canImportTorch(), PYTHON + " cannot import torch");
        try (NetworkDenoiser net = NetworkDenoiser.seededRandom(SHAPE, NET, 5)) {
            List<NamedTensor> wrong = new ArrayList<>();
            for (NamedTensor t : net.parameters()) {
                float[] v = t.values();
                if (t.name().endsWith("down0Conv_weight")) {
                    v[0] *= 1.01f;
                }
                wrong.add(new NamedTensor(t.name(), t.shape(), v));
            }
            PyTorchTwin.Result r = twin(net, wrong, new ArrayList<>()).orElseThrow();
            assertFalse(r.agrees(), "D differs by " + r.forwardError() + ", VJP by " + r.vjpError());
        }
    }

    @Test
    void pythonWithoutTorchGivesOneNoteAndNoResult(@TempDir Path dir) throws Exception {
        try (NetworkDenoiser net = NetworkDenoiser.seededRandom(SHAPE, NET, 5)) {
            String note = onlyNote(net, fakePython(dir,
                    "echo \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1"));
            assertTrue(note.contains("No module named 'torch'") && note.contains("--pytorch"), note);
            assertTrue(onlyNote(net, dir.resolve("missing")).contains("cannot run"));
        }
    }

    @Test
    void aTwinThatPrintsNoTimingsGivesOneNoteAndNoResult(@TempDir Path dir) throws Exception {
        try (NetworkDenoiser net = NetworkDenoiser.seededRandom(SHAPE, NET, 5)) {
            String note = onlyNote(net, fakePython(dir, "echo '{\"torch\": [unclosed'"));
            assertTrue(note.contains("no JSON line"), note);
        }
    }

    /** An executable shell script standing in for a Python, running {@code body}. */
    private static Path fakePython(Path dir, String body) throws IOException {
        Path fake = dir.resolve("python");
        Files.writeString(fake, "#!/bin/sh\n" + body + "\n");
        assertTrue(fake.toFile().setExecutable(true));
        return fake;
    }

    /** Runs the twin with {@code python}, which must give no result and exactly one note: returned. */
    private static String onlyNote(NetworkDenoiser net, Path python) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        assertTrue(PyTorchTwin.start(python.toString(), net, net.parameters(), batch(), 1, 3, notes::add)
                .isEmpty());
        assertEquals(1, notes.size(), notes.toString());
        return notes.get(0);
    }

    private static Optional<PyTorchTwin.Result> twin(NetworkDenoiser net, List<NamedTensor> weights,
                                                     List<String> notes) throws InterruptedException {
        Optional<PyTorchTwin.Session> s = PyTorchTwin.start(PYTHON, net, weights, batch(), 1, 3, notes::add);
        assertTrue(notes.isEmpty(), notes.toString());
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try (PyTorchTwin.Session session = s.get()) {
            return Optional.of(session.result());
        }
    }

    private static PyTorchTwin.Batch batch() {
        int size = SHAPE[0] * SHAPE[1] * SHAPE[2];
        float[] x = new float[BATCH * size];
        float[] v = new float[BATCH * size];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
            v[i] = (float) r.nextGaussian();
        }
        return new PyTorchTwin.Batch(x, v, 0.7, BATCH);
    }

    private static boolean canImportTorch() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
