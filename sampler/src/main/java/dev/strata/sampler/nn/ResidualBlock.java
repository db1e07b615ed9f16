package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A noise-conditioned residual block with adaptive group normalisation (Dhariwal and Nichol 2021; Karras et al. 2022):
 * h = conv1(silu(norm1(x))); [s, b] = W e; y = x + conv2(silu(norm2(h) (1 + s) + b)), with 3 x 3 convolutions that
 * keep the size and e the noise-level embedding: the scale s lets the noise level set the gain of every channel.
 * Inputs {@code [x: n, c, h, w; e: n, embedding]}; output {@code [n, c, h, w]}.
 */
final class ResidualBlock extends AbstractBlock {
    private final int channels;
    private final GroupNorm norm1;
    private final Conv2d conv1;
    private final Linear embed;
    private final GroupNorm norm2;
    private final Conv2d conv2;

    ResidualBlock(int channels, int groups) {
        this.channels = channels;
        this.norm1 = addChildBlock("norm1", new GroupNorm(channels, groups));
        this.conv1 = addChildBlock("conv1", SmallUNet.conv3(channels));
        this.embed = addChildBlock("embed", Linear.builder().setUnits(2L * channels).build());
        this.norm2 = addChildBlock("norm2", new GroupNorm(channels, groups));
        this.conv2 = addChildBlock("conv2", SmallUNet.conv3(channels));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray e = inputs.get(1);
        NDArray h = norm1.siluOfNorm(store, x, training);
        h = conv1.forward(store, new NDList(h), training).singletonOrThrow();
        NDArray ss = embed.forward(store, new NDList(e), training).singletonOrThrow();
        NDList scaleShift = ss.reshape(ss.getShape().get(0), 2L * channels, 1, 1).split(2, 1);
        h = norm2.siluOfModulated(store, h, scaleShift.get(0), scaleShift.get(1), training);
        h = conv2.forward(store, new NDList(h), training).singletonOrThrow();
        return new NDList(x.add(h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        norm1.initialize(manager, dataType, x);
        conv1.initialize(manager, dataType, x);
        embed.initialize(manager, dataType, inputShapes[1]);
        norm2.initialize(manager, dataType, x);
        conv2.initialize(manager, dataType, x);
    }
}
