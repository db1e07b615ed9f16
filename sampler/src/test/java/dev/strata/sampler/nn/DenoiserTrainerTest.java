package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenoiserTrainerTest {
    /**
     * SHA-256 of the shipped gaussian16.params, recorded when it was trained (libtorch 2.7.1, one thread, AVX-512
     * CPU); a retraining on a machine of that kind must give these bytes.
     */
    private static final String SHIPPED_SHA256 = "d9d951553eb50f6d697658458bae89c88eb844f4b931317f6df08ac462098ed2";

    /** The shipped settings, cut to a few small steps. */
    private static final DenoiserTrainer.Settings SHORT = DenoiserTrainer.gaussian16().withSteps(4).withBatch(8);

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        DenoiserTrainer.Result a = DenoiserTrainer.train(SHORT, ProgressListener.NONE);
        DenoiserTrainer.Result b = DenoiserTrainer.train(SHORT, ProgressListener.NONE);
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.losses(), b.losses());
        DenoiserTrainer.Result c = DenoiserTrainer.train(SHORT.withSeed(SHORT.seed() + 1), ProgressListener.NONE);
        assertFalse(Arrays.equals(a.weights(), c.weights()));
    }

    @Test
    void checkpointRoundTripsThroughFiles() throws Exception {
        DenoiserTrainer.Result r = DenoiserTrainer.train(SHORT, ProgressListener.NONE);
        DenoiserCheckpoint written = DenoiserCheckpoint.of(r);
        written.write(tmp, "net");
        DenoiserCheckpoint read = DenoiserCheckpoint.read(
                Files.readString(tmp.resolve("net.properties"), StandardCharsets.UTF_8),
                Files.readAllBytes(tmp.resolve("net.params")));
        assertEquals(written.sidecar("net.params"), read.sidecar("net.params"));
        float[] x = new SpectralGaussianPrior(SHORT.prior()).sample(2, 3);
        try (NetworkDenoiser a = written.denoiser(); NetworkDenoiser b = read.denoiser()) {
            assertArrayEquals(a.denoise(x, 0.5, 2), b.denoise(x, 0.5, 2));
        }
    }

    @Test
    void tamperedWeightsAreRejected() {
        DenoiserTrainer.Result r = DenoiserTrainer.train(SHORT.withSteps(1), ProgressListener.NONE);
        String sidecar = DenoiserCheckpoint.of(r).sidecar("x.params");
        byte[] w = r.weights().clone();
        w[w.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> DenoiserCheckpoint.read(sidecar, w));
    }

    @Test
    void shippedNetworkWasTrainedWithTheGaussian16Settings() {
        DenoiserCheckpoint shipped = ShippedDenoiser.GAUSSIAN16.checkpoint();
        DenoiserCheckpoint expected = new DenoiserCheckpoint(DenoiserTrainer.gaussian16(), shipped.weights(),
                shipped.finalLoss());
        assertEquals(expected.sidecar("gaussian16.params"), shipped.sidecar("gaussian16.params"));
        assertTrue(shipped.weights().length < 2_000_000, "weights file " + shipped.weights().length + " bytes");
        assertTrue(shipped.finalLoss() < 0.7, "final training loss " + shipped.finalLoss());
    }

    @Test
    void retrainingWithTheShippedSettingsReproducesTheShippedWeightsByteForByte() {
        DenoiserTrainer.Result r = DenoiserTrainer.train(DenoiserTrainer.gaussian16(), ProgressListener.NONE);
        assertEquals(SHIPPED_SHA256, DenoiserCheckpoint.sha256(r.weights()),
                "retrained weights differ from the shipped run's");
        assertEquals(SHIPPED_SHA256, DenoiserCheckpoint.sha256(ShippedDenoiser.GAUSSIAN16.checkpoint().weights()),
                "the shipped file is not the recorded one");
    }
}
