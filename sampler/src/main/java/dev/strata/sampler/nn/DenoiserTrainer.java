package dev.strata.sampler.nn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * Trains an EDM-preconditioned {@link SmallUNet} denoiser on fresh draws from a {@link SpectralGaussianPrior}
 * (Karras et al. 2022, section 5): per step, x0 ~ prior, ln sigma ~ N(P_mean, P_std^2), x = x0 + sigma eps, and the
 * loss E[lambda(sigma) ||D(x; sigma) - x0||^2] with lambda = 1 / c_out^2, i.e. the mean of
 * (F(c_in x; c_noise) - (x0 - c_skip x) / c_out)^2; {@link Adam} with a cosine-decayed learning rate. Everything random
 * (weights, data, sigma, noise) comes from the seed; with fixed engine threads ({@link TorchEngine}) the same settings
 * give bit-identical weights on one machine.
 */
public final class DenoiserTrainer {

    /**
     * @param prior        the Gaussian prior the training data are drawn from
     * @param net          the network's shape
     * @param sigmaData    sigma_data of the EDM preconditioning
     * @param pMean        mean of ln sigma during training (EDM: -1.2)
     * @param pStd         standard deviation of ln sigma during training (EDM: 1.2)
     * @param steps        optimiser steps
     * @param batch        samples per step
     * @param learningRate Adam's learning rate at the start, decayed by a cosine to 1 % of it at the last step
     * @param seed         seed of weights, data, noise levels and noise
     */
    public record Settings(SpectralGaussianPrior.Config prior, SmallUNet.Config net, double sigmaData, double pMean,
                           double pStd, int steps, int batch, double learningRate, long seed) {
        public Settings {
            if (steps < 1 || batch < 1) {
                throw new IllegalArgumentException("steps and batch must be >= 1, got " + steps + ", " + batch);
            }
            if (!(learningRate > 0) || !(pStd > 0)) {
                throw new IllegalArgumentException("learningRate and pStd must be > 0");
            }
            if (net.channels() != prior.channels()) {
                throw new IllegalArgumentException("network channels " + net.channels() + " != prior channels "
                        + prior.channels());
            }
            new EdmPreconditioning(sigmaData);
        }

        /** The same settings with another step count (short runs for tests). */
        public Settings withSteps(int newSteps) {
            return new Settings(prior, net, sigmaData, pMean, pStd, newSteps, batch, learningRate, seed);
        }

        /** The same settings with another batch size (short runs for tests). */
        public Settings withBatch(int newBatch) {
            return new Settings(prior, net, sigmaData, pMean, pStd, steps, newBatch, learningRate, seed);
        }

        /** The same settings with another seed. */
        public Settings withSeed(long newSeed) {
            return new Settings(prior, net, sigmaData, pMean, pStd, steps, batch, learningRate, newSeed);
        }
    }

    /**
     * The result of a run.
     *
     * @param weights   the parameters in DJL's block format ({@code Block.saveParameters})
     * @param losses    the loss of every step
     * @param finalLoss the mean loss over the last 10 % of steps
     */
    public record Result(Settings settings, byte[] weights, float[] losses, double finalLoss) {
    }

    private DenoiserTrainer() {
    }

    /** The Gaussian prior on a 16 x 16 grid that the shipped network was trained on. */
    public static SpectralGaussianPrior.Config gaussian16Prior() {
        return new SpectralGaussianPrior.Config(1, 16, 16, new double[] {0.3}, new double[] {1.0}, 3.0, 3.0, 16, 16,
                0.05);
    }

