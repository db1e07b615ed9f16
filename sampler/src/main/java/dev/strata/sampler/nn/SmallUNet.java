package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A small U-Net for the EDM network F(c_in x; c_noise) (Ronneberger et al. 2015; conditioning as in Dhariwal and
 * Nichol 2021). With w_0 = width and w_l = 2 width at the coarser levels l = 1..L-1:
 * <pre>
 *   e   = silu(W_e phi(c_noise))                                phi: Fourier features, see {@link #noiseFeatures}
 *   h_0 = res(conv(x), e)                                        full size, w_0 maps
 *   h_l = res(conv(avgpool2(h_{l-1})), e)                        size / 2^l, w_l maps
 *   u_l = res(conv(concat(repeat2(u_{l+1}), h_l)), e),  u_{L-1} = h_{L-1}
 *   F   = conv_out(silu(norm(u_0)))                              channels of x
 * </pre>
 * A conditional network (classifier-free guidance, Ho and Salimans 2022) takes a third input y' = [m y, m] of K + 1
 * channels, concatenated to c_in x before the first convolution: the condition y times a mask m that is 1 when y is
 * given and 0 for the null condition (the "null token"), so one network learns D(x; sigma, y) and D(x; sigma).
 * Built only from what DJL's PyTorch engine offers: Conv2d, Linear, average pooling, upsampling by repetition (no
 * transposed convolution), group normalisation and silu by libtorch's kernels through TorchScript or by array ops
 * (no GroupNorm block; see {@link GroupNorm} and {@link FusedKernels}). All convolutions are 3 x 3 with
 * zero padding 1. Inputs {@code [x: n, c, h, w; phi: n, features]}, plus {@code [y': n, K + 1, h, w]} when
 * conditional, with h, w divisible by 2^(L-1); output {@code [n, c, h, w]}.
 *
 * <p>conv_out has {@link #OUT_BLOCK} filters (a multiple of it), of which the first c are used: with fewer than 16
 * output channels, the backward pass of a convolution to its input (oneDNN, libtorch 2.7.1 CPU on an AVX-512 CPU)
 * returned non-finite gradients in 0.5 to 8 % of calls (16 -> 1 channels, 64 x 16 x 16 x 16 input); with 16 output
 * channels, and for every other convolution shape of this network, in none of 600 calls. The unused filters get zero
 * gradients and stay as initialised.
 */
public final class SmallUNet extends AbstractBlock {
    /** Output filters of conv_out come in multiples of this. */
    static final int OUT_BLOCK = 16;

    /**
     * @param channels  channels of the data (input and output)
     * @param width     feature maps at full size (twice as many at the coarser levels)
     * @param levels    resolution levels L (1 = no down-sampling)
     * @param groups    groups of the group normalisation (divides width)
     * @param features  Fourier features of c_noise (even)
     * @param embedding width of the noise embedding e
     * @param conditionChannels channels K of the condition y (0: an unconditional network)
     */
    public record Config(int channels, int width, int levels, int groups, int features, int embedding,
                         int conditionChannels) {
        /** An unconditional network. */
        public Config(int channels, int width, int levels, int groups, int features, int embedding) {
            this(channels, width, levels, groups, features, embedding, 0);
        }

        public Config {
            if (conditionChannels < 0) {
                throw new IllegalArgumentException("condition channels must be >= 0, got " + conditionChannels);
            }
            if (channels < 1 || width < 1 || groups < 1 || width % groups != 0 || levels < 1) {
                throw new IllegalArgumentException("need channels, width, levels >= 1 and groups dividing width, got "
                        + channels + ", " + width + ", " + levels + ", " + groups);
            }
            if (features < 2 || features % 2 != 0 || embedding < 1) {
                throw new IllegalArgumentException("features must be even >= 2 and embedding >= 1, got "
                        + features + ", " + embedding);
            }
        }

        int width(int level) {
            return level == 0 ? width : 2 * width;
        }

        /** Whether the network takes a condition. */
        public boolean conditional() {
            return conditionChannels > 0;
        }

        /** Channels of the conditioning input [m y, m]: K + 1, or 0 for an unconditional network. */
        public int conditionInputChannels() {
            return conditional() ? conditionChannels + 1 : 0;
        }
    }

    private final Config config;
    private final Linear embed;
    private final Conv2d[] downConv;
    private final ResidualBlock[] downRes;
    private final Conv2d[] upConv; // index l = 0..L-2
    private final ResidualBlock[] upRes;
    private final GroupNorm normOut;
    private final Conv2d convOut;

    public SmallUNet(Config config) {
        this.config = config;
        int levels = config.levels();
        this.embed = addChildBlock("embed", Linear.builder().setUnits(config.embedding()).build());
        this.downConv = new Conv2d[levels];
        this.downRes = new ResidualBlock[levels];
        this.upConv = new Conv2d[levels - 1];
        this.upRes = new ResidualBlock[levels - 1];
        for (int l = 0; l < levels; l++) {
            downConv[l] = addChildBlock("down" + l + "Conv", conv3(config.width(l)));
            downRes[l] = addChildBlock("down" + l + "Res", new ResidualBlock(config.width(l), config.groups()));
        }
        for (int l = levels - 2; l >= 0; l--) {
            upConv[l] = addChildBlock("up" + l + "Conv", conv3(config.width(l)));
            upRes[l] = addChildBlock("up" + l + "Res", new ResidualBlock(config.width(l), config.groups()));
        }
        this.normOut = addChildBlock("normOut", new GroupNorm(config.width(), config.groups()));
        this.convOut = addChildBlock("convOut", conv3(OUT_BLOCK * ((config.channels() + OUT_BLOCK - 1) / OUT_BLOCK)));
    }

    /**
     * A network of {@code config} with weights drawn from {@code seed} ({@link SeededInitializer}) in {@code manager},
     * for batches of {@code batch} samples of {@code nz x nx} (plus the conditioning input when conditional).
     */
    static SmallUNet seeded(Config config, long seed, NDManager manager, long batch, long nz, long nx) {
        SmallUNet net = new SmallUNet(config);
        net.setInitializer(new SeededInitializer(seed), ai.djl.nn.Parameter.Type.WEIGHT);
        Shape x = new Shape(batch, config.channels(), nz, nx);
        Shape phi = new Shape(batch, config.features());
        if (config.conditional()) {
            net.initialize(manager, DataType.FLOAT32, x, phi,
                    new Shape(batch, config.conditionInputChannels(), nz, nx));
        } else {
            net.initialize(manager, DataType.FLOAT32, x, phi);
        }
        return net;
    }

    static Conv2d conv3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }

    public Config config() {
        return config;
    }

    /**
     * phi(c)_k = cos(omega_k c), phi(c)_{K+k} = sin(omega_k c), omega_k = 2^(k/2), k = 0..K-1, K = features / 2:
     * smooth in c = c_noise = ln(sigma) / 4, which spans about [-1.6, 1.1] over EDM's sigma range. Returns [n, 2K].
     */
    public static float[] noiseFeatures(double[] cNoise, int features) {
        int k2 = features / 2;
        float[] phi = new float[cNoise.length * features];
        for (int b = 0; b < cNoise.length; b++) {
            for (int k = 0; k < k2; k++) {
                double a = Math.pow(2, k / 2.0) * cNoise[b];
                phi[b * features + k] = (float) Math.cos(a);
                phi[b * features + k2 + k] = (float) Math.sin(a);
            }
        }
        return phi;
    }

    /**
     * Writes sample {@code b} of the conditioning input y' = [m y, m] into {@code input} ({@code [n, K + 1, cells]}):
     * y = {@code y[from .. from + K cells)} and m = 1 when {@code given}, else zeros and m = 0 (the null condition).
     */
    public static void putCondition(float[] input, int b, float[] y, int from, boolean given, int k, int cells) {
        int at = b * (k + 1) * cells;
        if (given) {
            System.arraycopy(y, from, input, at, k * cells);
        } else {
            java.util.Arrays.fill(input, at, at + k * cells, 0f);
        }
        java.util.Arrays.fill(input, at + k * cells, at + (k + 1) * cells, given ? 1f : 0f);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        int levels = config.levels();
        NDArray e = Ops.silu(embed.forward(store, new NDList(inputs.get(1)), training).singletonOrThrow(),
                training);
        NDArray[] h = new NDArray[levels];
        NDArray in = config.conditional() ? NDArrays.concat(new NDList(inputs.get(0), inputs.get(2)), 1)
                : inputs.get(0);
        // a forward alone runs channels last, where libtorch's convolutions are faster; their backward is slower there
        if (!training && !JniUtils.isGradMode()) {
            in = FusedKernels.channelsLast(in);
        }
        for (int l = 0; l < levels; l++) {
            if (l > 0) {
                in = Pool.avgPool2d(h[l - 1], new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            }
            h[l] = downRes[l].forward(store, new NDList(one(downConv[l], store, in, training), e), training)
                    .singletonOrThrow();
        }
        NDArray u = h[levels - 1];
        for (int l = levels - 2; l >= 0; l--) {
            NDArray up = NDArrays.concat(new NDList(Ops.repeat2(u, training), h[l]), 1);
            u = upRes[l].forward(store, new NDList(one(upConv[l], store, up, training), e), training)
                    .singletonOrThrow();
        }
        NDArray out = normOut.siluOfNorm(store, u, training);
        return new NDList(one(convOut, store, out, training).get(new NDIndex(":, :{}", config.channels())));
    }

    private static NDArray one(Conv2d conv, ParameterStore store, NDArray x, boolean training) {
        return conv.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long n = x.get(0);
        int levels = config.levels();
        long scale = 1L << (levels - 1);
        if (x.get(2) % scale != 0 || x.get(3) % scale != 0) {
            throw new IllegalArgumentException("SmallUNet with " + levels + " levels needs a grid divisible by "
                    + scale + ", got " + x.get(2) + " x " + x.get(3));
        }
        Shape e = new Shape(n, config.embedding());
        embed.initialize(manager, dataType, inputShapes[1]);
        long inChannels = x.get(1) + config.conditionInputChannels();
        for (int l = 0; l < levels; l++) {
            long hl = x.get(2) >> l;
            long wl = x.get(3) >> l;
            downConv[l].initialize(manager, dataType, new Shape(n, inChannels, hl, wl));
            downRes[l].initialize(manager, dataType, new Shape(n, config.width(l), hl, wl), e);
            inChannels = config.width(l);
        }
        for (int l = levels - 2; l >= 0; l--) {
            long hl = x.get(2) >> l;
            long wl = x.get(3) >> l;
            long cat = config.width(l + 1) + config.width(l);
            upConv[l].initialize(manager, dataType, new Shape(n, cat, hl, wl));
            upRes[l].initialize(manager, dataType, new Shape(n, config.width(l), hl, wl), e);
        }
        Shape full = new Shape(n, config.width(), x.get(2), x.get(3));
        normOut.initialize(manager, dataType, full);
        convOut.initialize(manager, dataType, full);
    }
}
