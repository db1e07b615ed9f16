package dev.strata.sampler.nn;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.strata.forward.Shapes;
import dev.strata.sampler.ConditionalDenoiser;
import dev.strata.sampler.Denoiser;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A learned denoiser D(x; sigma) = c_skip x + c_out F(c_in x; c_noise) (EDM preconditioning, Karras et al. 2022) with
 * F a {@link SmallUNet} run by DJL's PyTorch engine on the CPU.
 *
 * <p>Batches run in one forward pass per chunk of at most {@link #chunkSamples} samples (see there; a batch of one
 * runs as two, see {@link #chunk}); the VJP
 * (dD/dx)^T v = grad_x sum(v . D(x; sigma)) runs in one batched {@link GradientCollector} call per chunk, which is
 * exact for the batch since samples do not interact. Every call works in a child {@link NDManager} closed before it
 * returns, so native memory does not grow; the weights live in this object's manager until {@link #close()}.
 *
 * <p>Thread safety: calls are serialised on this instance; calls on different instances (and training) serialise on
 * one process-wide lock around gradient collection, because DJL's PyTorch engine allows one
 * {@link GradientCollector} at a time per process.
 *
 * <p>A conditional network ({@link SmallUNet.Config#conditional}, trained with classifier-free-guidance dropout) is
 * also a {@link ConditionalDenoiser}: D(x; sigma, y), and D(x; sigma) for the null condition, which is what the
 * {@link Denoiser} methods give.
 */
public final class NetworkDenoiser implements Denoiser, ConditionalDenoiser, AutoCloseable {
    /** Most samples per forward pass. */
    public static final int MAX_CHUNK = 256;
    /** Most bytes of the network's largest activation in one forward pass (see {@link #chunkSamples}). */
    static final long CHUNK_ACTIVATION_BYTES = 32L << 20;

    private final int[] shape;
    private final EdmPreconditioning preconditioning;
    private final SmallUNet net;
    private final NDManager manager;
    private final ParameterStore store;
    private final Engine engine;
    private final int chunkSamples;
    private long handoverNanos;

    /**
     * @param shape   shape of one sample, {@code [channels, nz, nx]}
     * @param pre     the EDM preconditioning the network was trained with
     * @param net     the network's configuration
     * @param weights parameters in DJL's block format, as written by {@code Block.saveParameters}; copied to native
     *                memory, not kept
     */
    public NetworkDenoiser(int[] shape, EdmPreconditioning pre, SmallUNet.Config net, byte[] weights) {
        this(shape, pre, net, weights, NetworkDevice.CPU);
    }

    /**
     * As {@link #NetworkDenoiser(int[], EdmPreconditioning, SmallUNet.Config, byte[])}, with the network on
     * {@code device} (a GPU the engine cannot see is refused, see {@link NetworkDevice#toDjl()}).
     */
    public NetworkDenoiser(int[] shape, EdmPreconditioning pre, SmallUNet.Config net, byte[] weights,
                           NetworkDevice device) {
        if (shape.length != 3 || shape[0] != net.channels()) {
            throw new IllegalArgumentException("shape must be [" + net.channels() + ", nz, nx], got "
                    + Arrays.toString(shape));
        }
        this.shape = shape.clone();
        this.preconditioning = pre;
        this.engine = TorchEngine.get();
        this.net = new SmallUNet(net);
        this.manager = engine.newBaseManager(device.toDjl());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            this.net.loadParameters(manager, in);
            this.net.getParameters().values().forEach(p -> Ops.ownNatively(p.getArray()));
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException("cannot read network weights", e);
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new IllegalArgumentException("weights do not fit a SmallUNet " + net + ": " + e.getMessage(), e);
        }
        this.store = new ParameterStore(manager, false);
        this.chunkSamples = chunkSamples(net, shape);
    }

    /**
     * Samples per forward pass: as many as keep the network's largest activation (the 3 width maps of the full-size
     * concatenation, float32) within {@link #CHUNK_ACTIVATION_BYTES}, from 2 to {@link #MAX_CHUNK}. Larger passes
     * gain nothing and cost much: libtorch's activations beyond glibc's largest mmap threshold (32 MB) are mapped
     * afresh at every call, and on the seismic U-Net a pass of 64 samples took 30 ms a sample against 4.5 for 32.
     */
    static int chunkSamples(SmallUNet.Config net, int[] shape) {
        long perSample = 3L * net.width() * shape[1] * shape[2] * Float.BYTES;
        return (int) Math.max(2, Math.min(MAX_CHUNK, CHUNK_ACTIVATION_BYTES / perSample));
    }

    /**
     * A network of configuration {@code net} with seeded random weights, sigma_data = 1: what a measurement of the
     * network's cost needs (its output means nothing).
     */
    public static NetworkDenoiser seededRandom(int[] shape, SmallUNet.Config net, long seed) {
        try (NDManager m = TorchEngine.get().newBaseManager()) {
            SmallUNet block = SmallUNet.seeded(net, seed, m, 1, shape[1], shape[2]);
            return new NetworkDenoiser(shape, new EdmPreconditioning(1.0), net, DenoiserTrainer.weights(block));
        }
    }

    /** Loads the network shipped in this jar, trained on {@link DenoiserTrainer#gaussian16()}. */
    public static NetworkDenoiser loadShippedGaussian16() {
        return ShippedDenoiser.GAUSSIAN16.load();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int size() {
        return Shapes.size(shape);
    }

    /** Whether the network takes a condition y. */
    public boolean conditional() {
        return net.config().conditional();
    }

    public EdmPreconditioning preconditioning() {
        return preconditioning;
    }

    /** x̂0 = c_skip x + c_out F(c_in x; c_noise) for a batch of {@code n}; at sigma = 0 returns x. Returns a new array. */
    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        return denoise(x, sigma, null, n);
    }

    /** D(x; sigma, y) for a batch of {@code n} ({@code condition} null: the null condition); at sigma = 0 returns x. */
    @Override
    public synchronized float[] denoise(float[] x, double sigma, float[] condition, int n) {
        check(x, sigma, n, condition);
        if (sigma == 0) {
            return x.clone();
        }
        int size = size();
        float[] out = new float[x.length];
        for (int from = 0; from < n; from += chunkSamples) {
            int m = Math.min(chunkSamples, n - from);
            int mb = Math.max(m, 2);
            try (NDManager call = manager.newSubManager()) {
                long t0 = System.nanoTime();
                NDArray xa = Ops.tensor(call, chunk(x, from, m, mb, true), batchShape(mb));
                handoverNanos += System.nanoTime() - t0;
                NDArray d = forward(call, xa, sigma, mb, condition); // eager on the CPU: computed on return
                long t1 = System.nanoTime();
                System.arraycopy(d.toFloatArray(), 0, out, from * size, m * size);
                handoverNanos += System.nanoTime() - t1;
            }
        }
        return out;
    }

    /** (dD/dx)^T v at (x, sigma) for a batch of {@code n}, by reverse-mode autodiff; at sigma = 0 returns v. */
    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        return vjp(x, sigma, null, v, n);
    }

    /** (dD(x; sigma, y)/dx)^T v for a batch of {@code n}; at sigma = 0 returns v. */
    @Override
    public synchronized float[] vjp(float[] x, double sigma, float[] condition, float[] v, int n) {
        check(x, sigma, n, condition);
        Shapes.requireBatch("NetworkDenoiser.vjp v", v, n, size());
        if (sigma == 0) {
            return v.clone();
        }
        int size = size();
        float[] out = new float[x.length];
        for (int from = 0; from < n; from += chunkSamples) {
            int m = Math.min(chunkSamples, n - from);
            int mb = Math.max(m, 2);
            try (NDManager call = manager.newSubManager()) {
                long t0 = System.nanoTime();
                NDArray xa = Ops.tensor(call, chunk(x, from, m, mb, true), batchShape(mb));
                NDArray va = Ops.tensor(call, chunk(v, from, m, mb, false), batchShape(mb));
                handoverNanos += System.nanoTime() - t0;
                xa.setRequiresGradient(true);
                synchronized (GradientLock.LOCK) {
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        gc.backward(forward(call, xa, sigma, mb, condition).mul(va).sum());
                    }
                }
                NDArray gradient = xa.getGradient();
                long t1 = System.nanoTime();
                System.arraycopy(gradient.toFloatArray(), 0, out, from * size, m * size);
                handoverNanos += System.nanoTime() - t1;
            }
        }
        return out;
    }

    /**
     * Nanoseconds spent so far copying inputs into native arrays and results out of them (the hand-over between Java
     * arrays and the network), a part of the calls' time.
     */
    public synchronized long handoverNanos() {
        return handoverNanos;
    }

    /** Native arrays held by this denoiser (its weights, plus any leaked by a call: none). */
    public int openArrays() {
        return manager.getManagedArrays().size();
    }

    /** The network's configuration. */
    public SmallUNet.Config network() {
        return net.config();
    }

    /**
     * The network's parameters in the block's order, copied out of native memory: what a twin of the network in
     * another framework loads to compute the same function.
     */
    public synchronized List<NamedTensor> parameters() {
        List<NamedTensor> all = new ArrayList<>();
        net.getParameters().forEach(p -> all.add(new NamedTensor(p.getKey(), p.getValue().getArray().getShape()
                .getShape(), p.getValue().getArray().toFloatArray())));
        return all;
    }

    /**
     * One parameter array.
     *
     * @param name   DJL's name of it, as in the parameter file: the child blocks' names, each after its two-digit
     *               position, joined by '_', then the parameter's ({@code 03down0Res_01norm1_gamma})
     * @param shape  its shape
     * @param values its values, row-major
     */
    public record NamedTensor(String name, long[] shape, float[] values) {
        public NamedTensor {
            shape = shape.clone();
            values = values.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }
    }

    /** Parameters of the network. */
    public long parameterCount() {
        return net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Override
    public synchronized void close() {
        manager.close();
    }

    /**
     * D(x; sigma, y) on native arrays {@code x} {@code [m, C, nz, nx]}, temporaries in {@code call}; differentiable in
     * x under a {@link GradientCollector} (the caller holds {@link GradientLock}).
     */
    NDArray forward(NDManager call, NDArray x, double sigma, int m, float[] condition) {
        EdmPreconditioning pre = preconditioning;
        double[] cNoise = new double[m];
        Arrays.fill(cNoise, pre.cNoise(sigma));
        SmallUNet.Config c = net.config();
        NDArray phi = Ops.tensor(call, SmallUNet.noiseFeatures(cNoise, c.features()), new Shape(m, c.features()));
        NDList in = new NDList(x.mul(Ops.scalar(call, pre.cIn(sigma))), phi);
        if (c.conditional()) {
            int cells = shape[1] * shape[2];
            float[] y = new float[m * c.conditionInputChannels() * cells];
            for (int b = 0; b < m; b++) {
                SmallUNet.putCondition(y, b, condition, 0, condition != null, c.conditionChannels(), cells);
            }
            in.add(Ops.tensor(call, y, new Shape(m, c.conditionInputChannels(), shape[1], shape[2])));
        }
        NDArray f = net.forward(store, in, false).singletonOrThrow();
        return x.mul(Ops.scalar(call, pre.cSkip(sigma))).add(f.mul(Ops.scalar(call, pre.cOut(sigma))));
    }

    /**
     * Samples {@code from..from+m} of {@code a}, padded to {@code mb} samples by repeating the first ({@code repeat})
     * or with zeros. Batches of one are run as two: for a batch of one, libtorch 2.7.1 tries NNPACK for every
     * convolution and prints "Could not initialize NNPACK! Reason: Unsupported hardware." to stderr on CPUs without it.
     */
    private float[] chunk(float[] a, int from, int m, int mb, boolean repeat) {
        int size = size();
        float[] c = new float[mb * size];
        System.arraycopy(a, from * size, c, 0, m * size);
        for (int b = m; b < mb && repeat; b++) {
            System.arraycopy(a, from * size, c, b * size, size);
        }
        return c;
    }

    private Shape batchShape(int m) {
        return new Shape(m, shape[0], shape[1], shape[2]);
    }

    private void check(float[] x, double sigma, int n, float[] condition) {
        Shapes.requireBatch("NetworkDenoiser input", x, n, size());
        SmallUNet.Config c = net.config();
        if (condition != null && condition.length != c.conditionChannels() * shape[1] * shape[2]) {
            throw new IllegalArgumentException(c.conditional() ? "condition must hold " + c.conditionChannels()
                    + " x " + shape[1] + " x " + shape[2] + " values, got " + condition.length
                    : "this network takes no condition");
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        if (!manager.isOpen()) {
            throw new IllegalStateException("NetworkDenoiser is closed");
        }
    }
}
