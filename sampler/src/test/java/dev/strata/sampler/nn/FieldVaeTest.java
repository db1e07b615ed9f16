package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.GaussianRandomField;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A KL-regularised VAE trained on Gaussian random log-conductivity fields reconstructs held-out fields of the same
 * family; the same VAE after a single training step does not (the deliberately wrong case).
 */
class FieldVaeTest {
    static final int N = 16;
    static final FieldVae.Config VAE = new FieldVae.Config(16, 2, 2);
    /** Bound on the held-out relative L2 error of the reconstruction (std 1 fields: about the RMS error). */
    static final double BOUND = 0.35;

    static float[] fields(long seed, int count) {
        return GaussianRandomField.of(new DarcyGrid(N, N, 10), 1.0, 40).samples(new SplittableRandom(seed), count);
    }

    static double heldOutError(int steps) {
        float[] train = fields(1, 256);
        double[] ms = {0, 1};
        VaeTrainer.Result r = VaeTrainer.train(new VaeTrainer.Settings(VAE, steps, 16, 3e-3, 1e-3, 3), train, 256, N, N,
                (done, total, loss) -> { });
        float[] one = {1f, 1f};
        LatentPriorWeights w = new LatentPriorWeights(VAE, r.weights(), N, N, ms[0], ms[1], new float[2], one,
                new SmallUNet.Config(2, 16, 2, 4, 8, 16), new byte[0], 1);
        float[] test = fields(99, 32);
        try (LatentPrior vae = LatentPrior.vaeOnly(w)) {
            float[] back = vae.decode(vae.encode(test, 32), 32);
            double d = 0;
            double t = 0;
            for (int i = 0; i < test.length; i++) {
                d += (back[i] - test[i]) * (back[i] - test[i]);
                t += test[i] * test[i];
            }
            return Math.sqrt(d / t);
        }
    }

    @Test
    void trainedVaeReconstructsHeldOutGaussianFields() {
        double e = heldOutError(150);
        assertTrue(e < BOUND, "held-out relative error " + e + " >= " + BOUND);
    }

    @Test
    void aVaeTrainedOneStepFailsTheReconstructionBound() {
        double e = heldOutError(1);
        assertTrue(e >= BOUND, "held-out relative error " + e + " of an untrained VAE should exceed " + BOUND);
    }
}
