package dev.strata.sampler.nn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.strata.sampler.Gaussian;
import java.util.SplittableRandom;

/**
 * KL-regularised training of a {@link FieldVae} (Kingma and Welling 2014; a beta-VAE, Higgins et al. 2017): per
 * batch of fields x,
 * <pre>
 *   loss = mean_cells (x' - x)^2 + beta KL / (n cells),   KL = 1/2 sum (mu^2 + var - 1 - ln var),
 * </pre>
 * x' decoded from z = mu + sqrt(var) eps; {@link Adam} with a cosine-decayed learning rate. Step k draws its fields
 * and eps from a generator seeded by (seed, k) alone; the initial weights come from the seed. Fields must already be
 * normalised (about zero mean, unit spread). Gradient collection holds {@link GradientLock}.
 */
public final class VaeTrainer {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /**
     * @param vae          the VAE's shape
     * @param steps        optimiser steps, >= 1
     * @param batch        fields per step, >= 2
     * @param learningRate Adam's learning rate at step 0, cosine-decayed to 1 % at the last step
     * @param beta         weight of the KL term, >= 0 (small: the latent stays informative)
     * @param seed         seed of the weights, batches and eps
     */
    public record Settings(FieldVae.Config vae, int steps, int batch, double learningRate, double beta, long seed) {
        public Settings {
            if (steps < 1 || batch < 2 || !(learningRate > 0) || !(beta >= 0)) {
                throw new IllegalArgumentException("VAE training needs steps >= 1, batch >= 2, learning rate > 0 and"
                        + " beta >= 0, got " + steps + ", " + batch + ", " + learningRate + ", " + beta);
            }
        }
    }

    /**
     * @param weights the trained weights in DJL's block format
     * @param losses  the loss of every step
     */
    public record Result(byte[] weights, float[] losses) {
    }

    private VaeTrainer() {
    }

    /**
     * Trains on {@code count} normalised fields {@code [count][nz][nx]}.
     *
     * @param listener told after each step
     */
    public static Result train(Settings s, float[] fields, int count, int nz, int nx,
                               ScoreMatchingTrainer.Listener listener) {
        int cells = nz * nx;
        if (count < 1 || fields.length != (long) count * cells) {
            throw new IllegalArgumentException("need count >= 1 fields of " + nz + " x " + nx + ", got "
                    + fields.length + " values for " + count);
        }
        int[] latent = s.vae().latentShape(nz, nx);
        int latentSize = latent[0] * latent[1] * latent[2];
        int batch = s.batch();
        Shape xShape = new Shape(batch, 1, nz, nx);
        Shape zShape = new Shape(batch, latent[0], latent[1], latent[2]);
        Engine engine = TorchEngine.get();
        float[] losses = new float[s.steps()];
        try (Model model = Model.newInstance("strata-vae", NetworkDevice.CPU.toDjl(), TorchEngine.NAME)) {
            NDManager manager = model.getNDManager();
            FieldVae vae = FieldVae.seeded(s.vae(), s.seed(), manager, batch, nz, nx);
            ParameterStore store = new ParameterStore(manager, false);
            Adam adam = new Adam();
            float[] x = new float[batch * cells];
            for (int step = 0; step < s.steps(); step++) {
                SplittableRandom random = new SplittableRandom(s.seed() + GOLDEN * (step + 1));
                for (int b = 0; b < batch; b++) {
                    System.arraycopy(fields, random.nextInt(count) * cells, x, b * cells, cells);
                }
                float[] eps = new Gaussian(random.nextLong()).array(batch * latentSize, 1);
                try (NDManager sm = manager.newSubManager()) {
                    NDList in = new NDList(Ops.tensor(sm, x, xShape), Ops.tensor(sm, eps, zShape));
                    synchronized (GradientLock.LOCK) {
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            NDList out = vae.forward(store, in, true);
                            NDArray loss = loss(out, in.get(0), s.beta(), batch * cells, sm);
                            gc.backward(loss);
                            losses[step] = loss.getFloat();
                        }
                    }
                    adam.step(vae.getParameters(), DenoiserTrainer.cosine(s.learningRate(), step, s.steps()), sm);
                }
                listener.stepDone(step + 1, s.steps(), losses[step]);
            }
            return new Result(DenoiserTrainer.weights(vae), losses);
        }
    }

    /** mean (x' - x)^2 + beta KL / cells, KL = 1/2 sum (mu^2 + e^lv - 1 - lv). */
    private static NDArray loss(NDList out, NDArray x, double beta, long cells, NDManager sm) {
        NDArray mse = out.get(0).sub(x).square().mean();
        NDArray mu = out.get(1);
        NDArray lv = out.get(2);
        NDArray kl = mu.square().add(lv.exp()).sub(Ops.scalar(sm, 1)).sub(lv).sum();
        return mse.add(kl.mul(Ops.scalar(sm, 0.5 * beta / cells)));
    }
}
