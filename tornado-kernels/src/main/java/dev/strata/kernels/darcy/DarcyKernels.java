package dev.strata.kernels.darcy;

import dev.strata.kernels.annotations.Derived;
import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of steady 2-D Darcy flow, -div(K grad h) = q, discretised by cell-centred finite volumes with
 * two-point flux (seed 002, arXiv 2512.22421): conductivity, assembly, the operator and the observation of heads.
 * The multigrid preconditioner is in {@link DarcyMultigridKernels}, the conjugate-gradient steps in
 * {@link DarcyPcgKernels}, the tangent and adjoint sources in {@link DarcyAdjointKernels}. Typed tasks:
 * {@code DarcyTasks} (and {@code DarcyMultigridTasks} ...), written by the build from these declarations.
 *
 * <p>Fields are flat, row-major {@code [nb][nz][nx]} (batch, depth, x), cell {@code c = (b nz + z) nx + x}. The
 * matrix is kept as face transmissibilities: {@code tE[c]} couples c with its east neighbour c + 1, {@code tS[c]}
 * with its south neighbour c + nx (both 0 on the last column / row), and {@code diag[c]} is the sum of all face
 * transmissibilities of c, Dirichlet boundary faces included, so that
 * <pre>
 *   (A h)_c = diag_c h_c - tE_c h_{c+1} - tE_{c-1} h_{c-1} - tS_c h_{c+nx} - tS_{c-nx} h_{c-nx}.
 * </pre>
 * Square cells: an interior face has T = 2 K_i K_j / (K_i + K_j) (harmonic mean of K times face length over centre
 * distance, h / h), a Dirichlet face T = 2 K_c (half-cell distance), a no-flow face nothing.
 *
 * <p>Boundary conditions come as {@code bcType[4]} (1 = Dirichlet, 0 = no flow) and {@code bcHead[4]} in the side
 * order top (z = 0), bottom (z = nz - 1), left (x = 0), right (x = nx - 1).
 *
 * <p>Every body writes only the elements of its own point (or row, or model) and reads only inputs, so points run
 * in parallel without races, and the result does not depend on how a backend splits the range. Sums over a row run
 * serially in x, sums over a model serially over rows, all in double: a batch gives bit for bit the result of its
 * models solved one by one. Grid tasks take their arrays, then {@code nz, nx} and the batch size {@code nb} last;
 * sizes and boundary types are checked when a task is made.
 */
public final class DarcyKernels {
    private DarcyKernels() {
    }

    /** Side order of {@code bcType} / {@code bcHead}. */
    public static final int TOP = 0;
    public static final int BOTTOM = 1;
    public static final int LEFT = 2;
    public static final int RIGHT = 3;
    /** {@code bcType} value of a Dirichlet (fixed-head) side; 0 is no flow. */
    public static final int DIRICHLET = 1;

    /** Harmonic-mean transmissibility of the face between cells of conductivity a and b: 2 a b / (a + b). */
    public static double harmonic(double a, double b) {
        return 2.0 * a * b / (a + b);
    }

    /** K = exp(m) at (b, z, x); m = log-conductivity; writes {@code k} only. */
    @Kernel
    public static void conductivity(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                                    @Length("nb * nz * nx") float[] logK,
                                    @Writes @Length("nb * nz * nx") double[] k, int nz, int nx) {
        int c = (b * nz + z) * nx + x;
        k[c] = Math.exp((double) logK[c]);
    }

    /**
     * Two-point flux assembly at cell (b, z, x): tE = T(c, c+1), tS = T(c, c+nx), diag = sum of face T, rhs = q_c +
     * sum over Dirichlet faces of T_f h_D; {@code source} is one grid {@code [nz][nx]} shared by the batch. Faces are
     * always evaluated as harmonic(west or north cell, east or south cell), so both cells of a face compute the same
     * bits and A is exactly symmetric. Writes tE, tS, diag, rhs at c.
     */
    @Kernel(requires = "KernelChecks.allWithin(bcType, 0, 2)")
    public static void assemble(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                                @Length("nb * nz * nx") double[] k, @Length("nz * nx") double[] source,
                                @Length("4") int[] bcType, @Length("4") double[] bcHead,
                                @Writes @Length("nb * nz * nx") double[] tE,
                                @Writes @Length("nb * nz * nx") double[] tS,
                                @Writes @Length("nb * nz * nx") double[] diag,
                                @Writes @Length("nb * nz * nx") double[] rhs, int nz, int nx) {
        int c = (b * nz + z) * nx + x;
        double kc = k[c];
        double east = 0.0;
        double south = 0.0;
        double d = 0.0;
        double f = source[z * nx + x];
        if (x < nx - 1) {
            east = harmonic(kc, k[c + 1]);
        }
        if (z < nz - 1) {
            south = harmonic(kc, k[c + nx]);
        }
        d = east + south;
        if (x > 0) {
            d = d + harmonic(k[c - 1], kc);
        }
        if (z > 0) {
            d = d + harmonic(k[c - nx], kc);
        }
        double tb = 2.0 * kc;
        if (z == 0 && bcType[TOP] == DIRICHLET) {
            d = d + tb;
            f = f + tb * bcHead[TOP];
        }
        if (z == nz - 1 && bcType[BOTTOM] == DIRICHLET) {
            d = d + tb;
            f = f + tb * bcHead[BOTTOM];
        }
        if (x == 0 && bcType[LEFT] == DIRICHLET) {
            d = d + tb;
            f = f + tb * bcHead[LEFT];
        }
        if (x == nx - 1 && bcType[RIGHT] == DIRICHLET) {
            d = d + tb;
            f = f + tb * bcHead[RIGHT];
        }
        tE[c] = east;
        tS[c] = south;
        diag[c] = d;
        rhs[c] = f;
    }

    /** (A p)_c at flat index c = (b nz + z) nx + x, as in the class comment. */
    public static double operatorAt(int c, int z, int x, int nz, int nx, double[] tE, double[] tS, double[] diag,
                                    double[] p) {
        double s = diag[c] * p[c];
        if (x < nx - 1) {
            s = s - tE[c] * p[c + 1];
        }
        if (x > 0) {
            s = s - tE[c - 1] * p[c - 1];
        }
        if (z < nz - 1) {
            s = s - tS[c] * p[c + nx];
        }
        if (z > 0) {
            s = s - tS[c - nx] * p[c - nx];
        }
        return s;
    }

    /** Matrix-free 5-point operator: q = A p at (b, z, x); writes q only. */
    @Kernel(vectorRows = "DarcyVectors.applyOperatorRows")
    public static void applyOperator(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                                     @Length("nb * nz * nx") double[] tE, @Length("nb * nz * nx") double[] tS,
                                     @Length("nb * nz * nx") double[] diag, @Length("nb * nz * nx") double[] p,
                                     @Writes @Length("nb * nz * nx") double[] q, int nz, int nx) {
        int c = (b * nz + z) * nx + x;
        q[c] = operatorAt(c, z, x, nz, nx, tE, tS, diag, p);
    }

    /**
     * Observation k of model b: obs[b nobs + k] = h[b ncell + cells[k]], nobs = cells.length, every cell in
     * [0, ncell); rows are models, the inner index observations. Writes obs at that index.
     */
    @Kernel(requires = "KernelChecks.allWithin(cells, 0, ncell)")
    public static void gather(@Index("nb") int b, @Index("nobs") int k, int[] cells,
                              @Length("nb * ncell") double[] h, @Writes @Length("nb * nobs") double[] obs, int ncell,
                              @Derived("cells.length") int nobs) {
        obs[b * nobs + k] = h[b * ncell + cells[k]];
    }
}
