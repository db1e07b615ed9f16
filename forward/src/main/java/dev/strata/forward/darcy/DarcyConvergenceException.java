package dev.strata.forward.darcy;

/** A conjugate-gradient solve that did not reach its tolerance (or broke down); says by how much it missed. */
public final class DarcyConvergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int model;
    private final int iterations;
    private final double relativeResidual;

    public DarcyConvergenceException(String message, int model, int iterations, double relativeResidual) {
        super(message);
        this.model = model;
        this.iterations = iterations;
        this.relativeResidual = relativeResidual;
    }

    /** Index of the first failing model in the batch. */
    public int model() {
        return model;
    }

    /** Iterations done on that model. */
    public int iterations() {
        return iterations;
    }

    /** ||r|| / ||b|| reached. */
    public double relativeResidual() {
        return relativeResidual;
    }
}
