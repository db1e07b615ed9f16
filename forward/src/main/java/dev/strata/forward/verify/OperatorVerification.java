package dev.strata.forward.verify;

import dev.strata.forward.ForwardOperator;
import dev.strata.kernels.ComputeBackend;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One operator's self-check on a small grid, found by {@link java.util.ServiceLoader} and run by {@code strata verify}:
 * the dot-product test, the Taylor test and the operator's own physics checks, on a chosen backend.
 */
public interface OperatorVerification {

    /** Largest dot-product error accepted by {@code verify}. */
    double DOT_TOLERANCE = 1e-5;

    /** Operator name in the JSON output, e.g. {@code seismic.convolutional}. */
    String name();

    /** The operator on a small grid, running its kernels on {@code backend}. */
    ForwardOperator operator(ComputeBackend backend);

    /** {@code n} valid models at which the derivatives are checked. */
    float[] models(ForwardOperator op, SplittableRandom random, int n);

    /** Largest Taylor step relative to the model, h0 ||dx|| / ||x||. */
    default double taylorRelativeStep() {
        return 0.03;
    }

    /** Physics checks (first arrivals, conservation, ...); none by default. */
    default List<PhysicsCheck> physicsChecks(ComputeBackend backend) {
        return List.of();
    }

    /**
     * A named physics check.
     *
     * @param name  what is checked
     * @param value the measured value
     * @param limit the bound it must not exceed
     */
    record PhysicsCheck(String name, double value, double limit) {
        public boolean ok() {
            return Math.abs(value) <= limit;
        }
    }
}
