package dev.strata.kernels.darcy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static dev.strata.kernels.TaskRuns.runBody;
import static dev.strata.kernels.TaskRuns.runVectorised;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API rows of the Darcy smoother, restriction and operator ({@link DarcyVectors}) against the per-point
 * bodies they stand for, bit for bit, on grids narrower than the vectors take, of their fewest columns, of odd and
 * even sizes (a last vector overlapping the one before) and of the solve's 64 x 64, in a batch of 2 (rows split in
 * two calls, as two threads run them).
 */
class DarcyVectorsTest {

    /** (nz, nx): narrower than the vectors take; their fewest columns; odd by odd; odd by even; 64 x 64. */
    private static final int[][] GRIDS = {{5, 7}, {4, DarcyVectors.MIN_COLUMNS}, {9, 67}, {7, 100}, {64, 64}};
    private static final int NB = 2;

    private final SplittableRandom rng = new SplittableRandom(64);

    @Test
    void vectorisedHalfSweepsEqualThePerPointBodiesBitForBit() {
        for (int[] g : GRIDS) {
            int nz = g[0];
            int nx = g[1];
            Operator a = operator(nz, nx);
            double[] f = gaussian(a.cells());
            double[] start = gaussian(a.cells());
            for (int color = 0; color < 2; color++) {
                for (int zeroGuess = 0; zeroGuess < 2; zeroGuess++) {
                    double[] body = start.clone();
                    double[] vectors = start.clone();
                    runBody(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, body, color, zeroGuess, nz, nx,
                            NB));
                    runVectorised(DarcyMultigridTasks.smoothRedBlack(a.tE, a.tS, a.diag, f, vectors, color,
                            zeroGuess, nz, nx, NB));
                    assertArrayEquals(body, vectors, "half-sweep of colour " + color + ", zero guess " + zeroGuess
                            + " on " + Arrays.toString(g));
                }
            }
        }
    }

    @Test
    void vectorisedRestrictionAndOperatorEqualThePerPointBodiesBitForBit() {
        for (int[] g : GRIDS) {
            int nz = g[0];
            int nx = g[1];
            int nzc = (nz + 1) / 2;
            int nxc = (nx + 1) / 2;
            Operator a = operator(nz, nx);
            double[] f = gaussian(a.cells());
            double[] e = gaussian(a.cells());
            double[] body = new double[NB * nzc * nxc];
            double[] vectors = new double[body.length];
            Arrays.fill(vectors, Double.NaN);
            runBody(DarcyMultigridTasks.restrictResidual(a.tE, a.tS, a.diag, f, e, body, nz, nx, nzc, nxc, NB));
            runVectorised(DarcyMultigridTasks.restrictResidual(a.tE, a.tS, a.diag, f, e, vectors, nz, nx, nzc, nxc,
                    NB));
            assertArrayEquals(body, vectors, "restriction on " + Arrays.toString(g));
            double[] q = new double[a.cells()];
            double[] qVectors = new double[a.cells()];
            Arrays.fill(qVectors, Double.NaN);
            runBody(DarcyTasks.applyOperator(a.tE, a.tS, a.diag, e, q, nz, nx, NB));
            runVectorised(DarcyTasks.applyOperator(a.tE, a.tS, a.diag, e, qVectors, nz, nx, NB));
            assertArrayEquals(q, qVectors, "operator on " + Arrays.toString(g));
        }
    }

    /** Random transmissibilities in (0.1, 10) and a diagonal that dominates them, as an assembly gives. */
    private Operator operator(int nz, int nx) {
        int cells = NB * nz * nx;
        double[] tE = new double[cells];
        double[] tS = new double[cells];
        double[] diag = new double[cells];
        for (int i = 0; i < cells; i++) {
            tE[i] = 0.1 + 9.9 * rng.nextDouble();
            tS[i] = 0.1 + 9.9 * rng.nextDouble();
        }
        for (int i = 0; i < cells; i++) {
            int x = i % nx;
            int z = i / nx % nz;
            diag[i] = tE[i] + tS[i] + (x > 0 ? tE[i - 1] : 1.0) + (z > 0 ? tS[i - nx] : 1.0);
        }
        return new Operator(tE, tS, diag, nz, nx);
    }

    private double[] gaussian(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private record Operator(double[] tE, double[] tS, double[] diag, int nz, int nx) {
        int cells() {
            return NB * nz * nx;
        }
    }
}
