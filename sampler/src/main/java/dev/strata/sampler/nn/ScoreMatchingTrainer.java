package dev.strata.sampler.nn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import dev.strata.sampler.Gaussian;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Denoising score matching on a training set with EDM preconditioning and loss weighting (Karras et al. 2022, eq. 2
 * and Table 1): ln sigma ~ N(P_mean, P_std^2), x = x0 + sigma eps, loss lambda(sigma) ||D(x; sigma) - x0||^2 with
 * lambda = (sigma^2 + sigma_data^2) / (sigma sigma_data)^2 = 1 / c_out^2, computed as the mean of
 * (F(c_in x; c_noise) - (x0 - c_skip x) / c_out)^2. x0 are models of the (already normalised) training set drawn
 * uniformly with replacement; {@link Adam} with decoupled weight decay (AdamW) and a cosine-decayed learning rate; an
 * exponential moving average of the weights with decay min(D, (1 + t) / (10 + t)) at step t, which is what is saved
 * for sampling.
 *
 * <p>Determinism: initial weights come from the seed; step k draws its models, noise levels and noise from a
 * generator seeded by (seed, k) alone, so the random state of a checkpoint is its step. With fixed engine threads
 * ({@link TorchEngine}) the same settings and data give bit-identical weights on one machine, and a run resumed from
 * a checkpoint ends with the same weights as an uninterrupted one (the weights, EMA and moments are stored exactly).
 * Not promised: the same bits on another CPU, libtorch build or thread count (kernels choose other vectorisations).
 */
public final class ScoreMatchingTrainer {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /**
     * The step after which {@link Result#probeSha256} fingerprints the EMA weights: a prefix of a long run that a
     * short run of the same settings ({@code stopAfter} = this) must reproduce bit for bit.
     */
    public static final int PROBE_STEP = 10;

    /**
     * @param net             the network's shape (channels = the data's)
     * @param sigmaData       sigma_data of the preconditioning (1 for per-channel standardised data)
     * @param pMean           mean of ln sigma
     * @param pStd            standard deviation of ln sigma
     * @param steps           optimiser steps
     * @param batch           models per step
     * @param learningRate    AdamW's learning rate at step 0, cosine-decayed to 1 % at the last step
     * @param weightDecay     AdamW's decoupled weight decay
     * @param emaDecay        the EMA's decay D (0 <= D < 1)
     * @param checkpointEvery steps between checkpoints (>= 1)
     * @param seed            seed of the weights, batches, noise levels and noise
     * @param conditionDropout probability that a conditional network sees the null condition in place of the model's
     *                        (classifier-free-guidance dropout, Ho and Salimans 2022); unused when unconditional
     */
    /**
     * Narrowest network trained: convolutions with fewer than 16 output channels gave non-finite gradients in
     * libtorch 2.7.1's oneDNN CPU kernels (SmallUNet); a width-4 test network produced a NaN loss in a full test run,
     * and in a width-8 network the forward pass of the 24 -> 8 channel convolution after the skip concatenation
     * dropped one of the nine taps of the skip channels (found by strata bench's PyTorch twin, which differed by 12 %).
     */
    public static final int MIN_WIDTH = 16;

    public record Settings(SmallUNet.Config net, double sigmaData, double pMean, double pStd, int steps, int batch,
                           double learningRate, double weightDecay, double emaDecay, int checkpointEvery, long seed,
                           double conditionDropout) {
        /** Settings of an unconditional network. */
        public Settings(SmallUNet.Config net, double sigmaData, double pMean, double pStd, int steps, int batch,
                        double learningRate, double weightDecay, double emaDecay, int checkpointEvery, long seed) {
            this(net, sigmaData, pMean, pStd, steps, batch, learningRate, weightDecay, emaDecay, checkpointEvery, seed,
                    0);
        }

        public Settings {
            if (!(conditionDropout >= 0 && conditionDropout <= 1)) {
                throw new IllegalArgumentException("condition dropout must be in [0, 1], got " + conditionDropout);
            }
            if (steps < 1 || batch < 1 || checkpointEvery < 1) {
                throw new IllegalArgumentException("steps, batch and checkpoint interval must be >= 1, got " + steps
                        + ", " + batch + ", " + checkpointEvery);
            }
            if (!(learningRate > 0) || !(pStd > 0) || !(weightDecay >= 0) || !(emaDecay >= 0 && emaDecay < 1)) {
                throw new IllegalArgumentException("need learning rate > 0, P_std > 0, weight decay >= 0 and"
                        + " 0 <= EMA decay < 1, got " + learningRate + ", " + pStd + ", " + weightDecay + ", "
                        + emaDecay);
            }
            if (net.width() < MIN_WIDTH) {
                throw new IllegalArgumentException("network width must be >= " + MIN_WIDTH + ", got " + net.width()
                        + ": narrower convolutions gave non-finite input gradients on this CPU's oneDNN kernels (see"
                        + " SmallUNet)");
            }
            new EdmPreconditioning(sigmaData);
        }

        /** The learning rate at {@code step}: cosine decay (Loshchilov and Hutter 2017). */
        double learningRate(int step) {
            return DenoiserTrainer.cosine(learningRate, step, steps);
        }
    }

