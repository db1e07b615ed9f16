package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation (Wu and He 2018), which DJL's PyTorch engine offers no block for:
 * y = gamma_c (x - mean_g) / sqrt(var_g + eps) + beta_c, mean and (biased) variance over the channels of group g and
 * all pixels of one sample. Input and output {@code [n, channels, h, w]}; the input is not modified.
 *
 * <p>Two routes to the same maths. Inference ({@code training} false: the denoiser and its input VJP in every guided
 * reverse step) runs libtorch's fused layer_norm over each group, one native kernel forward and one backward, where the
 * array ops make about ten of each. Training keeps the array ops, so that {@code strata train} still reproduces the
 * shipped weights byte for byte. The two agree to float rounding ({@code GroupNormTest}).
 */
final class GroupNorm extends AbstractBlock {
    private static final float EPS = 1e-5f;
    private final int channels;
    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;

    GroupNorm(int channels, int groups) {
        if (groups < 1 || channels % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + channels + " channels");
        }
        this.channels = channels;
        this.groups = groups;
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        NDArray y = (training ? normalisedByArrayOps(x) : normalisedByLayerNorm(x)).reshape(s);
        NDArray ga = store.getValue(gamma, x.getDevice(), training).reshape(1, channels, 1, 1);
        NDArray be = store.getValue(beta, x.getDevice(), training).reshape(1, channels, 1, 1);
        ga.attach(x.getManager()); // views of a parameter land in the parameter's manager: move them to this call's
        be.attach(x.getManager());
        return new NDList(y.mul(ga).add(be));
    }

    /** (x - mean_g) / sqrt(var_g + eps) as {@code [n, groups, rest]}, by array ops (the training path). */
    private NDArray normalisedByArrayOps(NDArray x) {
        NDArray g = x.reshape(x.getShape().get(0), groups, -1);
        NDArray centred = g.sub(g.mean(new int[] {2}, true));
        NDArray var = centred.square().mean(new int[] {2}, true);
        return centred.div(var.add(Ops.scalar(x.getManager(), EPS)).sqrt());
    }

    /** The same as {@link #normalisedByArrayOps}, by libtorch's layer_norm over each group (the inference path). */
    private NDArray normalisedByLayerNorm(NDArray x) {
        Shape s = x.getShape();
        Shape group = new Shape(s.size() / (s.get(0) * groups));
        NDArray g = x.reshape(s.get(0), groups, group.get(0));
        NDManager m = x.getManager();
        return g.getNDArrayInternal().layerNorm(g, group, m.ones(group), m.zeros(group), EPS).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
