package dev.strata.forward.darcy;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.kernels.ComputeBackend;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code strata verify} for {@link DarcyOperator} on 12 x 16 cells (fixed heads top and right, no flow left and
 * bottom, one well, four observed cells, Gaussian random log K), plus two physics checks: a homogeneous column
 * reproduces the exact linear head, and a heterogeneous field with wells conserves mass.
 */
public final class DarcyVerification implements OperatorVerification {
    private static final DarcyGrid GRID = new DarcyGrid(12, 16, 10.0);
    /** Column of the linear-head check: 32 rows, 4 columns. */
    private static final DarcyGrid COLUMN = new DarcyGrid(32, 4, 1.0);
    private static final double TOP_HEAD = 2.0;
    private static final double BOTTOM_HEAD = -1.0;

    /** Largest error of the linear head (m) accepted, for a 3 m head drop and rtol 1e-10. */
    public static final double LINEAR_HEAD_LIMIT = 1e-8;
    /** Largest relative imbalance (net flux over total flux) accepted, for rtol 1e-10. */
    public static final double BALANCE_LIMIT = 1e-8;

    @Override
    public String name() {
        return "darcy";
    }

    /** The operator's problem. */
    public static DarcyProblem problem() {
        return new DarcyProblem(GRID,
                new Boundaries(BoundaryCondition.dirichlet(1.0), BoundaryCondition.noFlow(),
                        BoundaryCondition.noFlow(), BoundaryCondition.dirichlet(0.0)),
                List.of(new Well(new Cell(8, 4), 0.5)),
                List.of(new Cell(2, 3), new Cell(6, 8), new Cell(10, 12), new Cell(11, 0)),
                SolverSettings.defaults());
    }

    @Override
    public ForwardOperator operator(ComputeBackend backend) {
        return new DarcyOperator(problem(), backend);
    }

    /** Gaussian random log K, standard deviation 1, correlation length 4 cells. */
    @Override
    public float[] models(ForwardOperator op, SplittableRandom random, int n) {
        return GaussianRandomField.of(GRID, 1.0, 40.0).samples(random, n);
    }

    /**
     * 0.1: heads respond weakly to white-noise log K, so at 0.03 the quadratic remainder at h0 / 16 would sit near
     * the float32 rounding of the data and flatten the last measured order.
     */
    @Override
    public double taylorRelativeStep() {
        return 0.1;
    }

    @Override
    public List<PhysicsCheck> physicsChecks(ComputeBackend backend) {
        return List.of(new PhysicsCheck("linearHeadMaxAbsError", linearHeadError(backend), LINEAR_HEAD_LIMIT),
                new PhysicsCheck("massBalanceRelativeImbalance", massImbalance(backend), BALANCE_LIMIT));
    }

    /**
     * Largest |h - h_exact| (m) in a homogeneous column (K = e^0.7, heads 2 m on top and -1 m at the bottom, no flow
     * on the sides), where the finite-volume head is exactly linear: h(z) = h_top + (h_bottom - h_top)(z + 1/2) / nz.
     */
    public static double linearHeadError(ComputeBackend backend) {
        DarcyProblem p = new DarcyProblem(COLUMN, Boundaries.vertical(TOP_HEAD, BOTTOM_HEAD), List.of(),
                List.of(new Cell(0, 0)), SolverSettings.defaults());
        float[] m = new float[COLUMN.cells()];
        java.util.Arrays.fill(m, 0.7f);
        double[] h = new DarcyFlow(p, backend).heads(m, 1).heads();
        double err = 0;
        for (int z = 0; z < COLUMN.nz(); z++) {
            double exact = TOP_HEAD + (BOTTOM_HEAD - TOP_HEAD) * (z + 0.5) / COLUMN.nz();
            for (int x = 0; x < COLUMN.nx(); x++) {
                err = Math.max(err, Math.abs(h[z * COLUMN.nx() + x] - exact));
            }
        }
        return err;
    }

    /**
     * |sources + boundary inflow| / total flux for a Gaussian random log K (std 2) with an injector and a producer,
     * fixed heads left and right, no flow on top and bottom ({@link FluxBalance}).
     */
    public static double massImbalance(ComputeBackend backend) {
        DarcyGrid grid = new DarcyGrid(24, 32, 10.0);
        DarcyProblem p = new DarcyProblem(grid, Boundaries.lateral(1.0, 0.5),
                List.of(new Well(new Cell(6, 8), 2.0), new Well(new Cell(18, 25), -0.7)),
                List.of(new Cell(0, 0)), SolverSettings.defaults());
        float[] m = GaussianRandomField.of(grid, 2.0, 60.0).sample(new SplittableRandom(2512));
        DarcyFlow.Heads h = new DarcyFlow(p, backend).heads(m, 1);
        return FluxBalance.of(p, h.conductivity(), h.heads(), 0).relativeImbalance();
    }
}
