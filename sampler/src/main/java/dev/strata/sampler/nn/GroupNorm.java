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
 * reverse step) runs libtorch's fused layer_norm over each group, then the per-channel affine map as batch_norm's
 * inference form (mean 0, variance 1): two native kernels forward, where the array ops make about ten. Training keeps
 * the array ops, so that {@code strata train} still reproduces the shipped weights byte for byte. The two agree to
 * float rounding ({@code GroupNormTest}).
 *
 * <p>{@link #modulated} is the adaptive form of the residual blocks, y = norm(x) (1 + s) + b with a scale s and shift
 * b per sample and channel; on the inference route its five element-wise passes fold into the one affine kernel.
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
        if (!training) {
            return new NDList(affine(normalisedByLayerNorm(x).reshape(s), parameter(store, gamma, x, false),
                    parameter(store, beta, x, false)));
        }
        NDArray y = normalisedByArrayOps(x).reshape(s);
        return new NDList(y.mul(perChannel(store, gamma, x, true)).add(perChannel(store, beta, x, true)));
    }

    /**
     * y = norm(x) (1 + scale) + shift, the adaptive group normalisation of Dhariwal and Nichol (2021), with
     * {@code scale} and {@code shift} of shape {@code [n, channels, 1, 1]}. Inference computes
     * a = gamma (1 + scale), c = beta (1 + scale) + shift ({@code [n, channels]}: small) and applies x̂ a + c in one
     * kernel; training keeps the array ops the shipped weights were trained with.
     */
    NDArray modulated(ParameterStore store, NDArray x, NDArray scale, NDArray shift, boolean training) {
        if (training) {
            NDArray h = forward(store, new NDList(x), true).singletonOrThrow();
            return h.add(h.mul(scale)).add(shift);
        }
        Shape s = x.getShape();
        long nc = s.get(0) * channels;
        NDArray ga = perChannel(store, gamma, x, false);
        NDArray be = perChannel(store, beta, x, false);
        NDArray a = ga.add(ga.mul(scale)).reshape(nc);
        NDArray c = be.add(be.mul(scale)).add(shift).reshape(nc);
        return affine(normalisedByLayerNorm(x).reshape(1, nc, s.get(2), s.get(3)), a, c).reshape(s);
    }

    private static NDArray parameter(ParameterStore store, Parameter p, NDArray x, boolean training) {
        return store.getValue(p, x.getDevice(), training);
    }

    /** Parameter p as {@code [1, channels, 1, 1]}, a view attached to x's manager, which closes it with the call. */
    private NDArray perChannel(ParameterStore store, Parameter p, NDArray x, boolean training) {
        NDArray view = parameter(store, p, x, training).reshape(1, channels, 1, 1);
        view.attach(x.getManager()); // views of a parameter land in the parameter's manager: move them to this call's
        return view;
    }

    /**
     * y[:, k] = x[:, k] a_k + c_k over axis 1 of {@code x}, in one native kernel: batch_norm's inference form with
     * mean 0, variance 1 and eps 0, whose per-channel scale is then a and whose offset is c.
     */
    private static NDArray affine(NDArray x, NDArray a, NDArray c) {
        NDManager m = x.getManager();
        Shape k = new Shape(x.getShape().get(1));
        return x.getNDArrayInternal().batchNorm(x, m.zeros(k), m.ones(k), a, c, -1, 0f, 0f, false)
                .singletonOrThrow();
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