    /**
     * The settings of the shipped 16 x 16 Gaussian denoiser: a two-level {@link SmallUNet} of width 16 (46,880
     * parameters, 192 kB of weights), 600 steps of 64 draws (about 45 s on one core), seed 20250501. ln sigma is drawn
     * from N(-0.4, 1.4^2) rather than EDM's N(-1.2, 1.2^2) so that the noise levels of 1 to 20, where the sampler sets
     * the samples' spread, are trained too: with EDM's choice the sampled std came out 11 % low (stdErr 0.118 at
     * N = 1000, 32 steps), with this one 7 % (0.079; the exact denoiser gives 0.061 there).
     */
    public static Settings gaussian16() {
        return new Settings(gaussian16Prior(), new SmallUNet.Config(1, 16, 2, 4, 16, 32), 1.0, -0.4, 1.4, 600, 64,
                2e-3, 20250501L);
    }

    /**
     * PyTorch intra-op threads during training: one, as the shipped network was trained, so that retraining reproduces
     * it byte for byte whatever the machine's core count.
     */
    public static final int TRAINING_THREADS = 1;

    /** Trains a network with {@code settings} on {@link #TRAINING_THREADS}; reports each step to {@code listener}. */
    public static Result train(Settings settings, ProgressListener listener) {
        try (TorchEngine.ThreadPin pinned = TorchEngine.pinThreads(TRAINING_THREADS)) {
            return trainPinned(settings, listener);
        }
    }

    private static Result trainPinned(Settings settings, ProgressListener listener) {
        Engine engine = TorchEngine.get();
        SpectralGaussianPrior prior = new SpectralGaussianPrior(settings.prior());
        EdmPreconditioning pre = new EdmPreconditioning(settings.sigmaData());
        SmallUNet net = new SmallUNet(settings.net());
        int[] shape = prior.shape();
        int size = prior.size();
        int batch = settings.batch();
        Shape xShape = new Shape(batch, shape[0], shape[1], shape[2]);
        Shape phiShape = new Shape(batch, settings.net().features());
        SplittableRandom random = new SplittableRandom(settings.seed());
        float[] losses = new float[settings.steps()];
        try (Model model = Model.newInstance("strata-denoiser", Device.cpu(), TorchEngine.NAME)) {
            model.setBlock(net);
            net.setInitializer(new SeededInitializer(random.nextLong()), Parameter.Type.WEIGHT);
            net.initialize(model.getNDManager(), DataType.FLOAT32, xShape, phiShape);
            ParameterStore store = new ParameterStore(model.getNDManager(), false);
            Adam adam = new Adam();
            EdmLossStep loss = new EdmLossStep(pre, net, store, batch, shape);
            for (int step = 0; step < settings.steps(); step++) {
                float[] x0 = prior.sample(batch, random.nextLong());
                Gaussian g = new Gaussian(random.nextLong());
                for (int b = 0; b < batch; b++) {
                    loss.put(b, x0, b * size, Math.exp(settings.pMean() + settings.pStd() * g.next()), g);
                }
                try (NDManager sm = model.getNDManager().newSubManager()) {
                    losses[step] = loss.backward(engine, sm);
                    adam.step(net.getParameters(), learningRate(settings, step), sm);
                }
                listener.stepDone(step + 1, settings.steps());
            }
            return new Result(settings, weights(net), losses, tailMean(losses));
        }
    }

    /** Cosine decay from the learning rate at step 0 to 1 % of it at the last step (Loshchilov and Hutter 2017). */
    static double learningRate(Settings settings, int step) {
        return cosine(settings.learningRate(), step, settings.steps());
    }

    /** lr_end + (lr - lr_end) (1 + cos(pi step / (steps - 1))) / 2 with lr_end = lr / 100. */
    static double cosine(double lr, int step, int steps) {
        double end = 0.01 * lr;
        double f = steps == 1 ? 0 : (double) step / (steps - 1);
        return end + 0.5 * (lr - end) * (1 + Math.cos(Math.PI * f));
    }

    /** The parameters of {@code net} in DJL's block format ({@code Block.saveParameters}). */
    static byte[] weights(ai.djl.nn.Block net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static double tailMean(float[] losses) {
        int from = losses.length - Math.max(1, losses.length / 10);
        double s = 0;
        for (int i = from; i < losses.length; i++) {
            s += losses[i];
        }
        return s / (losses.length - from);
    }
}
