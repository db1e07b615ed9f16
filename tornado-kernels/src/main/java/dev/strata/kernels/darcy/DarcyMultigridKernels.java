package dev.strata.kernels.darcy;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the multigrid V-cycle that preconditions the Darcy solve: red-black Gauss-Seidel smoothing, the
 * coarsest-grid solve, and the transfers between a fine grid {@code [nb][nzf][nxf]} and its coarse grid
 * {@code [nb][nzc][nxc]}, coarse = ceil(fine / 2), by piecewise-constant aggregation of 2 x 2 cells. Layout and
 * operator as in {@link DarcyKernels}. Typed tasks: {@code DarcyMultigridTasks}; transfer tasks take their arrays,
 * then {@code nzf, nxf, nzc, nxc} and the batch size {@code nb} last.
 */
public final class DarcyMultigridKernels {
    private DarcyMultigridKernels() {
    }

    /**
     * One red-black Gauss-Seidel update of A e = f at the k-th cell of colour {@code color} in row (b, z): the cell
     * x = 2k + ((z + color) mod 2), if x &lt; nx, gets e_c = (f_c + sum_nb T e_nb) / diag_c. Red cells (colour 0) have
     * z + x even and only black neighbours, so all cells of one colour update in parallel. With {@code zeroGuess} = 1
     * the neighbours are taken as 0 (the first half-sweep from e = 0, without clearing e first). Writes e at x.
     */
    @Kernel(requires = {"color == 0 || color == 1", "zeroGuess == 0 || zeroGuess == 1"},
            vectorRows = "DarcyVectors.smoothRedBlackRows")
    public static void smoothRedBlack(@Index("nb") int b, @Index("nz") int z, @Index("(nx + 1) / 2") int k,
                                      @Length("nb * nz * nx") double[] tE, @Length("nb * nz * nx") double[] tS,
                                      @Length("nb * nz * nx") double[] diag, @Length("nb * nz * nx") double[] f,
                                      @Writes @Length("nb * nz * nx") double[] e, int color, int zeroGuess, int nz,
                                      int nx) {
        int x = 2 * k + ((z + color) & 1);
        if (x < nx) {
            int c = (b * nz + z) * nx + x;
            double s = f[c];
            if (zeroGuess == 0) {
                if (x < nx - 1) {
                    s = s + tE[c] * e[c + 1];
                }
                if (x > 0) {
                    s = s + tE[c - 1] * e[c - 1];
                }
                if (z < nz - 1) {
                    s = s + tS[c] * e[c + nx];
                }
                if (z > 0) {
                    s = s + tS[c - nx] * e[c - nx];
                }
            }
            e[c] = s / diag[c];
        }
    }

    /**
     * The coarsest-grid solve of model b, serially: e ~ A^-1 f by {@code sweeps} red-black Gauss-Seidel sweeps
     * forward (red then black, the first from e = 0) and as many backward (black then red), each colour over the
     * whole grid with {@link #smoothRedBlack}. A colour's cells read only the other colour, so this gives bit for bit
     * the result of the same half-sweeps run as parallel tasks, in one task instead of 4 sweeps; one point per model.
     * Writes e of model b.
     */
    @Kernel(requires = "sweeps >= 1")
    public static void coarsestSolve(@Index("nb") int b, @Length("nb * nz * nx") double[] tE,
                                     @Length("nb * nz * nx") double[] tS, @Length("nb * nz * nx") double[] diag,
                                     @Length("nb * nz * nx") double[] f, @Writes @Length("nb * nz * nx") double[] e,
                                     int sweeps, int nz, int nx) {
        int half = (nx + 1) / 2;
        for (int s = 0; s < 2 * sweeps; s++) {
            for (int c = 0; c < 2; c++) {
                int color = s < sweeps ? c : 1 - c;
                int zeroGuess = s == 0 && c == 0 ? 1 : 0;
                for (int z = 0; z < nz; z++) {
                    for (int k = 0; k < half; k++) {
                        smoothRedBlack(b, z, k, tE, tS, diag, f, e, color, zeroGuess, nz, nx);
                    }
                }
            }
        }
    }

