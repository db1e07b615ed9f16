package dev.strata.forward;

/**
 * An operator built on another one with the same model and data shapes (a change of model units, whitened data, a
 * clip box, a deliberately perturbed derivative in a test): the shapes are those of {@link #inner()}.
 */
public interface WrappedOperator extends ForwardOperator {

    /** The operator this one is built on. */
    ForwardOperator inner();

    @Override
    default int[] inputShape() {
        return inner().inputShape();
    }

    @Override
    default int[] outputShape() {
        return inner().outputShape();
    }
}
