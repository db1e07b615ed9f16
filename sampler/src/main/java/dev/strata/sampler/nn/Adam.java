package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) on DJL parameters, in array ops: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps); then the gradient is set to 0 for the next backward pass.
 * With a weight decay lambda > 0 it is AdamW (Loshchilov and Hutter 2019): first w -= lr lambda w, decoupled from the
 * gradient's moments (PyTorch's convention: the decay follows the scheduled lr).
 *
 * <p>Strata's own rather than DJL's {@code Optimizer.adam()} behind {@code Trainer}: while non-deterministic NaN weights
 * were being chased, the update was made explicit (array ops, temporaries in the caller's scratch manager, moments in
 * the parameters' manager), and it trains bit-reproducibly. The NaNs turned out to come from the two engine problems
 * worked around in {@link Ops} and {@link SmallUNet}; DJL's own path was not tried again after those fixes.
 * Not thread-safe.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private final double weightDecay;
    private int t;

    /** Adam without weight decay. */
    Adam() {
        this(0);
    }

    /** AdamW with decoupled weight decay {@code weightDecay} (0: plain Adam). */
    Adam(double weightDecay) {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    /** Steps taken (t of the bias correction). */
    int steps() {
        return t;
    }

    /**
     * The moments (m, v) of the trainable parameters of {@code params} in their order, as float arrays; zeros for a
     * parameter not updated yet.
     */
    float[][] moments(ParameterList params) {
        java.util.List<float[]> out = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : params) {
            if (p.getValue().requiresGradient()) {
                NDArray[] mv = moments.get(p.getValue().getId());
                int size = Math.toIntExact(p.getValue().getArray().size());
                out.add(mv == null ? new float[size] : mv[0].toFloatArray());
                out.add(mv == null ? new float[size] : mv[1].toFloatArray());
            }
        }
        return out.toArray(float[][]::new);
    }

    /** Restores {@code t} and the moments written by {@link #moments}, in {@code manager} (the parameters' one). */
    void restore(int steps, float[][] saved, ParameterList params, NDManager manager) {
        this.t = steps;
        int k = 0;
        for (Pair<String, Parameter> p : params) {
            Parameter param = p.getValue();
            if (param.requiresGradient()) {
                var shape = param.getArray().getShape();
                moments.put(param.getId(), new NDArray[] {Ops.tensor(manager, saved[k], shape),
                        Ops.tensor(manager, saved[k + 1], shape)});
                k += 2;
            }
        }
        if (k != saved.length) {
            throw new IllegalArgumentException("saved moments of " + saved.length / 2 + " parameters, the network has "
                    + k / 2);
        }
    }

    /**
     * One update of every parameter that requires a gradient, with learning rate {@code lr}.
     *
     * @param params  the parameters (their arrays are updated in place, their gradients zeroed)
     * @param scratch manager for temporaries, closed by the caller
     */
    void step(ParameterList params, double lr, NDManager scratch) {
        t++;
        double lrT = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        NDArray b1 = Ops.scalar(scratch, BETA1);
        NDArray c1 = Ops.scalar(scratch, 1 - BETA1);
        NDArray b2 = Ops.scalar(scratch, BETA2);
        NDArray c2 = Ops.scalar(scratch, 1 - BETA2);
        NDArray eps = Ops.scalar(scratch, EPS);
        NDArray rate = Ops.scalar(scratch, lrT);
        NDArray keep = weightDecay > 0 ? Ops.scalar(scratch, 1 - lr * weightDecay) : null;
        for (Pair<String, Parameter> p : params) {
            Parameter param = p.getValue();
            if (!param.requiresGradient()) {
                continue;
            }
            NDArray w = param.getArray();
            NDArray[] mv = moments.computeIfAbsent(param.getId(), k -> new NDArray[] {w.zerosLike(), w.zerosLike()});
            NDArray g = local(w.getGradient(), scratch);
            mv[0].muli(b1).addi(g.mul(c1));
            mv[1].muli(b2).addi(g.square().muli(c2));
            NDArray step = local(mv[0].mul(rate), scratch).divi(local(mv[1].sqrt(), scratch).addi(eps));
            NDArray storage = local(w.stopGradient(), scratch); // w's storage, outside autograd
            if (keep != null) {
                storage.muli(keep);
            }
            storage.subi(step);
            g.subi(g);
        }
    }

    private static NDArray local(NDArray a, NDManager scratch) {
        a.attach(scratch);
        return a;
    }
}