    /**
     * A normalised training set.
     *
     * @param models     {@code [count, C, nz, nx]} row-major
     * @param count      models
     * @param shape      {@code [C, nz, nx]}
     * @param conditions {@code [count, K, nz, nx]}: what each model is conditioned on, or null
     */
    public record Data(float[] models, int count, int[] shape, float[] conditions) {
        /** An unconditional training set. */
        public Data(float[] models, int count, int[] shape) {
            this(models, count, shape, null);
        }

        public Data {
            if (shape.length != 3 || count < 1 || models.length != (long) count * shape[0] * shape[1] * shape[2]) {
                throw new IllegalArgumentException("need count >= 1 models of shape [C, nz, nx] filling the array");
            }
            if (conditions != null && (conditions.length == 0 || conditions.length % (count * shape[1] * shape[2])
                    != 0)) {
                throw new IllegalArgumentException("conditions must be [count, K, nz, nx] with K >= 1");
            }
        }

        /** Channels K of the conditions (0 if none). */
        public int conditionChannels() {
            return conditions == null ? 0 : conditions.length / (count * shape[1] * shape[2]);
        }

        int size() {
            return shape[0] * shape[1] * shape[2];
        }

        /** SHA-256 of the models' float bits, followed by the conditions' if any. */
        public String sha256() {
            int k = conditions == null ? 0 : conditions.length;
            ByteBuffer b = ByteBuffer.allocate((models.length + k) * 4);
            b.asFloatBuffer().put(models).put(conditions == null ? new float[0] : conditions);
            return DenoiserCheckpoint.sha256(b.array());
        }
    }

    /** Told after each step. */
    @FunctionalInterface
    public interface Listener {
        void stepDone(int done, int total, double loss);
    }

    /**
     * @param emaWeights  the EMA weights in DJL's block format after {@code done} steps
     * @param losses      the loss of every step done
     * @param finalLoss   the mean loss over the last 10 % of the steps done
     * @param resumedFrom the step the run continued from (0: from the start)
     * @param done        steps done: {@link Settings#steps} unless the run stopped early
     * @param probeSha256 SHA-256 of the EMA weights after step min({@link #PROBE_STEP}, steps), or null if the run
     *                    stopped before it
     */
    public record Result(byte[] emaWeights, float[] losses, double finalLoss, int resumedFrom, int done,
                         String probeSha256) {
        /** Whether every step of the settings was done. */
        public boolean complete(Settings s) {
            return done == s.steps();
        }
    }

    private ScoreMatchingTrainer() {
    }

    /**
     * Trains, writing {@code state} every {@link Settings#checkpointEvery} steps and at the end.
     *
     * @param resume continue from {@code state} (which must exist and belong to these settings and data)
     */
    public static Result train(Settings s, Data data, Path state, boolean resume, Listener listener)
            throws IOException {
        return train(s, data, state, resume, listener, NetworkDevice.CPU, s.steps());
    }

