package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A convolutional variational auto-encoder (Kingma and Welling 2014) for one-channel fields, the latent space of
 * seed 002's latent diffusion model (LD-DIM, arXiv 2512.22421; Rombach et al. 2022). With w the width and D the
 * down-samplings:
 * <pre>
 *   encoder:  h = silu(conv(x)); D times h = silu(conv(avgpool2(h)));  [mu, log var] = conv(h)     (2 L channels)
 *   decoder:  u = silu(conv(z)); D times u = silu(conv(repeat2(u)));   x' = conv(u)                (1 channel)
 * </pre>
 * so a field {@code [n, 1, nz, nx]} maps to a latent {@code [n, L, nz / 2^D, nx / 2^D]} and back. Up-sampling is by
 * repetition and a convolution (DJL's PyTorch engine has no transposed convolution). All convolutions are 3 x 3 with
 * zero padding 1. The last convolution of each half has {@link SmallUNet#OUT_BLOCK} filters of which the first are
 * used, for the reason given in {@link SmallUNet} (narrow convolutions gave non-finite input gradients).
 * {@link #forward} returns {@code [x', mu, log var]} for inputs {@code [x, eps]}, with z = mu + exp(log var / 2) eps.
 */
public final class FieldVae extends AbstractBlock {

    /**
     * @param width          feature maps at full size (twice as many at coarser sizes), >= {@link
     *                       ScoreMatchingTrainer#MIN_WIDTH}
     * @param latentChannels L, channels of the latent
     * @param downsamplings  D, halvings of the grid from field to latent
     */
    public record Config(int width, int latentChannels, int downsamplings) {
        public Config {
            if (width < ScoreMatchingTrainer.MIN_WIDTH || latentChannels < 1 || downsamplings < 1
                    || 2 * latentChannels > SmallUNet.OUT_BLOCK) {
                throw new IllegalArgumentException("VAE needs width >= " + ScoreMatchingTrainer.MIN_WIDTH
                        + ", 1 <= latent channels <= " + SmallUNet.OUT_BLOCK / 2 + " and >= 1 down-sampling, got "
                        + width + ", " + latentChannels + ", " + downsamplings);
            }
        }

        /** The latent shape {@code [L, nz / 2^D, nx / 2^D]} of a field of {@code nz x nx}. */
        public int[] latentShape(int nz, int nx) {
            int scale = 1 << downsamplings;
            if (nz % scale != 0 || nx % scale != 0) {
                throw new IllegalArgumentException("a VAE with " + downsamplings + " down-samplings needs a grid"
                        + " divisible by " + scale + ", got " + nz + " x " + nx);
            }
            return new int[] {latentChannels, nz / scale, nx / scale};
        }

        int width(int level) {
            return level == 0 ? width : 2 * width;
        }
    }

    private final Config config;
    private final Conv2d[] encoder;
    private final Conv2d[] decoder;

    public FieldVae(Config config) {
        this.config = config;
        int d = config.downsamplings();
        this.encoder = new Conv2d[d + 2];
        this.decoder = new Conv2d[d + 2];
        for (int l = 0; l <= d; l++) {
            encoder[l] = addChildBlock("enc" + l, SmallUNet.conv3(config.width(l)));
        }
        encoder[d + 1] = addChildBlock("encOut", SmallUNet.conv3(SmallUNet.OUT_BLOCK));
        for (int l = 0; l <= d; l++) {
            decoder[l] = addChildBlock("dec" + l, SmallUNet.conv3(config.width(d - l)));
        }
        decoder[d + 1] = addChildBlock("decOut", SmallUNet.conv3(SmallUNet.OUT_BLOCK));
    }

    /** A VAE of {@code config} with weights drawn from {@code seed} for fields {@code [batch, 1, nz, nx]}. */
    static FieldVae seeded(Config config, long seed, NDManager manager, long batch, long nz, long nx) {
        FieldVae vae = new FieldVae(config);
        vae.setInitializer(new SeededInitializer(seed), ai.djl.nn.Parameter.Type.WEIGHT);
        int[] latent = config.latentShape(Math.toIntExact(nz), Math.toIntExact(nx));
        vae.initialize(manager, DataType.FLOAT32, new Shape(batch, 1, nz, nx),
                new Shape(batch, latent[0], latent[1], latent[2]));
        return vae;
    }

    public Config config() {
        return config;
    }

    /** [mu, log var], each {@code [n, L, h, w]}, of fields {@code x} {@code [n, 1, nz, nx]}. */
    NDList encode(ParameterStore store, NDArray x, boolean training) {
        NDArray h = x;
        for (int l = 0; l <= config.downsamplings(); l++) {
            if (l > 0) {
                h = Pool.avgPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            }
            h = Ops.silu(conv(encoder[l], store, h, training), training);
        }
        NDArray out = conv(encoder[config.downsamplings() + 1], store, h, training);
        int lc = config.latentChannels();
        return new NDList(out.get(new NDIndex(":, :{}", lc)), out.get(new NDIndex(":, {}:{}", lc, 2 * lc)));
    }

    /** Fields {@code [n, 1, nz, nx]} decoded from latents {@code z} {@code [n, L, h, w]}. */
    NDArray decode(ParameterStore store, NDArray z, boolean training) {
        NDArray u = z;
        for (int l = 0; l <= config.downsamplings(); l++) {
            if (l > 0) {
                u = Ops.repeat2(u, training);
            }
            u = Ops.silu(conv(decoder[l], store, u, training), training);
        }
        return conv(decoder[config.downsamplings() + 1], store, u, training).get(new NDIndex(":, :1"));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList moments = encode(store, inputs.get(0), training);
        NDArray mu = moments.get(0);
        NDArray logVar = moments.get(1);
        NDArray half = Ops.scalar(mu.getManager(), 0.5);
        NDArray z = mu.add(logVar.mul(half).exp().mul(inputs.get(1)));
        return new NDList(decode(store, z, training), mu, logVar);
    }

    private static NDArray conv(Conv2d conv, ParameterStore store, NDArray x, boolean training) {
        return conv.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1], inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long n = x.get(0);
        int d = config.downsamplings();
        long in = 1;
        for (int l = 0; l <= d; l++) {
            encoder[l].initialize(manager, dataType, new Shape(n, in, x.get(2) >> l, x.get(3) >> l));
            in = config.width(l);
        }
        encoder[d + 1].initialize(manager, dataType, new Shape(n, in, x.get(2) >> d, x.get(3) >> d));
        in = config.latentChannels();
        for (int l = 0; l <= d; l++) {
            int level = d - l;
            decoder[l].initialize(manager, dataType, new Shape(n, in, x.get(2) >> level, x.get(3) >> level));
            in = config.width(level);
        }
        decoder[d + 1].initialize(manager, dataType, new Shape(n, in, x.get(2), x.get(3)));
    }
}
