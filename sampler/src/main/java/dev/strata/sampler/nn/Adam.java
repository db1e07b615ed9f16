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
    private int t;

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
            local(w.stopGradient(), scratch).subi(step); // in place on w's storage, outside autograd
            g.subi(g);
        }
    }

    private static NDArray local(NDArray a, NDManager scratch) {
        a.attach(scratch);
        return a;
    }
}
