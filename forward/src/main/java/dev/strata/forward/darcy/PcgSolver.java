package dev.strata.forward.darcy;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.KernelTask;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.darcy.DarcyMultigridTasks;
import dev.strata.kernels.darcy.DarcyPcgKernels;
import dev.strata.kernels.darcy.DarcyPcgTasks;
import dev.strata.kernels.darcy.DarcyTasks;
import java.util.ArrayList;
import java.util.Arrays;
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
 * reads the per-model state after each iteration to decide whether to go on; the vectors stay on the device. A model's
 * rows of every task touch only its own vectors and scalars, so the graphs are declared a batch of independent members
 * ({@link KernelGraph.Builder#independentBatch}): the JVM backend runs whole models a thread, with no barrier.
 *
 * <p>M is one symmetric multigrid V(2,2)-cycle (see {@link Preconditioner#MULTIGRID}): red-black Gauss-Seidel
 * forward before and backward after the coarse correction, and {@value #COARSEST_SWEEPS} forward then as many
 * backward sweeps on the coarsest grid, so M is symmetric positive definite as PCG needs. The coarsest solve is one
 * serial task per model ({@link DarcyMultigridTasks#coarsestSolve}): that grid is tiny, and one task instead of
 * 4 x {@value #COARSEST_SWEEPS} parallel half-sweeps (bit for bit the same) keeps the graph short, which matters on
 * TornadoVM, where every task of a plan is compiled separately. Multigrid rather than IC(0): every other stage is a
 * parallel per-point kernel (IC(0) needs sequential triangular solves, which neither a GPU nor the row-parallel JVM
 * backend runs well), and the iteration count stays flat as the grid grows: 7 to 9 iterations to
 * rtol 1e-10 from 32^2 to 256^2, for homogeneous K, Gaussian random log K of standard deviation 1 and 2 and a
 * bimaterial field of contrast e^4, where plain CG needs 130 to 5400 and grows with the grid.
 */
final class PcgSolver implements AutoCloseable {

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

    private final int nb;
    private final SolverSettings settings;
    private final double[] rhs;
    private final double[] x;
    private final double[] r;
    private final double[] p;
    private final double[] state;
    /** Graphs: 0 starts a solve, 1 is its first iteration, 2 every later iteration. */
    private final ExecutionPlan plan;

    /**
     * The solver of {@code system}'s equations, its vectors allocated and its plan built once: three graphs sharing
     * the vectors on the device ({@link ComputeBackend#plan(List)}). The start sends b and the per-model scalars; the
     * first iteration sends p = 0 and the operators of every level (assembled since the last solve); later
     * iterations send nothing and all three bring only the per-model scalars back, which the host reads to decide
     * whether to go on, so x, r, p and the operators stay on the device through a solve and x comes back at its end.
     * One compiled plan serves every solve (heads, tangent, adjoint) and every assembly of this workspace.
     */
    PcgSolver(ComputeBackend backend, DarcySystem system, SolverSettings settings) {
        this.nb = system.nb;
        this.settings = settings;
        int nz = system.nz;
        int nx = system.nx;
        int cells = nb * nz * nx;
        rhs = new double[cells];
        x = new double[cells];
        r = new double[cells];
        p = new double[cells];
        double[] z = new double[cells];
        double[] q = new double[cells];
        double[] partial = new double[nb * nz];
        state = new double[nb * DarcyPcgKernels.STATE];
        DarcySystem.Level fine = system.levels.get(0);

        KernelGraph start = KernelGraph.builder("darcy-pcg-start").independentBatch(nb)
                .transferToDevice(TransferMode.EVERY_EXECUTION, rhs, state)
                .task("start", DarcyPcgTasks.pcgStart(rhs, x, r, nz, nx, nb))
                .task("bb", DarcyPcgTasks.rowDot(rhs, rhs, partial, nx, nb * nz))
                .task("init", DarcyPcgTasks.pcgInit(partial, state, nz, nb))
                .transferToHost(TransferMode.EVERY_EXECUTION, state)
                .build();
        KernelGraph.Builder g = KernelGraph.builder("darcy-pcg-iteration").independentBatch(nb)
                .transferToDevice(TransferMode.EVERY_EXECUTION, p);
        for (DarcySystem.Level v : system.levels) {
            g.transferToDevice(TransferMode.EVERY_EXECUTION, v.tE(), v.tS(), v.diag());
        }
        if (settings.preconditioner() == Preconditioner.MULTIGRID) {
            new VCycle(g, system).addTasks(0, r, z);
        } else {
            g.task("precondition", DarcyPcgTasks.copy(r, z, nz, nx, nb));
        }
        g.task("rz", DarcyPcgTasks.rowDot(r, z, partial, nx, nb * nz))
                .task("beta", DarcyPcgTasks.pcgDirection(partial, state, nz, nb))
                .task("direction", DarcyPcgTasks.updateDirection(state, z, p, nz, nx, nb))
                .task("ap", DarcyTasks.applyOperator(fine.tE(), fine.tS(), fine.diag(), p, q, nz, nx, nb))
                .task("pq", DarcyPcgTasks.rowDot(p, q, partial, nx, nb * nz))
                .task("alpha", DarcyPcgTasks.pcgStepLength(partial, state, nz, nb))
                .task("update", DarcyPcgTasks.updateSolution(state, p, q, x, r, nz, nx, nb))
                .task("rr", DarcyPcgTasks.rowDot(r, r, partial, nx, nb * nz))
                .task("check", DarcyPcgTasks.pcgCheck(partial, state, nz, nb))
                .transferToHost(TransferMode.EVERY_EXECUTION, state);
        KernelGraph first = g.build();
        plan = backend.plan(List.of(start, first, first.continuing("darcy-pcg-iterations")));
    }

    /**
     * Solves A x = rhs for every model of the system as last assembled; {@code rhsIn} is {@code [nb][nz][nx]}, not
     * modified; the solution is a new array. Throws {@link DarcyConvergenceException} if a model misses the tolerance
     * within the iteration limit or breaks down.
     */
    Solution solve(double[] rhsIn) {
        System.arraycopy(rhsIn, 0, rhs, 0, rhs.length);
        Arrays.fill(state, 0.0);
        Arrays.fill(p, 0.0);
        for (int b = 0; b < nb; b++) {
            state[b * DarcyPcgKernels.STATE + DarcyPcgKernels.RTOL] = settings.relativeTolerance();
        }
        plan.execute(0);
        for (int it = 0; it < settings.maxIterations() && anyActive(state, nb); it++) {
            plan.execute(it == 0 ? 1 : 2);
            requireNoBreakdown(state, nb);
        }
        plan.transferToHost(x);
        int[] iterations = new int[nb];
        double[] residuals = new double[nb];
        for (int b = 0; b < nb; b++) {
            int s = b * DarcyPcgKernels.STATE;
            iterations[b] = (int) state[s + DarcyPcgKernels.ITERATIONS];
            double bb = state[s + DarcyPcgKernels.BB];
            residuals[b] = bb > 0 ? Math.sqrt(state[s + DarcyPcgKernels.RR] / bb) : 0.0;
        }
        for (int b = 0; b < nb; b++) {
            if (state[b * DarcyPcgKernels.STATE + DarcyPcgKernels.ACTIVE] != 0.0) {
                throw new DarcyConvergenceException(String.format(
                        "Darcy PCG did not converge: model %d of %d reached relative residual %.3e after %d "
                                + "iterations, tolerance %.3e; raise maxIterations, loosen the tolerance or use the "
                                + "multigrid preconditioner", b, nb, residuals[b], iterations[b],
                        settings.relativeTolerance()), b, iterations[b], residuals[b]);
            }
        }
        return new Solution(x.clone(), iterations, residuals);
    }

    @Override
    public void close() {
        plan.close();
    }

    private static boolean anyActive(double[] state, int nb) {
        for (int b = 0; b < nb; b++) {
            if (state[b * DarcyPcgKernels.STATE + DarcyPcgKernels.ACTIVE] != 0.0) {
                return true;
            }
        }
        return false;
    }

    private static void requireNoBreakdown(double[] state, int nb) {
        for (int b = 0; b < nb; b++) {
            int s = b * DarcyPcgKernels.STATE;
            if (state[s + DarcyPcgKernels.BREAKDOWN] != 0.0) {
                int it = (int) state[s + DarcyPcgKernels.ITERATIONS];
                throw new DarcyConvergenceException("Darcy PCG broke down: p^T A p = " + state[s + DarcyPcgKernels.PQ]
                        + " at iteration " + (it + 1) + " of model " + b + "; the system is not positive definite",
                        b, it, Math.sqrt(state[s + DarcyPcgKernels.RR] / state[s + DarcyPcgKernels.BB]));
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
                task("coarsest" + l, DarcyMultigridTasks.coarsestSolve(v.tE(), v.tS(), v.diag(), f, e,
                        COARSEST_SWEEPS, v.nz(), v.nx(), nb));
                return;
            }
            for (int s = 0; s < SMOOTHING_SWEEPS; s++) {
                smooth(l, v, f, e, 0, s == 0);
                smooth(l, v, f, e, 1, false);
            }
            DarcySystem.Level c = levels.get(l + 1);
            task("restrict" + l, DarcyMultigridTasks.restrictResidual(v.tE(), v.tS(), v.diag(), f, e, c.f(), v.nz(),
                    v.nx(), c.nz(), c.nx(), nb));
            addTasks(l + 1, c.f(), c.e());
            task("prolong" + l, DarcyMultigridTasks.prolongAdd(c.e(), e, v.nz(), v.nx(), c.nz(), c.nx(), nb));
            for (int s = 0; s < SMOOTHING_SWEEPS; s++) {
                smooth(l, v, f, e, 1, false);
                smooth(l, v, f, e, 0, false);
            }
        }

        private void smooth(int l, DarcySystem.Level v, double[] f, double[] e, int color, boolean zeroGuess) {
            task("smooth" + l + "." + color, DarcyMultigridTasks.smoothRedBlack(v.tE(), v.tS(), v.diag(), f, e, color,
                    zeroGuess ? 1 : 0, v.nz(), v.nx(), nb));
        }

        /** Adds {@code task} under {@code id} made unique by its position in the cycle. */
        private void task(String id, KernelTask task) {
            String unique = id + "#" + ids.size();
            ids.add(unique);
            g.task(unique, task);
        }
    }
}