    /**
     * Coarse operator of coarse cell (b, Z, X) by aggregation of the (up to) 2 x 2 fine cells 2Z..2Z+1 x 2X..2X+1:
     * A_c = (1/2) P^T A P with P piecewise constant. P^T A P sums the fine transmissibilities across each coarse
     * face and the fine diagonals minus twice the faces inside the aggregate; the factor 1/2 makes it the operator
     * rediscretised on the coarse grid (over-correction by 2, which keeps the V-cycle's iteration count flat in the
     * grid size). Writes tEc, tSc, diagc at the coarse cell.
     */
    @Kernel(requires = "nzc == (nzf + 1) / 2 && nxc == (nxf + 1) / 2")
    public static void coarsen(@Index("nb") int b, @Index("nzc") int zc, @Index("nxc") int xc,
                               @Length("nb * nzf * nxf") double[] tE, @Length("nb * nzf * nxf") double[] tS,
                               @Length("nb * nzf * nxf") double[] diag, @Writes @Length("nb * nzc * nxc") double[] tEc,
                               @Writes @Length("nb * nzc * nxc") double[] tSc,
                               @Writes @Length("nb * nzc * nxc") double[] diagc, int nzf, int nxf, int nzc, int nxc) {
        double east = 0.0;
        double south = 0.0;
        double d = 0.0;
        for (int a = 0; a < 2; a++) {
            int z = 2 * zc + a;
            if (z < nzf) {
                for (int a2 = 0; a2 < 2; a2++) {
                    int x = 2 * xc + a2;
                    if (x < nxf) {
                        int i = (b * nzf + z) * nxf + x;
                        d = d + diag[i];
                        if (a2 == 1 || x == nxf - 1) {
                            east = east + tE[i];
                        } else {
                            d = d - 2.0 * tE[i];
                        }
                        if (a == 1 || z == nzf - 1) {
                            south = south + tS[i];
                        } else {
                            d = d - 2.0 * tS[i];
                        }
                    }
                }
            }
        }
        int c = (b * nzc + zc) * nxc + xc;
        tEc[c] = 0.5 * east;
        tSc[c] = 0.5 * south;
        diagc[c] = 0.5 * d;
    }

    /**
     * Restriction of the residual: fc = P^T (f - A e), the sum of the fine residuals of the (up to) 2 x 2 fine
     * cells of coarse cell (b, Z, X), in the order (2Z, 2X), (2Z, 2X+1), (2Z+1, 2X), (2Z+1, 2X+1); cell (2Z, 2X)
     * always exists. Written out rather than as a loop over the four cells: TornadoVM 5.2 cannot compile that loop
     * (after unrolling it leaves an if on a constant condition, which its OpenCL backend rejects). Writes fc at the
     * coarse cell.
     */
    @Kernel(requires = "nzc == (nzf + 1) / 2 && nxc == (nxf + 1) / 2",
            vectorRows = "DarcyVectors.restrictResidualRows")
    public static void restrictResidual(@Index("nb") int b, @Index("nzc") int zc, @Index("nxc") int xc,
                                        @Length("nb * nzf * nxf") double[] tE, @Length("nb * nzf * nxf") double[] tS,
                                        @Length("nb * nzf * nxf") double[] diag, @Length("nb * nzf * nxf") double[] f,
                                        @Length("nb * nzf * nxf") double[] e,
                                        @Writes @Length("nb * nzc * nxc") double[] fc, int nzf, int nxf, int nzc,
                                        int nxc) {
        int z = 2 * zc;
        int x = 2 * xc;
        double s = 0.0;
        s = s + residualAt(b, z, x, nzf, nxf, tE, tS, diag, f, e);
        if (x + 1 < nxf) {
            s = s + residualAt(b, z, x + 1, nzf, nxf, tE, tS, diag, f, e);
        }
        if (z + 1 < nzf) {
            s = s + residualAt(b, z + 1, x, nzf, nxf, tE, tS, diag, f, e);
            if (x + 1 < nxf) {
                s = s + residualAt(b, z + 1, x + 1, nzf, nxf, tE, tS, diag, f, e);
            }
        }
        fc[(b * nzc + zc) * nxc + xc] = s;
    }

    /** (f - A e)_c at fine cell (b, z, x). */
    public static double residualAt(int b, int z, int x, int nz, int nx, double[] tE, double[] tS, double[] diag,
                                    double[] f, double[] e) {
        int i = (b * nz + z) * nx + x;
        return f[i] - DarcyKernels.operatorAt(i, z, x, nz, nx, tE, tS, diag, e);
    }

    /**
     * Piecewise-constant prolongation of the coarse correction: e += P ec, e_c += ec at the parent (z / 2, x / 2) of
     * fine cell (b, z, x), over the fine grid; writes e.
     */
    @Kernel(requires = "nzc == (nzf + 1) / 2 && nxc == (nxf + 1) / 2")
    public static void prolongAdd(@Index("nb") int b, @Index("nzf") int z, @Index("nxf") int x,
                                  @Length("nb * nzc * nxc") double[] ec, @Writes @Length("nb * nzf * nxf") double[] e,
                                  int nzf, int nxf, int nzc, int nxc) {
        int c = (b * nzf + z) * nxf + x;
        e[c] = e[c] + ec[(b * nzc + z / 2) * nxc + x / 2];
    }
}
