package dev.strata.sampler.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.strata.sampler.Gaussian;

/**
 * LeCun-normal weights w ~ N(0, 1 / fan_in) drawn from Strata's seeded {@link Gaussian}, not from the engine's global
 * random state, so that the same seed gives the same initial weights on every engine and thread count. fan_in is the
 * product of all but the first dimension ({@code [out, in]} or {@code [out, in, kh, kw]}). Draws continue across
 * calls: initialise parameters in a fixed order (DJL visits a block's parameters in insertion order).
 */
final class SeededInitializer implements Initializer {
    private final Gaussian gaussian;

    SeededInitializer(long seed) {
        this.gaussian = new Gaussian(seed);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (dataType != DataType.FLOAT32) {
            throw new IllegalArgumentException("SeededInitializer makes float32 weights, asked for " + dataType);
        }
        long fanIn = shape.size() / shape.get(0);
        float[] w = gaussian.array(Math.toIntExact(shape.size()), 1 / Math.sqrt(fanIn));
        return Ops.tensor(manager, w, shape);
    }
}
