package dev.strata.forward.darcy;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.darcy.DarcyMultigridTasks;
import dev.strata.kernels.darcy.DarcyTasks;
import java.util.ArrayList;
import java.util.List;

/**
 * The assembled finite-volume systems A(K) h = b of a batch of {@code nb} conductivity fields, with the coarse
 * operators of the multigrid hierarchy. Arrays are flat {@code [nb][nz][nx]} per level, owned here (in a
 * {@link DarcyWorkspace}) and filled by the {@link #assemblyPlan} at every assembly; the solver reads them and writes
 * only the work arrays f, e of the coarse levels.
 */
final class DarcySystem {

    /**
     * One level of the hierarchy: its grid and operator (face transmissibilities tE, tS and diagonal), and on coarse
     * levels the right-hand side f and correction e of the V-cycle (null on level 0, where the CG vectors serve).
     */
    record Level(int nz, int nx, double[] tE, double[] tS, double[] diag, double[] f, double[] e) {
    }

    /** Coarsening stops once the coarser side would fall below 2 cells: grids whose smaller side is under 4. */
    static final int MIN_SIDE_TO_COARSEN = 4;

    final int nb;
    final int nz;
    final int nx;
    /** K = exp(m), {@code [nb][nz][nx]}. */
    final double[] conductivity;
    /** Right-hand side of the head problem: wells plus Dirichlet faces, {@code [nb][nz][nx]}. */
    final double[] rhs;
    final List<Level> levels;

    /** Allocates the arrays of {@code nb} systems of {@code problem}'s grid, filled by {@link #assemblyPlan}. */
    DarcySystem(DarcyProblem problem, int nb) {
        this.nb = nb;
        this.nz = problem.grid().nz();
        this.nx = problem.grid().nx();
        int cells = nb * nz * nx;
        this.conductivity = new double[cells];
        this.rhs = new double[cells];
        List<Level> list = new ArrayList<>();
        boolean first = true;
        for (int[] s : levelSizes(nz, nx, problem.solver().preconditioner())) {
            int n = nb * s[0] * s[1];
            list.add(new Level(s[0], s[1], new double[n], new double[n], new double[n],
                    first ? null : new double[n], first ? null : new double[n]));
            first = false;
        }
        this.levels = List.copyOf(list);
    }

    /** Grid sizes of the levels, finest first: one level without multigrid, else halving (rounded up) while it can. */
    static List<int[]> levelSizes(int nz, int nx, Preconditioner preconditioner) {
        List<int[]> sizes = new ArrayList<>();
        sizes.add(new int[] {nz, nx});
        if (preconditioner == Preconditioner.MULTIGRID) {
            while (Math.min(nz, nx) >= MIN_SIDE_TO_COARSEN) {
                nz = (nz + 1) / 2;
                nx = (nx + 1) / 2;
                sizes.add(new int[] {nz, nx});
            }
        }
        return sizes;
    }

    /**
     * The plan that assembles these systems from the log-conductivities in {@code logK} ({@code [nb][nz][nx]}, sent at
     * every execution): K = exp(m), the two-point flux operator and right-hand side, then the coarse operators; every
     * array comes back to the host at every execution.
     */
    ExecutionPlan assemblyPlan(ComputeBackend backend, DarcyProblem problem, float[] logK) {
        double[] source = problem.sourceField();
        int[] bcType = problem.boundaries().kernelTypes();
        double[] bcHead = problem.boundaries().kernelHeads();
        Level fine = levels.get(0);
        KernelGraph.Builder g = KernelGraph.builder("darcy-assemble").independentBatch(nb)
                .transferToDevice(TransferMode.EVERY_EXECUTION, logK)
                .transferToDevice(TransferMode.FIRST_EXECUTION, source, bcType, bcHead)
                .task("conductivity", DarcyTasks.conductivity(logK, conductivity, nz, nx, nb))
                .task("assemble", DarcyTasks.assemble(conductivity, source, bcType, bcHead, fine.tE(), fine.tS(),
                        fine.diag(), rhs, nz, nx, nb));
        List<Object> outputs = new ArrayList<>(List.of(conductivity, rhs));
        for (int l = 0; l < levels.size(); l++) {
            Level v = levels.get(l);
            outputs.addAll(List.of(v.tE(), v.tS(), v.diag()));
            if (l > 0) {
                Level f = levels.get(l - 1);
                g.task("coarsen" + l, DarcyMultigridTasks.coarsen(f.tE(), f.tS(), f.diag(), v.tE(), v.tS(),
                        v.diag(), f.nz(), f.nx(), v.nz(), v.nx(), nb));
            }
        }
        return backend.plan(g.transferToHost(TransferMode.EVERY_EXECUTION, outputs.toArray()).build());
    }
}
