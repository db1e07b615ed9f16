package dev.strata.forward.darcy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Physics and solver claims of {@link DarcyFlow}: exact solutions, conservation, the PCG and its preconditioner. */
class DarcyFlowTest {

    private static final ComputeBackend BACKEND = JvmBackend.withDefaults();
    private static final double RTOL = SolverSettings.DEFAULT_TOLERANCE;

    @AfterAll
    static void closeBackend() {
        BACKEND.close();
    }

    @Test
    void homogeneousColumnReproducesTheExactLinearHead() {
        assertTrue(DarcyVerification.linearHeadError(BACKEND) < DarcyVerification.LINEAR_HEAD_LIMIT);
        // also lateral, with a different conductivity and a grid that coarsens unevenly (odd sizes)
        DarcyGrid grid = new DarcyGrid(9, 27, 3.0);
        DarcyProblem p = new DarcyProblem(grid, Boundaries.lateral(5.0, 4.0), List.of(), List.of(new Cell(0, 0)),
                SolverSettings.defaults());
        float[] m = new float[grid.cells()];
        Arrays.fill(m, -3.2f);
        double[] h = new DarcyFlow(p, BACKEND).heads(m, 1).heads();
        for (int z = 0; z < grid.nz(); z++) {
            for (int x = 0; x < grid.nx(); x++) {
                assertEquals(5.0 - (x + 0.5) / grid.nx(), h[z * grid.nx() + x], 1e-8, "z " + z + ", x " + x);
            }
        }
    }

    @Test
    void netFluxOfSourcesAndBoundariesVanishesToSolverTolerance() {
        assertTrue(DarcyVerification.massImbalance(BACKEND) < DarcyVerification.BALANCE_LIMIT);
        // per cell too, on the operator test problem (mixed boundaries, a well)
        DarcyProblem p = DarcyOperatorTest.PROBLEM;
        float[] m = GaussianRandomField.of(p.grid(), 1.5, 40.0).samples(new SplittableRandom(3), 2);
        DarcyFlow.Heads h = new DarcyFlow(p, BACKEND).heads(m, 2);
        for (int b = 0; b < 2; b++) {
            FluxBalance balance = FluxBalance.of(p, h.conductivity(), h.heads(), b);
            assertEquals(0.5, balance.sources(), 1e-15);
            assertEquals(-0.5, balance.boundaryInflow(), 100 * RTOL * balance.scale(), "the well's water leaves");
            assertTrue(balance.relativeImbalance() < 100 * RTOL, "imbalance " + balance);
            assertTrue(balance.relativeMaxCellImbalance() < 100 * RTOL, "cell imbalance " + balance);
        }
    }