    /**
     * As {@link #train(Settings, Data, Path, boolean, Listener)}, with the network on {@code device}, stopping after
     * step {@code stopAfter} (at most the settings' steps; the checkpoint is written there, so the run can resume).
     */
    public static Result train(Settings s, Data data, Path state, boolean resume, Listener listener,
                               NetworkDevice device, int stopAfter) throws IOException {
        if (stopAfter < 1) {
            throw new IllegalArgumentException("stop after must be >= 1, got " + stopAfter);
        }
        int last = Math.min(stopAfter, s.steps());
        int probeStep = Math.min(PROBE_STEP, s.steps());
        if (s.net().channels() != data.shape()[0] || s.net().conditionChannels() != data.conditionChannels()) {
            throw new IllegalArgumentException("network channels " + s.net().channels() + " (condition "
                    + s.net().conditionChannels() + ") != data channels " + data.shape()[0] + " (condition "
                    + data.conditionChannels() + ")");
        }
        String fingerprint = s + " data=" + data.count() + "x" + java.util.Arrays.toString(data.shape()) + " sha256="
                + data.sha256();
        TrainingState saved = resume ? TrainingState.read(state) : null;
        if (saved != null && !saved.fingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException("the checkpoint " + state + " belongs to other settings or data: "
                    + saved.fingerprint());
        }
        Engine engine = TorchEngine.get();
        EdmPreconditioning pre = new EdmPreconditioning(s.sigmaData());
        int[] shape = data.shape();
        int size = data.size();
        int batch = s.batch();
        float[] losses = new float[s.steps()];
        try (Model model = Model.newInstance("strata-score-matching", device.toDjl(), TorchEngine.NAME)) {
            NDManager manager = model.getNDManager();
            SmallUNet net = SmallUNet.seeded(s.net(), s.seed(), manager, batch, shape[1], shape[2]);
            SmallUNet ema = SmallUNet.seeded(s.net(), s.seed(), manager, batch, shape[1], shape[2]);
            ParameterStore store = new ParameterStore(manager, false);
            Adam adam = new Adam(s.weightDecay());
            EdmLossStep loss = new EdmLossStep(pre, net, store, batch, shape);
            int first = 0;
            String probe = null;
            if (saved != null) {
                first = saved.step();
                probe = saved.probeSha256().isEmpty() ? null : saved.probeSha256();
                restore(net.getParameters(), saved.weights(), manager);
                restore(ema.getParameters(), saved.ema(), manager);
                adam.restore(first, saved.moments(), net.getParameters(), manager);
                System.arraycopy(saved.losses(), 0, losses, 0, first);
            }
            for (int step = first; step < last; step++) {
                SplittableRandom random = new SplittableRandom(s.seed() + GOLDEN * (step + 1));
                Gaussian g = new Gaussian(random.nextLong());
                for (int b = 0; b < batch; b++) {
                    int k = random.nextInt(data.count());
                    loss.put(b, data.models(), k * size, Math.exp(s.pMean() + s.pStd() * g.next()), g);
                    if (s.net().conditional()) {
                        int cSize = data.conditionChannels() * shape[1] * shape[2];
                        loss.putCondition(b, data.conditions(), k * cSize, random.nextDouble() >= s.conditionDropout());
                    }
                }
                try (NDManager sm = manager.newSubManager()) {
                    losses[step] = loss.backward(engine, sm);
                    adam.step(net.getParameters(), s.learningRate(step), sm);
                    average(ema.getParameters(), net.getParameters(),
                            Math.min(s.emaDecay(), (1.0 + step + 1) / (10.0 + step + 1)), sm);
                }
                int done = step + 1;
                if (done == probeStep) {
                    probe = DenoiserCheckpoint.sha256(DenoiserTrainer.weights(ema));
                }
                if (done % s.checkpointEvery() == 0 || done == last) {
                    new TrainingState(fingerprint, done, probe == null ? "" : probe, floats(net.getParameters()),
                            floats(ema.getParameters()), adam.moments(net.getParameters()),
                            java.util.Arrays.copyOf(losses, done)).write(state);
                }
                listener.stepDone(done, s.steps(), losses[step]);
            }
            int done = Math.max(first, last);
            float[] ran = java.util.Arrays.copyOf(losses, done);
            return new Result(DenoiserTrainer.weights(ema), ran, DenoiserTrainer.tailMean(ran), first, done, probe);
        }
    }

    /** Files a run leaves besides its outputs: the checkpoint {@code DIR/train-state.bin}. */
    public static Path statePath(Path dir) {
        return dir.resolve("train-state.bin");
    }

    /** Whether {@code dir} holds a checkpoint. */
    public static boolean hasState(Path dir) {
        return Files.isRegularFile(statePath(dir));
    }

    /** e = d e + (1 - d) w for every trainable parameter, in place on e's storage. */
    private static void average(ParameterList ema, ParameterList weights, double d, NDManager scratch) {
        NDArray keep = Ops.scalar(scratch, d);
        NDArray take = Ops.scalar(scratch, 1 - d);
        for (int i = 0; i < ema.size(); i++) {
            if (!weights.get(i).getValue().requiresGradient()) {
                continue;
            }
            NDArray w = weights.get(i).getValue().getArray().stopGradient();
            w.attach(scratch);
            NDArray e = ema.get(i).getValue().getArray().stopGradient();
            e.attach(scratch);
            e.muli(keep).addi(w.mul(take));
        }
    }

    private static float[][] floats(ParameterList params) {
        List<float[]> out = new ArrayList<>();
        params.forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        return out.toArray(float[][]::new);
    }

    private static void restore(ParameterList params, float[][] values, NDManager manager) {
        if (values.length != params.size()) {
            throw new IllegalArgumentException("checkpoint holds " + values.length + " parameters, the network "
                    + params.size());
        }
        for (int i = 0; i < values.length; i++) {
            Parameter p = params.get(i).getValue();
            NDArray a = p.getArray();
            a.intern(Ops.tensor(manager, values[i], a.getShape()));
            a.setRequiresGradient(p.requiresGradient());
        }
    }
}
