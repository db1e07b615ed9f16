package dev.strata.kernels.darcy;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the preconditioned conjugate-gradient solve of a batch of Darcy systems, every model with its
 * own scalars in {@code state[b * STATE + slot]} (all double) and its own stopping test. Dot products are row sums
 * ({@link #rowDot}, one point per row, serially in x) added over the model's rows by a per-model kernel, serially:
 * a batch gives bit for bit the result of its models solved one by one. Layout as in {@link DarcyKernels}. Typed
 * tasks: {@code DarcyPcgTasks}; grid tasks end with {@code (nz, nx, nb)}, per-model tasks take
 * {@code (double[] partial, double[] state, int nz, int nb)} with partial {@code [nb][nz]} and run one point per model.
 */
public final class DarcyPcgKernels {
    private DarcyPcgKernels() {
    }

    /** Slots of the per-model PCG state {@code state[b * STATE + slot]} (all double). */
    public static final int STATE = 10;
    /** 1 while the model still iterates, 0 once converged (or broken down). */
    public static final int ACTIVE = 0;
    /** Iterations done. */
    public static final int ITERATIONS = 1;
    /** Relative residual tolerance, set by the host. */
    public static final int RTOL = 2;
    /** ||b||^2. */
    public static final int BB = 3;
    /** r^T z of the current iteration. */
    public static final int RZ = 4;
    public static final int BETA = 5;
    public static final int ALPHA = 6;
    /** ||r||^2 after the last update. */
    public static final int RR = 7;
    /** 1 if p^T A p was not positive (the matrix is not SPD or holds NaN). */
    public static final int BREAKDOWN = 8;
    /** p^T A p of the current iteration. */
    public static final int PQ = 9;

    /** partial[row] = sum over x of u[row nx + x] v[row nx + x], serially in x, in double; writes partial[row]. */
    @Kernel
    public static void rowDot(@Index("rows") int row, @Length("rows * nx") double[] u, @Length("rows * nx") double[] v,
                              @Writes @Length("rows") double[] partial, int nx) {
        int base = row * nx;
        double s = 0.0;
        for (int x = 0; x < nx; x++) {
            s = s + u[base + x] * v[base + x];
        }
        partial[row] = s;
    }

    /** Sum of partial[b nz .. b nz + nz - 1], serially: the dot product of model b. */
    public static double modelSum(int b, int nz, double[] partial) {
        double s = 0.0;
        for (int row = b * nz; row < (b + 1) * nz; row++) {
            s = s + partial[row];
        }
        return s;
    }

    /** dst = src at (b, z, x) (the identity preconditioner z = r); writes dst. */
    @Kernel
    public static void copy(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                            @Length("nb * nz * nx") double[] src, @Writes @Length("nb * nz * nx") double[] dst, int nz,
                            int nx) {
        int c = (b * nz + z) * nx + x;
        dst[c] = src[c];
    }

    /** PCG start from x = 0: x = 0, r = rhs at (b, z, x); writes x and r. */
    @Kernel
    public static void pcgStart(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                                @Length("nb * nz * nx") double[] rhs, @Writes @Length("nb * nz * nx") double[] sol,
                                @Writes @Length("nb * nz * nx") double[] r, int nz, int nx) {
        int c = (b * nz + z) * nx + x;
        sol[c] = 0.0;
        r[c] = rhs[c];
    }

    /**
     * PCG setup of model b from partial sums of rhs^2: BB = RR = ||b||^2, ITERATIONS = 0, BREAKDOWN = 0, ACTIVE = 1
     * unless b = 0 (then x = 0 is exact). RTOL is left as the host set it. Writes state of model b.
     */
    @Kernel
    public static void pcgInit(@Index("nb") int b, @Length("nb * nz") double[] partial,
                               @Writes @Length("nb * DarcyPcgKernels.STATE") double[] state, int nz) {
        int s = b * STATE;
        double bb = modelSum(b, nz, partial);
        state[s + BB] = bb;
        state[s + ITERATIONS] = 0.0;
        state[s + BREAKDOWN] = 0.0;
        state[s + RR] = bb;
        state[s + ACTIVE] = bb > 0.0 ? 1.0 : 0.0;
    }

    /** From partial sums of r z: rz' = r^T z, beta = rz' / rz (0 on the first iteration), rz = rz'. Active models. */
    @Kernel
    public static void pcgDirection(@Index("nb") int b, @Length("nb * nz") double[] partial,
                                    @Writes @Length("nb * DarcyPcgKernels.STATE") double[] state, int nz) {
        int s = b * STATE;
        if (state[s + ACTIVE] != 0.0) {
            double rz = modelSum(b, nz, partial);
            double beta = 0.0;
            if (state[s + ITERATIONS] > 0.0) {
                beta = rz / state[s + RZ];
            }
            state[s + BETA] = beta;
            state[s + RZ] = rz;
        }
    }

    /** p = z + beta p at (b, z, x) for active models; writes p. */
    @Kernel
    public static void updateDirection(@Index("nb") int b, @Index("nz") int iz, @Index("nx") int x,
                                       @Length("nb * DarcyPcgKernels.STATE") double[] state,
                                       @Length("nb * nz * nx") double[] z, @Writes @Length("nb * nz * nx") double[] p,
                                       int nz, int nx) {
        if (state[b * STATE + ACTIVE] != 0.0) {
            int c = (b * nz + iz) * nx + x;
            p[c] = z[c] + state[b * STATE + BETA] * p[c];
        }
    }

    /**
     * From partial sums of p q (q = A p): alpha = r^T z / p^T A p for active models; a non-positive or NaN p^T A p
     * stops the model and sets BREAKDOWN. Writes state of model b.
     */
    @Kernel
    public static void pcgStepLength(@Index("nb") int b, @Length("nb * nz") double[] partial,
                                     @Writes @Length("nb * DarcyPcgKernels.STATE") double[] state, int nz) {
        int s = b * STATE;
        if (state[s + ACTIVE] != 0.0) {
            double pq = modelSum(b, nz, partial);
            state[s + PQ] = pq;
            if (pq > 0.0) {
                state[s + ALPHA] = state[s + RZ] / pq;
            } else {
                state[s + ALPHA] = 0.0;
                state[s + ACTIVE] = 0.0;
                state[s + BREAKDOWN] = 1.0;
            }
        }
    }

    /** x += alpha p, r -= alpha q at (b, z, x) for active models; writes sol and r. */
    @Kernel
    public static void updateSolution(@Index("nb") int b, @Index("nz") int z, @Index("nx") int x,
                                      @Length("nb * DarcyPcgKernels.STATE") double[] state,
                                      @Length("nb * nz * nx") double[] p, @Length("nb * nz * nx") double[] q,
                                      @Writes @Length("nb * nz * nx") double[] sol,
                                      @Writes @Length("nb * nz * nx") double[] r, int nz, int nx) {
        if (state[b * STATE + ACTIVE] != 0.0) {
            int c = (b * nz + z) * nx + x;
            double alpha = state[b * STATE + ALPHA];
            sol[c] = sol[c] + alpha * p[c];
            r[c] = r[c] - alpha * q[c];
        }
    }

    /** From partial sums of r^2: RR = ||r||^2, one more iteration, and ACTIVE = 0 once ||r|| <= RTOL ||b||. */
    @Kernel
    public static void pcgCheck(@Index("nb") int b, @Length("nb * nz") double[] partial,
                                @Writes @Length("nb * DarcyPcgKernels.STATE") double[] state, int nz) {
        int s = b * STATE;
        if (state[s + ACTIVE] != 0.0) {
            double rr = modelSum(b, nz, partial);
            state[s + RR] = rr;
            state[s + ITERATIONS] = state[s + ITERATIONS] + 1.0;
            double tol = state[s + RTOL];
            if (rr <= tol * tol * state[s + BB]) {
                state[s + ACTIVE] = 0.0;
            }
        }
    }
}
