package dev.strata.forward.seismic;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.kernels.ComputeBackend;
import java.util.SplittableRandom;

/** {@code strata verify} for {@link HardDataOperator}: two wells through a 2 x 24 x 16 model. */
public final class HardDataVerification implements OperatorVerification {
    @Override
    public String name() {
        return "seismic.hardData";
    }

    @Override
    public ForwardOperator operator(ComputeBackend backend) {
        return HardDataOperator.wells(backend, 2, 24, 16, 3, 11);
    }

    @Override
    public float[] models(ForwardOperator op, SplittableRandom random, int n) {
        float[] x = new float[n * op.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
