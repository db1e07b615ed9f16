package dev.strata.forward.darcy;

import dev.strata.forward.KeptWorkspaces;
import dev.strata.forward.Shapes;
import dev.strata.kernels.ComputeBackend;

/**
 * Steady 2-D Darcy flow on a {@link DarcyProblem}, -div(K grad h) = q with K = exp(m), solved for a batch of
 * log-conductivity fields m on a {@link ComputeBackend}, all in double: the heads and their tangent and adjoint
 * solves that {@link DarcyOperator} builds on (seed 002, arXiv 2512.22421).
 *
 * <p>Discretisation: cell-centred finite volumes with two-point flux, face transmissibility the harmonic mean of the
 * two cell conductivities (times face length over centre distance, 1 for square cells), Dirichlet faces at half a
 * cell, no-flow faces without flux, wells as cell sources. Solve: {@link PcgSolver}. The arrays and compiled plans
 * live in a {@link DarcyWorkspace} per batch size, kept by the backend or, where it keeps none, by this flow; calls
 * lock it, so instances may be shared between threads.
 *
 * <p>Precision: models, tangents and gradients are float, but K, the transmissibilities, the heads and every CG
 * vector and dot product are double. In float the CG residual stalls near cond(A) eps_float, about 1e-4 for contrasted
 * K, and the heads would carry solver noise of that order; the Taylor test needs the forward map smooth far below
 * its quadratic remainder at the smallest step (about 1e-6 relative), and the dot-product test needs the tangent and
 * adjoint solves consistent to well below 1e-5. With rtol 1e-10 in double both hold with orders of magnitude to spare
 * (dot-product error about 1e-8, set by rounding the results to float), for twice the memory traffic of float.
 */
public final class DarcyFlow {

    /** Log-conductivities beyond +-50 (K outside 2e-22 .. 5e21) are refused before they overflow the assembly. */
    public static final double MAX_ABS_LOG_CONDUCTIVITY = 50;

    private final DarcyProblem problem;
    private final ComputeBackend backend;
    /** The workspace of each batch size this flow last used, kept for its next call (the JVM backend keeps none). */
    private final KeptWorkspaces<Integer, DarcyWorkspace> kept = new KeptWorkspaces<>();

    /**
     * @param problem grid, boundaries, wells, observations and solver settings
     * @param backend where the kernels run; not closed here
     */
    public DarcyFlow(DarcyProblem problem, ComputeBackend backend) {
        if (problem == null || backend == null) {
            throw new IllegalArgumentException("Darcy flow needs a problem and a backend");
        }
        this.problem = problem;
        this.backend = backend;
    }

    public DarcyProblem problem() {
        return problem;
    }

    /**
     * Heads of a batch.
     *
     * @param heads             h, {@code [n][nz][nx]}
     * @param conductivity      K = exp(m), {@code [n][nz][nx]}
     * @param iterations        PCG iterations per model
     * @param relativeResiduals ||b - A h|| / ||b|| per model (recursive residual)
     */
    public record Heads(double[] heads, double[] conductivity, int[] iterations, double[] relativeResiduals) {
    }

    /**
     * Solves A(exp(m)) h = b for {@code n} log-conductivity fields {@code logK} {@code [n][nz][nx]} (not modified).
     * Throws IllegalArgumentException for a wrong size or a non-finite or out-of-range m, and
     * {@link DarcyConvergenceException} if the solve misses its tolerance.
     */
    public Heads heads(float[] logK, int n) {
        return withState(logK, n, (ws, h) -> new Heads(h.solution(), ws.system.conductivity.clone(), h.iterations(),
                h.relativeResiduals()));
    }

    /** The heads of a batch and what to do with them while their systems are still assembled. */
    @FunctionalInterface
    interface StateUse<T> {
        T apply(DarcyWorkspace workspace, PcgSolver.Solution heads);
    }

    /**
     * Assembles and solves the head problems of {@code logK} in this problem's workspace for {@code n} models, then
     * runs {@code use} on them, all under the workspace's lock (the tangent and adjoint solves reuse the assembly).
     */
    <T> T withState(float[] logK, int n, StateUse<T> use) {
        requireModels(logK, n);
        return kept.with(n, () -> DarcyWorkspace.of(backend, problem, n), ws -> {
            ws.assemble(logK);
            return use.apply(ws, ws.solver.solve(ws.system.rhs));
        });
    }

    /** Heads at the observation cells, {@code [n][nobs]}, of the state's heads. */
    static double[] observe(DarcyWorkspace ws, PcgSolver.Solution heads) {
        return ws.observe(heads.solution());
    }

    /**
     * Tangent heads dh = -A^-1 (dF/dm) dm at the state's models, F(h, m) = A(m) h - b(m); {@code dm} is
     * {@code [n][nz][nx]}, not modified; returns {@code [n][nz][nx]}.
     */
    static double[] tangent(DarcyWorkspace ws, PcgSolver.Solution heads, float[] dm) {
        double[] u = ws.solver.solve(ws.tangentSource(heads.solution(), dm)).solution();
        for (int i = 0; i < u.length; i++) {
            u[i] = -u[i];
        }
        return u;
    }

    /**
     * Adjoint-state gradient g = J^T dy = -(dF/dm)^T lambda with A lambda = P^T dy (A is symmetric); {@code dy} is
     * {@code [n][nobs]}, not modified; returns a new {@code [n][nz][nx]}.
     */
    static float[] gradient(DarcyWorkspace ws, PcgSolver.Solution heads, DarcyProblem problem, float[] dy) {
        DarcySystem sys = ws.system;
        int ncell = problem.grid().cells();
        int[] cells = problem.observationIndices();
        double[] rhs = new double[sys.nb * ncell];
        for (int b = 0; b < sys.nb; b++) {
            for (int k = 0; k < cells.length; k++) {
                rhs[b * ncell + cells[k]] += dy[b * cells.length + k];
            }
        }
        double[] lambda = ws.solver.solve(rhs).solution();
        return ws.gradient(heads.solution(), lambda);
    }

    /** Size, finiteness and range of m, checked in order so that the first bad cell is named. */
    void requireModels(float[] logK, int n) {
        DarcyGrid grid = problem.grid();
        Shapes.requireBatch("Darcy log-conductivity", logK, n, grid.cells());
        for (int i = 0; i < logK.length; i++) {
            float m = logK[i];
            if (!(Math.abs(m) <= MAX_ABS_LOG_CONDUCTIVITY)) {
                int b = i / grid.cells();
                int c = i % grid.cells();
                throw new IllegalArgumentException("log-conductivity must be finite and within +-"
                        + MAX_ABS_LOG_CONDUCTIVITY + ", got " + m + " at batch " + b + ", z " + c / grid.nx() + ", x "
                        + c % grid.nx());
            }
        }
    }
}
