package dev.strata.kernels.darcy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.KernelTask;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Darcy bodies, run through their generated tasks, against dense, obvious references in double on tiny grids (odd
 * sizes, batch of 2); and the tasks' ranges and argument checks.
 */
class DarcyKernelsTest {

    private static final int NB = 2;
    private static final int NZ = 5;
    private static final int NX = 7;
    private static final int NZC = 3;
    private static final int NXC = 4;
    private static final int CELLS = NB * NZ * NX;
    private static final int[] BC_TYPE = {1, 0, 0, 1};
    private static final double[] BC_HEAD = {1.5, 0, 0, -0.5};

    private final SplittableRandom rng = new SplittableRandom(2512);

    @Test
    void assemblyRowSumsAreTheDirichletTransmissibilitiesAndTheRightHandSideCarriesBoundaryHeadsAndWells() {
        float[] m = logK();
        double[] k = conductivity(m);
        Operator a = assemble(k);
        // row sums compare diag (which recomputes the west and north faces) with the stored tE, tS of the neighbours
        for (int b = 0; b < NB; b++) {
            double[][] dense = a.dense(b, NZ, NX);
            for (int i = 0; i < NZ * NX; i++) {
                double rowSum = 0;
                for (int j = 0; j < NZ * NX; j++) {
                    rowSum += dense[i][j];
                }
                int z = i / NX;
                int x = i % NX;
                double kc = k[b * NZ * NX + i];
                double dirichlet = (z == 0 ? 2 * kc : 0) + (x == NX - 1 ? 2 * kc : 0);
                assertEquals(dirichlet, rowSum, 1e-12 * a.diag[b * NZ * NX + i], "row sum at " + i);
                double f = (z == 0 ? 2 * kc * BC_HEAD[0] : 0) + (x == NX - 1 ? 2 * kc * BC_HEAD[3] : 0) + source(i);
                assertEquals(f, a.rhs[b * NZ * NX + i], 1e-14, "rhs at " + i);
            }
            int east = b * NZ * NX + 2 * NX + 3;
            assertEquals(2 * k[east] * k[east + 1] / (k[east] + k[east + 1]), a.tE[east], 1e-15, "harmonic mean");
        }
    }

