package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
 * <p>The network always applies silu next, so it calls {@link #siluOfNorm} or {@link #siluOfModulated}, which have
 * two routes to the same maths. Inference ({@code training} false: the denoiser and its input VJP in every guided
 * reverse step) runs libtorch's group_norm and silu kernels ({@link FusedKernels#siluOfGroupNorm}): two or three
 * native passes, where the array ops make about twelve. Training keeps the array ops, so that {@code strata train}
 * still reproduces the shipped weights byte for byte. The two agree to float rounding ({@code GroupNormTest}). The
 * block's own {@code forward} is the array-op route.
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
        NDArray y = normalisedByArrayOps(x).reshape(x.getShape());
        return new NDList(y.mul(perChannel(store, gamma, x, training)).add(perChannel(store, beta, x, training)));
    }

    /** silu(norm(x)). */
    NDArray siluOfNorm(ParameterStore store, NDArray x, boolean training) {
        if (training) {
            return Ops.silu(forward(store, new NDList(x), true).singletonOrThrow());
        }
        return FusedKernels.siluOfGroupNorm(x, byGroup(store, x), parameter(store, beta, x, false));
    }

    /**
     * silu(norm(x) (1 + scale) + shift), the adaptive group normalisation of Dhariwal and Nichol (2021), with
     * {@code scale} and {@code shift} of shape {@code [n, channels, 1, 1]}. Inference folds the modulation into the
     * normalisation's weight and bias, a = gamma (1 + scale) and c = beta (1 + scale) + shift per sample and channel,
     * in the same script; training keeps the array ops the shipped weights were trained with.
     */
    NDArray siluOfModulated(ParameterStore store, NDArray x, NDArray scale, NDArray shift, boolean training) {
        if (training) {
            NDArray h = forward(store, new NDList(x), true).singletonOrThrow();
            return Ops.silu(h.add(h.mul(scale)).add(shift));
        }
        return FusedKernels.siluOfModulatedGroupNorm(x, byGroup(store, x), parameter(store, beta, x, false), scale,
                shift);
    }

    /** gamma as {@code [groups, channels / groups]}, a view attached to x's manager (see {@link #perChannel}). */
    private NDArray byGroup(ParameterStore store, NDArray x) {
        NDArray view = parameter(store, gamma, x, false).reshape(groups, channels / groups);
        view.attach(x.getManager());
        return view;
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

    /** (x - mean_g) / sqrt(var_g + eps) as {@code [n, groups, rest]}, by array ops. */
    private NDArray normalisedByArrayOps(NDArray x) {
        NDArray g = x.reshape(x.getShape().get(0), groups, -1);
        NDArray centred = g.sub(g.mean(new int[] {2}, true));
        NDArray var = centred.square().mean(new int[] {2}, true);
        return centred.div(var.add(Ops.scalar(x.getManager(), EPS)).sqrt());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
