package dev.strata.forward.darcy;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.Kernel;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.darcy.DarcyKernels;
import dev.strata.kernels.darcy.DarcyLaunchers;
import java.util.ArrayList;
import java.util.List;

/**
 * Preconditioned conjugate gradients for a batch of {@link DarcySystem}s, every model with its own scalars and its
 * own stopping test, so that a batch gives bit for bit the result of its models solved one by one.
 *
 * <p>One {@link ExecutionPlan} execution is one iteration of every still-active model, all on the backend:
 * <pre>
 *   z = M r;  rz = r.z;  beta = rz / rz_old (0 at first);  p = z + beta p;  q = A p;
 *   alpha = rz / p.q;  x += alpha p;  r -= alpha q;  stop once ||r|| &lt;= rtol ||b||
 * </pre>
 * Dot products are row sums (one kernel point per row) added over rows by a per-model kernel, all in double. The host
 * reads back only the small per-model state after each iteration to decide whether to go on.
 *
 * <p>M is one symmetric multigrid V(2,2)-cycle (see {@link Preconditioner#MULTIGRID}): red-black Gauss-Seidel
 * forward before and backward after the coarse correction, and {@value #COARSEST_SWEEPS} forward then as many
 * backward sweeps on the coarsest grid, so M is symmetric positive definite as PCG needs. The coarsest solve is one
 * serial task per model ({@link DarcyLaunchers#COARSEST_SOLVE}): that grid is tiny, and one task instead of
 * 4 x {@value #COARSEST_SWEEPS} parallel half-sweeps (bit for bit the same) keeps the graph short, which matters on
 * TornadoVM, where every task of a plan is compiled separately. Multigrid rather than IC(0): every other stage is a
 * parallel per-point kernel (IC(0) needs sequential triangular solves, which neither a GPU nor the row-parallel JVM
 * backend runs well), and the iteration count stays flat as the grid grows: 7 to 9 iterations to
 * rtol 1e-10 from 32^2 to 256^2, for homogeneous K, Gaussian random log K of standard deviation 1 and 2 and a
 * bimaterial field of contrast e^4, where plain CG needs 130 to 5400 and grows with the grid.
 */
final class PcgSolver {

    /** Pre- and post-smoothing sweeps per level. */
    static final int SMOOTHING_SWEEPS = 2;
    /** Forward (and as many backward) sweeps on the coarsest grid. */
    static final int COARSEST_SWEEPS = 10;

    /**
     * Result of a batched solve.
     *
     * @param solution          {@code [nb][nz][nx]}
     * @param iterations        iterations per model
     * @param relativeResiduals ||r|| / ||b|| per model at the end (0 for b = 0)
     */
    record Solution(double[] solution, int[] iterations, double[] relativeResiduals) {
    }

    private PcgSolver() {
    }

    /**
     * Solves A x = rhs for every model of {@code system}; {@code rhs} is {@code [nb][nz][nx]}, not modified. Throws
     * {@link DarcyConvergenceException} if a model misses the tolerance within the iteration limit or breaks down.
     */
    static Solution solve(ComputeBackend backend, DarcySystem system, SolverSettings settings, double[] rhs) {
        int nb = system.nb;
        int nz = system.nz;
        int nx = system.nx;
        int cells = nb * nz * nx;
        double[] x = new double[cells];
        double[] r = new double[cells];
        double[] z = new double[cells];
        double[] p = new double[cells];
        double[] q = new double[cells];
        double[] partial = new double[nb * nz];
        double[] state = new double[nb * DarcyKernels.STATE];
        for (int b = 0; b < nb; b++) {
            state[b * DarcyKernels.STATE + DarcyKernels.RTOL] = settings.relativeTolerance();
        }
        DarcySystem.Level fine = system.levels.get(0);

        KernelGraph init = KernelGraph.builder("darcy-pcg-init")
                .transferToDevice(TransferMode.FIRST_EXECUTION, rhs, x, r, partial, state)
                .task("start", DarcyLaunchers.PCG_START, rhs, x, r, nb, nz, nx)
                .task("bb", DarcyLaunchers.ROW_DOT, rhs, rhs, partial, nb * nz, nx)
                .task("init", DarcyLaunchers.PCG_INIT, partial, state, nb, nz)
                .transferToHost(TransferMode.UNDER_DEMAND, x, r, state)
                .build();
        try (ExecutionPlan plan = backend.plan(init)) {
            plan.execute();
            plan.transferToHost(x, r, state);
        }

        KernelGraph.Builder g = KernelGraph.builder("darcy-pcg-iteration")
                .transferToDevice(TransferMode.FIRST_EXECUTION, x, r, z, p, q, partial, state);
        for (DarcySystem.Level v : system.levels) {
            g.transferToDevice(TransferMode.FIRST_EXECUTION, v.tE(), v.tS(), v.diag());
            if (v.f() != null) {
                g.transferToDevice(TransferMode.FIRST_EXECUTION, v.f(), v.e());
            }
        }
        if (settings.preconditioner() == Preconditioner.MULTIGRID) {
            new VCycle(g, system).addTasks(0, r, z);
        } else {
            g.task("precondition", DarcyLaunchers.COPY, r, z, nb, nz, nx);
        }
        g.task("rz", DarcyLaunchers.ROW_DOT, r, z, partial, nb * nz, nx)
                .task("beta", DarcyLaunchers.PCG_DIRECTION, partial, state, nb, nz)
                .task("direction", DarcyLaunchers.UPDATE_DIRECTION, state, z, p, nb, nz, nx)
                .task("ap", DarcyLaunchers.APPLY, fine.tE(), fine.tS(), fine.diag(), p, q, nb, nz, nx)
                .task("pq", DarcyLaunchers.ROW_DOT, p, q, partial, nb * nz, nx)
                .task("alpha", DarcyLaunchers.PCG_STEP_LENGTH, partial, state, nb, nz)
                .task("update", DarcyLaunchers.UPDATE_SOLUTION, state, p, q, x, r, nb, nz, nx)
                .task("rr", DarcyLaunchers.ROW_DOT, r, r, partial, nb * nz, nx)
                .task("check", DarcyLaunchers.PCG_CHECK, partial, state, nb, nz)
                .transferToHost(TransferMode.UNDER_DEMAND, x, state);
        try (ExecutionPlan plan = backend.plan(g.build())) {
            for (int it = 0; it < settings.maxIterations() && anyActive(state, nb); it++) {
                plan.execute();
                plan.transferToHost(state);
                requireNoBreakdown(state, nb);
            }
            plan.transferToHost(x);
        }
        int[] iterations = new int[nb];
        double[] residuals = new double[nb];
        for (int b = 0; b < nb; b++) {
            int s = b * DarcyKernels.STATE;
            iterations[b] = (int) state[s + DarcyKernels.ITERATIONS];
            double bb = state[s + DarcyKernels.BB];
            residuals[b] = bb > 0 ? Math.sqrt(state[s + DarcyKernels.RR] / bb) : 0.0;
        }
        for (int b = 0; b < nb; b++) {
            if (state[b * DarcyKernels.STATE + DarcyKernels.ACTIVE] != 0.0) {
                throw new DarcyConvergenceException(String.format(
                        "Darcy PCG did not converge: model %d of %d reached relative residual %.3e after %d "
                                + "iterations, tolerance %.3e; raise maxIterations, loosen the tolerance or use the "
                                + "multigrid preconditioner", b, nb, residuals[b], iterations[b],
                        settings.relativeTolerance()), b, iterations[b], residuals[b]);
            }
        }
        return new Solution(x, iterations, residuals);
    }

