package dev.strata.forward.darcy;

/** Preconditioner of the conjugate-gradient solve. */
public enum Preconditioner {
    /** Plain conjugate gradients (for comparison). */
    NONE,
    /**
     * One symmetric V(2,2)-cycle of cell-centred geometric multigrid: red-black Gauss-Seidel smoothing, 2 x 2
     * aggregation (restriction = sum, prolongation = injection), coarse operators (1/2) P^T A P.
     */
    MULTIGRID
}