    @Test
    void coarseOperatorIsHalfTheGalerkinProductOfPiecewiseConstantAggregation() {
        Operator a = assemble(conductivity(logK()));
        int nc = NB * NZC * NXC;
        double[] tEc = new double[nc];
        double[] tSc = new double[nc];
        double[] diagc = new double[nc];
        run(DarcyMultigridTasks.coarsen(a.tE, a.tS, a.diag, tEc, tSc, diagc, NZ, NX, NZC, NXC, NB));
        Operator coarse = new Operator(tEc, tSc, diagc, null);
        for (int b = 0; b < NB; b++) {
            double[][] fine = a.dense(b, NZ, NX);
            double[][] galerkin = new double[NZC * NXC][NZC * NXC];
            for (int i = 0; i < NZ * NX; i++) {
                for (int j = 0; j < NZ * NX; j++) {
                    galerkin[parent(i)][parent(j)] += 0.5 * fine[i][j];
                }
            }
            double[][] actual = coarse.dense(b, NZC, NXC);
            for (int i = 0; i < NZC * NXC; i++) {
                for (int j = 0; j < NZC * NXC; j++) {
                    assertEquals(galerkin[i][j], actual[i][j], 1e-12, "coarse entry " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void restrictionSumsTheFineResidualOverEachAggregateAndProlongationInjects() {
        Operator a = assemble(conductivity(logK()));
        double[] f = gaussian(CELLS);
        double[] e = gaussian(CELLS);
        double[] fc = new double[NB * NZC * NXC];
        run(DarcyMultigridTasks.restrictResidual(a.tE, a.tS, a.diag, f, e, fc, NZ, NX, NZC, NXC, NB));
        double[] ec = gaussian(fc.length);
        double[] e2 = e.clone();
        run(DarcyMultigridTasks.prolongAdd(ec, e2, NZ, NX, NZC, NXC, NB));
        for (int b = 0; b < NB; b++) {
            double[] residual = a.residual(b, f, e);
            double[] sums = new double[NZC * NXC];
            for (int i = 0; i < NZ * NX; i++) {
                sums[parent(i)] += residual[i];
                assertEquals(e[b * NZ * NX + i] + ec[b * NZC * NXC + parent(i)], e2[b * NZ * NX + i], 0.0);
            }
            for (int c = 0; c < sums.length; c++) {
                assertEquals(sums[c], fc[b * NZC * NXC + c], 1e-12, "aggregate " + c);
            }
        }
    }

    @Test
    void aRedBlackHalfSweepZeroesTheResidualOfTheColourItUpdates() {
        Operator a = assemble(conductivity(logK()));
        double[] f = gaussian(CELLS);
        double[] e = gaussian(CELLS);
        for (int color = 0; color < 2; color++) {
            double[] before = e.clone();
            run(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, e, color, 0, NZ, NX, NB));
            for (int b = 0; b < NB; b++) {
                double[] r = a.residual(b, f, e);
                for (int i = 0; i < NZ * NX; i++) {
                    int c = b * NZ * NX + i;
                    if (((i / NX + i % NX) & 1) == color) {
                        assertEquals(0, r[i], 1e-12 * (Math.abs(f[c]) + a.diag[c] * Math.abs(e[c])), "cell " + i);
                    } else {
                        assertEquals(before[c], e[c], 0.0, "other colour untouched");
                    }
                }
            }
        }
        double[] fromZero = gaussian(CELLS);
        run(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, fromZero, 0, 1, NZ, NX, NB));
        double[] zero = new double[CELLS];
        run(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, zero, 0, 0, NZ, NX, NB));
        for (int c = 0; c < CELLS; c++) {
            if ((((c % (NZ * NX)) / NX + c % NX) & 1) == 0) {
                assertEquals(zero[c], fromZero[c], 0.0, "zeroGuess = a sweep from e = 0");
            }
        }
    }

    @Test
    void coarsestSolveIsBitForBitItsForwardAndBackwardRedBlackHalfSweeps() {
        Operator a = assemble(conductivity(logK()));
        double[] f = gaussian(CELLS);
        int sweeps = 3;
        double[] sweptByTasks = gaussian(CELLS);
        for (int s = 0; s < sweeps; s++) {
            run(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, sweptByTasks, 0, s == 0 ? 1 : 0, NZ, NX,
                    NB));
            run(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, sweptByTasks, 1, 0, NZ, NX, NB));
        }
        for (int s = 0; s < sweeps; s++) {
            run(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, sweptByTasks, 1, 0, NZ, NX, NB));
            run(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, sweptByTasks, 0, 0, NZ, NX, NB));
        }
        double[] solved = gaussian(CELLS);
        run(DarcyMultigridTasks.coarsestSolve(a.tE, a.tS, a.diag, f, solved, sweeps, NZ, NX, NB));
        for (int c = 0; c < CELLS; c++) {
            assertEquals(sweptByTasks[c], solved[c], 0.0, "cell " + c);
        }
    }

    @Test
    void tangentSourceMatchesCentralDifferencesOfTheResidualInM() {
        float[] m = logK();
        float[] dm = new float[CELLS];
        for (int i = 0; i < CELLS; i++) {
            dm[i] = (float) rng.nextGaussian();
        }
        double[] h = gaussian(CELLS);
        double[] s = new double[CELLS];
        run(DarcyAdjointTasks.tangentSource(conductivity(m), h, widened(dm), BC_TYPE, BC_HEAD, s, NZ, NX, NB));
        double eps = 1e-4;
        double[] plus = residualF(m, dm, eps, h);
        double[] minus = residualF(m, dm, -eps, h);
        for (int c = 0; c < CELLS; c++) {
            double fd = (plus[c] - minus[c]) / (2 * eps);
            assertEquals(fd, s[c], 1e-6 * (1 + Math.abs(fd)), "cell " + c);
        }
    }

    @Test
    void gradientIsMinusTheTransposeOfTheTangentSource() {
        float[] m = logK();
        double[] k = conductivity(m);
        double[] h = gaussian(CELLS);
        double[] lambda = gaussian(CELLS);
        float[] dm = new float[CELLS];
        for (int i = 0; i < CELLS; i++) {
            dm[i] = (float) rng.nextGaussian();
        }
        double[] s = new double[CELLS];
        float[] g = new float[CELLS];
        run(DarcyAdjointTasks.tangentSource(k, h, widened(dm), BC_TYPE, BC_HEAD, s, NZ, NX, NB));
        run(DarcyAdjointTasks.gradient(k, h, lambda, BC_TYPE, BC_HEAD, g, NZ, NX, NB));
        double lhs = 0;
        double rhs = 0;
        double scale = 0;
        for (int c = 0; c < CELLS; c++) {
            lhs += lambda[c] * s[c];
            rhs -= (double) dm[c] * g[c];
            scale += Math.abs(dm[c] * g[c]);
        }
        assertEquals(lhs, rhs, 1e-6 * scale);
    }

    @Test
    void pcgScalarsFollowTheirDefinitionsAndStopAtTheTolerance() {
        double[] partial = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] state = new double[NB * DarcyPcgKernels.STATE];
        state[DarcyPcgKernels.RTOL] = 0.5;
        state[DarcyPcgKernels.STATE + DarcyPcgKernels.RTOL] = 0.5;
        run(DarcyPcgTasks.pcgInit(partial, state, NZ, NB));
        assertEquals(15, state[DarcyPcgKernels.BB]);
        assertEquals(40, state[DarcyPcgKernels.STATE + DarcyPcgKernels.BB]);
        assertEquals(1, state[DarcyPcgKernels.ACTIVE]);
        run(DarcyPcgTasks.pcgDirection(partial, state, NZ, NB));
        assertEquals(0, state[DarcyPcgKernels.BETA], "no beta on the first iteration");
        assertEquals(15, state[DarcyPcgKernels.RZ]);
        double[] small = {0.5, 0.5, 0.5, 0.5, 0.5, 5, 5, 5, 5, 5};
        run(DarcyPcgTasks.pcgCheck(small, state, NZ, NB));
        assertEquals(0, state[DarcyPcgKernels.ACTIVE], "||r||^2 = 2.5 <= 0.25 * 15: converged");
        assertEquals(1, state[DarcyPcgKernels.STATE + DarcyPcgKernels.ACTIVE], "25 > 0.25 * 40: goes on");
        double[] negative = {-1, 0, 0, 0, 0, -1, 0, 0, 0, 0};
        run(DarcyPcgTasks.pcgStepLength(negative, state, NZ, NB));
        assertEquals(1, state[DarcyPcgKernels.STATE + DarcyPcgKernels.BREAKDOWN], "p^T A p <= 0 is a breakdown");
        assertEquals(0, state[DarcyPcgKernels.BREAKDOWN], "a converged model is left alone");
    }

    @Test
    void tasksRunOverTheRangesOfTheirDeclarations() {
        double[] cells = new double[CELLS];
        double[] coarse = new double[NB * NZC * NXC];
        double[] state = new double[NB * DarcyPcgKernels.STATE];
        assertEquals(new IndexRange(0, NB * NZ, 0, NX), DarcyTasks.applyOperator(cells, cells, cells, cells, cells,
                NZ, NX, NB).range());
        assertEquals(new IndexRange(0, NB * NZ, 0, (NX + 1) / 2), DarcyMultigridTasks.smoothRedBlack(cells, cells,
                cells, cells, cells, 1, 0, NZ, NX, NB).range());
        assertEquals(IndexRange.of1d(0, NB), DarcyMultigridTasks.coarsestSolve(cells, cells, cells, cells, cells, 2, NZ,
                NX, NB).range());
        assertEquals(new IndexRange(0, NB * NZC, 0, NXC), DarcyMultigridTasks.coarsen(cells, cells, cells, coarse,
                coarse, coarse, NZ, NX, NZC, NXC, NB).range());
        assertEquals(new IndexRange(0, NB * NZ, 0, NX), DarcyMultigridTasks.prolongAdd(coarse, cells, NZ, NX, NZC,
                NXC, NB).range());
        assertEquals(IndexRange.of1d(0, NB * NZ), DarcyPcgTasks.rowDot(cells, cells, new double[NB * NZ], NX,
                NB * NZ).range());
        assertEquals(IndexRange.of1d(0, NB), DarcyPcgTasks.pcgCheck(new double[NB * NZ], state, NZ, NB).range());
        assertEquals(new IndexRange(0, NB, 0, 3), DarcyTasks.gather(new int[] {0, 4, 34}, cells, new double[NB * 3],
                NZ * NX, NB).range());
    }

    @Test
    void rowDotsAddEachRowSeriallyAndGatherReadsTheObservedCellsOfEveryModel() {
        double[] u = gaussian(CELLS);
        double[] v = gaussian(CELLS);
        double[] partial = new double[NB * NZ];
        run(DarcyPcgTasks.rowDot(u, v, partial, NX, NB * NZ));
        for (int row = 0; row < NB * NZ; row++) {
            double s = 0;
            for (int x = 0; x < NX; x++) {
                s = s + u[row * NX + x] * v[row * NX + x];
            }
            assertEquals(s, partial[row], 0.0, "row " + row);
        }
        int[] observed = {34, 0, 9};
        double[] obs = new double[NB * observed.length];
        run(DarcyTasks.gather(observed, u, obs, NZ * NX, NB));
        for (int b = 0; b < NB; b++) {
            for (int k = 0; k < observed.length; k++) {
                assertEquals(u[b * NZ * NX + observed[k]], obs[b * observed.length + k], 0.0);
            }
        }
    }

    @Test
    void tasksRejectShortArraysMismatchedGridsAndBadFlagsNamingTheKernel() {
        double[] small = new double[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DarcyTasks.applyOperator(small, small, small, small, small, NZ, NX, NB));
        assertEquals("DarcyKernels.applyOperator: tE has 3 elements, needs 70", e.getMessage());
        double[] any = new double[CELLS];
        e = assertThrows(IllegalArgumentException.class,
                () -> DarcyMultigridTasks.prolongAdd(any, any, NZ, NX, NZ / 2, NXC, NB));
        assertTrue(e.getMessage().startsWith("DarcyMultigridKernels.prolongAdd: requires nzc == (nzf + 1) / 2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DarcyMultigridTasks.smoothRedBlack(any, any, any, any, any, 2, 0, NZ, NX, NB));
        assertEquals("DarcyMultigridKernels.smoothRedBlack: requires color == 0 || color == 1 (color=2)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DarcyMultigridTasks.coarsestSolve(any, any, any, any, any, 0, NZ, NX, NB));
        assertTrue(e.getMessage().startsWith("DarcyMultigridKernels.coarsestSolve: requires sweeps >= 1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DarcyTasks.assemble(any, new double[NZ * NX],
                new int[] {1, 0, 2, 1}, BC_HEAD, any, any, any, any, NZ, NX, NB));
        assertTrue(e.getMessage().startsWith("DarcyKernels.assemble: requires"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DarcyTasks.gather(new int[] {NZ * NX}, any, new double[NB], NZ * NX, NB));
        assertTrue(e.getMessage().startsWith("DarcyKernels.gather: requires"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DarcyPcgTasks.pcgCheck(new double[NB * NZ], new double[DarcyPcgKernels.STATE], NZ, NB));
        assertEquals("DarcyPcgKernels.pcgCheck: state has 10 elements, needs 20", e.getMessage());
        // the same arguments, well formed, are accepted
        DarcyTasks.applyOperator(any, any, any, any, any, NZ, NX, NB);
        DarcyMultigridTasks.prolongAdd(new double[NB * NZC * NXC], any, NZ, NX, NZC, NXC, NB);
        DarcyTasks.assemble(any, new double[NZ * NX], BC_TYPE, BC_HEAD, any, any, any, any, NZ, NX, NB);
    }

    /** F(h, m + eps dm) = A h - b, by the kernels, in double. */
    private double[] residualF(float[] m, float[] dm, double eps, double[] h) {
        double[] k = new double[CELLS];
        for (int c = 0; c < CELLS; c++) {
            k[c] = Math.exp(m[c] + eps * dm[c]);
        }
        Operator a = assemble(k);
        double[] f = new double[CELLS];
        run(DarcyTasks.applyOperator(a.tE, a.tS, a.diag, h, f, NZ, NX, NB));
        for (int c = 0; c < CELLS; c++) {
            f[c] -= a.rhs[c];
        }
        return f;
    }

    private static int parent(int i) {
        return (i / NX / 2) * NXC + (i % NX) / 2;
    }

    private static double source(int i) {
        return i == 9 ? 0.7 : 0;
    }

    private float[] logK() {
        float[] m = new float[CELLS];
        for (int i = 0; i < CELLS; i++) {
            m[i] = (float) (1.5 * rng.nextGaussian());
        }
        return m;
    }

    private static double[] conductivity(float[] m) {
        double[] k = new double[m.length];
        run(DarcyTasks.conductivity(m, k, NZ, NX, NB));
        return k;
    }

    private Operator assemble(double[] k) {
        double[] src = new double[NZ * NX];
        src[9] = source(9);
        Operator a = new Operator(new double[CELLS], new double[CELLS], new double[CELLS], new double[CELLS]);
        run(DarcyTasks.assemble(k, src, BC_TYPE, BC_HEAD, a.tE, a.tS, a.diag, a.rhs, NZ, NX, NB));
        return a;
    }

    private double[] gaussian(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static void run(KernelTask task) {
        IndexRange r = task.range();
        task.runRows(r.outerStart(), r.outerEnd());
    }

    /** Face transmissibilities of a batch, read back as dense matrices. */
    private record Operator(double[] tE, double[] tS, double[] diag, double[] rhs) {
        double[][] dense(int b, int nz, int nx) {
            int n = nz * nx;
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                int c = b * n + i;
                a[i][i] = diag[c];
                if (i % nx < nx - 1) {
                    a[i][i + 1] = -tE[c];
                    a[i + 1][i] = -tE[c];
                }
                if (i / nx < nz - 1) {
                    a[i][i + nx] = -tS[c];
                    a[i + nx][i] = -tS[c];
                }
            }
            return a;
        }

        double[] residual(int b, double[] f, double[] e) {
            double[][] a = dense(b, NZ, NX);
            int n = NZ * NX;
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double s = f[b * n + i];
                for (int j = 0; j < n; j++) {
                    s -= a[i][j] * e[b * n + j];
                }
                r[i] = s;
            }
            return r;
        }
    }

    private static double[] widened(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
