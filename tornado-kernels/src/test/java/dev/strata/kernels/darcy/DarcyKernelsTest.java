package dev.strata.kernels.darcy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Darcy bodies against dense, obvious references in double on tiny grids (odd sizes, batch of 2). */
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
        run(DarcyLaunchers.COARSEN, a.tE, a.tS, a.diag, tEc, tSc, diagc, NB, NZ, NX, NZC, NXC);
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
        run(DarcyLaunchers.RESTRICT, a.tE, a.tS, a.diag, f, e, fc, NB, NZ, NX, NZC, NXC);
        double[] ec = gaussian(fc.length);
        double[] e2 = e.clone();
        run(DarcyLaunchers.PROLONG, ec, e2, NB, NZ, NX, NZC, NXC);
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
            run(DarcyLaunchers.SMOOTH, a.tE, a.tS, a.diag, f, e, color, 0, NB, NZ, NX);
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
        run(DarcyLaunchers.SMOOTH, a.tE, a.tS, a.diag, f, fromZero, 0, 1, NB, NZ, NX);
        double[] zero = new double[CELLS];
        run(DarcyLaunchers.SMOOTH, a.tE, a.tS, a.diag, f, zero, 0, 0, NB, NZ, NX);
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
            run(DarcyLaunchers.SMOOTH, a.tE, a.tS, a.diag, f, sweptByTasks, 0, s == 0 ? 1 : 0, NB, NZ, NX);
            run(DarcyLaunchers.SMOOTH, a.tE, a.tS, a.diag, f, sweptByTasks, 1, 0, NB, NZ, NX);
        }
        for (int s = 0; s < sweeps; s++) {
            run(DarcyLaunchers.SMOOTH, a.tE, a.tS, a.diag, f, sweptByTasks, 1, 0, NB, NZ, NX);
            run(DarcyLaunchers.SMOOTH, a.tE, a.tS, a.diag, f, sweptByTasks, 0, 0, NB, NZ, NX);
        }
        double[] solved = gaussian(CELLS);
        run(DarcyLaunchers.COARSEST_SOLVE, a.tE, a.tS, a.diag, f, solved, sweeps, NB, NZ, NX);
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
        run(DarcyLaunchers.TANGENT_SOURCE, conductivity(m), h, dm, BC_TYPE, BC_HEAD, s, NB, NZ, NX);
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
        run(DarcyLaunchers.TANGENT_SOURCE, k, h, dm, BC_TYPE, BC_HEAD, s, NB, NZ, NX);
        run(DarcyLaunchers.GRADIENT, k, h, lambda, BC_TYPE, BC_HEAD, g, NB, NZ, NX);
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
        double[] state = new double[NB * DarcyKernels.STATE];
        state[DarcyKernels.RTOL] = 0.5;
        state[DarcyKernels.STATE + DarcyKernels.RTOL] = 0.5;
        run(DarcyLaunchers.PCG_INIT, partial, state, NB, NZ);
        assertEquals(15, state[DarcyKernels.BB]);
        assertEquals(40, state[DarcyKernels.STATE + DarcyKernels.BB]);
        assertEquals(1, state[DarcyKernels.ACTIVE]);
        run(DarcyLaunchers.PCG_DIRECTION, partial, state, NB, NZ);
        assertEquals(0, state[DarcyKernels.BETA], "no beta on the first iteration");
        assertEquals(15, state[DarcyKernels.RZ]);
        double[] small = {0.5, 0.5, 0.5, 0.5, 0.5, 5, 5, 5, 5, 5};
        run(DarcyLaunchers.PCG_CHECK, small, state, NB, NZ);
        assertEquals(0, state[DarcyKernels.ACTIVE], "||r||^2 = 2.5 <= 0.25 * 15: converged");
        assertEquals(1, state[DarcyKernels.STATE + DarcyKernels.ACTIVE], "25 > 0.25 * 40: goes on");
        double[] negative = {-1, 0, 0, 0, 0, -1, 0, 0, 0, 0};
        run(DarcyLaunchers.PCG_STEP_LENGTH, negative, state, NB, NZ);
        assertEquals(1, state[DarcyKernels.STATE + DarcyKernels.BREAKDOWN], "p^T A p <= 0 is a breakdown");
        assertEquals(0, state[DarcyKernels.BREAKDOWN], "a converged model is left alone");
    }

    @Test
    void launchersRejectMismatchedGridsAndShortArrays() {
        double[] small = new double[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DarcyLaunchers.APPLY.check(new Object[] {small, small, small, small, small, NB, NZ, NX}));
        assertTrue(e.getMessage().contains("tE has 3 elements, needs 70"), e.getMessage());
        double[] any = new double[CELLS];
        e = assertThrows(IllegalArgumentException.class, () -> DarcyLaunchers.PROLONG.check(
                new Object[] {any, any, NB, NZ, NX, NZ / 2, NXC}));
        assertTrue(e.getMessage().contains("ceil(fine / 2)"), e.getMessage());
    }

    /** F(h, m + eps dm) = A h - b, by the kernels, in double. */
    private double[] residualF(float[] m, float[] dm, double eps, double[] h) {
        double[] k = new double[CELLS];
        for (int c = 0; c < CELLS; c++) {
            k[c] = Math.exp(m[c] + eps * dm[c]);
        }
        Operator a = assemble(k);
        double[] f = new double[CELLS];
        run(DarcyLaunchers.APPLY, a.tE, a.tS, a.diag, h, f, NB, NZ, NX);
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
        run(DarcyLaunchers.CONDUCTIVITY, m, k, NB, NZ, NX);
        return k;
    }

    private Operator assemble(double[] k) {
        double[] src = new double[NZ * NX];
        src[9] = source(9);
        Operator a = new Operator(new double[CELLS], new double[CELLS], new double[CELLS], new double[CELLS]);
        run(DarcyLaunchers.ASSEMBLE, k, src, BC_TYPE, BC_HEAD, a.tE, a.tS, a.diag, a.rhs, NB, NZ, NX);
        return a;
    }

    private double[] gaussian(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static void run(Kernel kernel, Object... args) {
        kernel.check(args);
        IndexRange r = kernel.range(args);
        kernel.runRows(args, r.outerStart(), r.outerEnd());
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
}
