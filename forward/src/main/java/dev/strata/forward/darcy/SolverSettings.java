package dev.strata.forward.darcy;

/**
 * Settings of the preconditioned conjugate-gradient solve A h = b.
 *
 * @param relativeTolerance stop when ||b - A h|| &lt;= relativeTolerance ||b|| (recursive residual, in double); in
 *                          (0, 1)
 * @param maxIterations     give up (with a {@link DarcyConvergenceException}) after this many iterations; >= 1
 * @param preconditioner    preconditioner
 */
public record SolverSettings(double relativeTolerance, int maxIterations, Preconditioner preconditioner) {

    /** Default tolerance: tight enough that the adjoint passes the dot-product test at 1e-5 with a wide margin. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    public static final int DEFAULT_MAX_ITERATIONS = 500;

    public SolverSettings {
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in (0, 1), got " + relativeTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max iterations must be >= 1, got " + maxIterations);
        }
        if (preconditioner == null) {
            throw new IllegalArgumentException("preconditioner must not be null");
        }
    }

    /** Relative tolerance 1e-10, 500 iterations, multigrid. */
    public static SolverSettings defaults() {
        return new SolverSettings(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, Preconditioner.MULTIGRID);
    }

    public SolverSettings withPreconditioner(Preconditioner p) {
        return new SolverSettings(relativeTolerance, maxIterations, p);
    }

    public SolverSettings withTolerance(double rtol) {
        return new SolverSettings(rtol, maxIterations, preconditioner);
    }

    public SolverSettings withMaxIterations(int n) {
        return new SolverSettings(relativeTolerance, n, preconditioner);
    }
}