    private static boolean anyActive(double[] state, int nb) {
        for (int b = 0; b < nb; b++) {
            if (state[b * DarcyKernels.STATE + DarcyKernels.ACTIVE] != 0.0) {
                return true;
            }
        }
        return false;
    }

    private static void requireNoBreakdown(double[] state, int nb) {
        for (int b = 0; b < nb; b++) {
            int s = b * DarcyKernels.STATE;
            if (state[s + DarcyKernels.BREAKDOWN] != 0.0) {
                int it = (int) state[s + DarcyKernels.ITERATIONS];
                throw new DarcyConvergenceException("Darcy PCG broke down: p^T A p = " + state[s + DarcyKernels.PQ]
                        + " at iteration " + (it + 1) + " of model " + b + "; the system is not positive definite",
                        b, it, Math.sqrt(state[s + DarcyKernels.RR] / state[s + DarcyKernels.BB]));
            }
        }
    }

    /** Adds the tasks of one symmetric V-cycle e = M f to a graph, level by level. */
    private static final class VCycle {
        private final KernelGraph.Builder g;
        private final List<DarcySystem.Level> levels;
        private final int nb;
        private final List<String> ids = new ArrayList<>();

        VCycle(KernelGraph.Builder g, DarcySystem system) {
            this.g = g;
            this.levels = system.levels;
            this.nb = system.nb;
        }

        /** e_l = V-cycle of A_l e = f from e = 0; on level 0 f and e are the CG vectors r and z. */
        void addTasks(int l, double[] f, double[] e) {
            DarcySystem.Level v = levels.get(l);
            if (l == levels.size() - 1) {
                task("coarsest" + l, DarcyLaunchers.COARSEST_SOLVE, v.tE(), v.tS(), v.diag(), f, e, COARSEST_SWEEPS,
                        nb, v.nz(), v.nx());
                return;
            }
            for (int s = 0; s < SMOOTHING_SWEEPS; s++) {
                smooth(l, v, f, e, 0, s == 0);
                smooth(l, v, f, e, 1, false);
            }
            DarcySystem.Level c = levels.get(l + 1);
            task("restrict" + l, DarcyLaunchers.RESTRICT, v.tE(), v.tS(), v.diag(), f, e, c.f(), nb, v.nz(), v.nx(),
                    c.nz(), c.nx());
            addTasks(l + 1, c.f(), c.e());
            task("prolong" + l, DarcyLaunchers.PROLONG, c.e(), e, nb, v.nz(), v.nx(), c.nz(), c.nx());
            for (int s = 0; s < SMOOTHING_SWEEPS; s++) {
                smooth(l, v, f, e, 1, false);
                smooth(l, v, f, e, 0, false);
            }
        }

        private void smooth(int l, DarcySystem.Level v, double[] f, double[] e, int color, boolean zeroGuess) {
            task("smooth" + l + "." + color, DarcyLaunchers.SMOOTH, v.tE(), v.tS(), v.diag(), f, e, color,
                    zeroGuess ? 1 : 0, nb, v.nz(), v.nx());
        }

        private void task(String id, Kernel kernel, Object... args) {
            String unique = id + "#" + ids.size();
            ids.add(unique);
            g.task(unique, kernel, args);
        }
    }
}
