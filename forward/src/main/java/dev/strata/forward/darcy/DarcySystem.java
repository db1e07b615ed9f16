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
 * operators of the multigrid hierarchy. Arrays are flat {@code [nb][nz][nx]} per level, owned here and filled once by
 * {@link #assemble}; the solver reads them and writes only the work arrays f, e of the coarse levels.
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

    private DarcySystem(int nb, int nz, int nx, double[] conductivity, double[] rhs, List<Level> levels) {
        this.nb = nb;
        this.nz = nz;
        this.nx = nx;
        this.conductivity = conductivity;
        this.rhs = rhs;
        this.levels = levels;
    }

    /** Grid sizes of the levels, finest first: one level without multigrid, else halving (rounded up) while possible. */
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
     * Assembles the systems of {@code nb} log-conductivity fields on the backend: K = exp(m), the two-point flux
     * operator and right-hand side, then the coarse operators. {@code logK} is {@code [nb][nz][nx]}, not modified.
     */
    static DarcySystem assemble(ComputeBackend backend, DarcyProblem problem, float[] logK, int nb) {
        int nz = problem.grid().nz();
        int nx = problem.grid().nx();
        int cells = nb * nz * nx;
        double[] k = new double[cells];
        double[] rhs = new double[cells];
        double[] source = problem.sourceField();
        int[] bcType = problem.boundaries().kernelTypes();
        double[] bcHead = problem.boundaries().kernelHeads();
        List<Level> levels = new ArrayList<>();
        boolean first = true;
        for (int[] s : levelSizes(nz, nx, problem.solver().preconditioner())) {
            int n = nb * s[0] * s[1];
            levels.add(new Level(s[0], s[1], new double[n], new double[n], new double[n],
                    first ? null : new double[n], first ? null : new double[n]));
            first = false;
        }
        Level fine = levels.get(0);
        KernelGraph.Builder g = KernelGraph.builder("darcy-assemble")
                .transferToDevice(TransferMode.FIRST_EXECUTION, logK, k, source, bcType, bcHead, rhs)
                .task("conductivity", DarcyTasks.conductivity(logK, k, nz, nx, nb))
                .task("assemble", DarcyTasks.assemble(k, source, bcType, bcHead, fine.tE(), fine.tS(), fine.diag(),
                        rhs, nz, nx, nb));
        List<Object> outputs = new ArrayList<>(List.of(k, rhs));
        for (int l = 0; l < levels.size(); l++) {
            Level v = levels.get(l);
            g.transferToDevice(TransferMode.FIRST_EXECUTION, v.tE(), v.tS(), v.diag());
            outputs.addAll(List.of(v.tE(), v.tS(), v.diag()));
            if (l > 0) {
                Level f = levels.get(l - 1);
                g.task("coarsen" + l, DarcyMultigridTasks.coarsen(f.tE(), f.tS(), f.diag(), v.tE(), v.tS(),
                        v.diag(), f.nz(), f.nx(), v.nz(), v.nx(), nb));
            }
        }
        Object[] out = outputs.toArray();
        g.transferToHost(TransferMode.UNDER_DEMAND, out);
        try (ExecutionPlan plan = backend.plan(g.build())) {
            plan.execute();
            plan.transferToHost(out);
        }
        return new DarcySystem(nb, nz, nx, k, rhs, List.copyOf(levels));
    }
}