    @Test
    void headsMatchADenseReferenceSolveOnATinyGrid() {
        DarcyGrid grid = new DarcyGrid(5, 7, 1.0);
        DarcyProblem p = new DarcyProblem(grid,
                new Boundaries(BoundaryCondition.noFlow(), BoundaryCondition.dirichlet(-2.0),
                        BoundaryCondition.dirichlet(1.0), BoundaryCondition.noFlow()),
                List.of(new Well(new Cell(1, 5), 0.3), new Well(new Cell(1, 5), 0.2), new Well(new Cell(3, 2), -0.4)),
                List.of(new Cell(0, 0)), SolverSettings.defaults());
        float[] m = GaussianRandomField.of(grid, 2.0, 2.0).samples(new SplittableRandom(5), 2);
        DarcyFlow.Heads h = new DarcyFlow(p, BACKEND).heads(m, 2);
        int n = grid.cells();
        for (int b = 0; b < 2; b++) {
            double[] k = new double[n];
            for (int i = 0; i < n; i++) {
                k[i] = Math.exp(m[b * n + i]);
                assertEquals(k[i], h.conductivity()[b * n + i], 0.0, "K = exp(m)");
            }
            double[] ref = ReferenceDarcy.heads(p, k);
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], h.heads()[b * n + i], 1e-8, "model " + b + ", cell " + i);
            }
        }
    }

    @Test
    void pcgReachesTheRelativeResidualTolerance() {
        DarcyGrid grid = new DarcyGrid(48, 40, 10.0);
        for (double rtol : new double[] {1e-6, 1e-10}) {
            DarcyProblem p = new DarcyProblem(grid, Boundaries.vertical(1.0, 0.0),
                    List.of(new Well(new Cell(30, 11), 1.0)), List.of(new Cell(0, 0)),
                    SolverSettings.defaults().withTolerance(rtol));
            float[] m = GaussianRandomField.of(grid, 2.0, 80.0).samples(new SplittableRandom(11), 2);
            DarcyFlow.Heads h = new DarcyFlow(p, BACKEND).heads(m, 2);
            for (int b = 0; b < 2; b++) {
                assertTrue(h.relativeResiduals()[b] <= rtol, "reported " + h.relativeResiduals()[b]);
                double trueResidual = ReferenceDarcy.relativeResidual(p, h.conductivity(), h.heads(), b);
                assertTrue(trueResidual <= 1.01 * rtol, "true residual " + trueResidual + " for rtol " + rtol);
            }
        }
    }

    @Test
    void multigridCutsTheIterationCountOfPlainConjugateGradients() {
        int[] iterations = new int[2];
        for (Preconditioner pc : Preconditioner.values()) {
            iterations[pc.ordinal()] = solve(32, pc).iterations()[0];
        }
        int plain = iterations[Preconditioner.NONE.ordinal()];
        int multigrid = iterations[Preconditioner.MULTIGRID.ordinal()];
        assertTrue(multigrid * 10 < plain, "multigrid " + multigrid + " vs plain CG " + plain + " iterations");
    }

    @Test
    void multigridIterationCountStaysFlatAsTheGridGrows() {
        int small = solve(32, Preconditioner.MULTIGRID).iterations()[0];
        int large = solve(128, Preconditioner.MULTIGRID).iterations()[0];
        assertTrue(small <= 12 && large <= small + 2, "iterations " + small + " at 32^2, " + large + " at 128^2");
    }

    @Test
    void aSolveThatMissesTheToleranceThrowsSayingByHowMuch() {
        DarcyGrid grid = new DarcyGrid(32, 32, 10.0);
        DarcyProblem p = new DarcyProblem(grid, Boundaries.lateral(1.0, 0.0), List.of(), List.of(new Cell(0, 0)),
                new SolverSettings(1e-10, 5, Preconditioner.NONE));
        float[] m = GaussianRandomField.of(grid, 1.0, 60.0).sample(new SplittableRandom(1));
        DarcyConvergenceException e = assertThrows(DarcyConvergenceException.class,
                () -> new DarcyFlow(p, BACKEND).heads(m, 1));
        assertTrue(e.getMessage().contains("did not converge") && e.getMessage().contains("after 5 iterations"),
                e.getMessage());
        assertEquals(5, e.iterations());
        assertTrue(e.relativeResidual() > 1e-10, "residual " + e.relativeResidual());
    }

    @Test
    void zeroRightHandSideGivesZeroHeadWithoutIterating() {
        DarcyGrid grid = new DarcyGrid(8, 8, 1.0);
        DarcyProblem p = new DarcyProblem(grid, Boundaries.lateral(0.0, 0.0), List.of(), List.of(new Cell(0, 0)),
                SolverSettings.defaults());
        DarcyFlow.Heads h = new DarcyFlow(p, BACKEND).heads(new float[grid.cells()], 1);
        assertEquals(0, h.iterations()[0]);
        for (double v : h.heads()) {
            assertEquals(0.0, v);
        }
    }

    @Test
    void rejectsProblemsWithoutAFixedHeadOrWithCellsOffTheGrid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Boundaries(
                BoundaryCondition.noFlow(), BoundaryCondition.noFlow(), BoundaryCondition.noFlow(),
                BoundaryCondition.noFlow()));
        assertTrue(e.getMessage().contains("Dirichlet"), e.getMessage());
        DarcyGrid grid = new DarcyGrid(4, 5, 1.0);
        e = assertThrows(IllegalArgumentException.class, () -> new DarcyProblem(grid, Boundaries.lateral(1, 0),
                List.of(new Well(new Cell(4, 0), 1.0)), List.of(new Cell(0, 0)), SolverSettings.defaults()));
        assertTrue(e.getMessage().contains("(4, 0) outside the 4 x 5 grid"), e.getMessage());
    }

    /** One solve on an n x n Gaussian random log K (std 1.5), fixed heads left and right, a well. */
    private static DarcyFlow.Heads solve(int n, Preconditioner pc) {
        DarcyGrid grid = new DarcyGrid(n, n, 10.0);
        DarcyProblem p = new DarcyProblem(grid, Boundaries.lateral(1.0, 0.0),
                List.of(new Well(new Cell(n / 2, n / 3), 0.5)), List.of(new Cell(0, 0)),
                SolverSettings.defaults().withPreconditioner(pc).withMaxIterations(5000));
        float[] m = GaussianRandomField.of(grid, 1.5, n * 10.0 / 8).sample(new SplittableRandom(7));
        return new DarcyFlow(p, BACKEND).heads(m, 1);
    }
}
