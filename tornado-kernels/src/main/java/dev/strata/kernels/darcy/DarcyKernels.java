package dev.strata.kernels.darcy;

/**
 * Per-point bodies of steady 2-D Darcy flow, -div(K grad h) = q, discretised by cell-centred finite volumes with
 * two-point flux (seed 002, arXiv 2512.22421), and of the preconditioned conjugate-gradient solve of its system.
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
 * models solved one by one. The bodies do not check sizes: the launchers in {@link DarcyLaunchers} do.
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

    /** Harmonic-mean transmissibility of the face between cells of conductivity a and b: 2 a b / (a + b). */
    public static double harmonic(double a, double b) {
        return 2.0 * a * b / (a + b);
    }

    /** K = exp(m) at (b, z, x); m = log-conductivity; writes {@code k} only. */
    public static void conductivity(int b, int z, int x, int nz, int nx, float[] logK, double[] k) {
        int c = (b * nz + z) * nx + x;
        k[c] = Math.exp((double) logK[c]);
    }

    /**
     * Two-point flux assembly at cell (b, z, x): tE = T(c, c+1), tS = T(c, c+nx), diag = sum of face T, rhs = q_c +
     * sum over Dirichlet faces of T_f h_D; {@code source} is one grid {@code [nz][nx]} shared by the batch. Faces are
     * always evaluated as harmonic(west or north cell, east or south cell), so both cells of a face compute the same
     * bits and A is exactly symmetric. Writes tE, tS, diag, rhs at c.
     */
    public static void assemble(int b, int z, int x, int nz, int nx, double[] k, double[] source, int[] bcType,
                                double[] bcHead, double[] tE, double[] tS, double[] diag, double[] rhs) {
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
    public static void applyOperator(int b, int z, int x, int nz, int nx, double[] tE, double[] tS, double[] diag,
                                     double[] p, double[] q) {
        int c = (b * nz + z) * nx + x;
        q[c] = operatorAt(c, z, x, nz, nx, tE, tS, diag, p);
    }

    /**
     * One red-black Gauss-Seidel update of A e = f at the k-th cell of colour {@code color} in row (b, z): the cell
     * x = 2k + ((z + color) mod 2), if x &lt; nx, gets e_c = (f_c + sum_nb T e_nb) / diag_c. Red cells (colour 0) have
     * z + x even and only black neighbours, so all cells of one colour update in parallel. With {@code zeroGuess} = 1
     * the neighbours are taken as 0 (the first half-sweep from e = 0, without clearing e first). Writes e at x.
     */
    public static void smoothRedBlack(int b, int z, int k, int color, int zeroGuess, int nz, int nx, double[] tE,
                                      double[] tS, double[] diag, double[] f, double[] e) {
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
     * The coarsest-grid solve of model b, serially: {@code sweeps} red-black Gauss-Seidel sweeps forward (red then
     * black, the first from e = 0) and as many backward (black then red), each colour over the whole grid with
     * {@link #smoothRedBlack}. A colour's cells read only the other colour, so this gives bit for bit the result of
     * the same half-sweeps run as parallel tasks, in one task instead of 4 sweeps. Writes e of model b.
     */
    public static void coarsestSolve(int b, int sweeps, int nz, int nx, double[] tE, double[] tS, double[] diag,
                                     double[] f, double[] e) {
        int half = (nx + 1) / 2;
        for (int s = 0; s < 2 * sweeps; s++) {
            for (int c = 0; c < 2; c++) {
                int color = s < sweeps ? c : 1 - c;
                int zeroGuess = s == 0 && c == 0 ? 1 : 0;
                for (int z = 0; z < nz; z++) {
                    for (int k = 0; k < half; k++) {
                        smoothRedBlack(b, z, k, color, zeroGuess, nz, nx, tE, tS, diag, f, e);
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
    public static void coarsen(int b, int zc, int xc, int nzf, int nxf, int nzc, int nxc, double[] tE, double[] tS,
                               double[] diag, double[] tEc, double[] tSc, double[] diagc) {
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
    public static void restrictResidual(int b, int zc, int xc, int nzf, int nxf, int nzc, int nxc, double[] tE,
                                        double[] tS, double[] diag, double[] f, double[] e, double[] fc) {
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
        return f[i] - operatorAt(i, z, x, nz, nx, tE, tS, diag, e);
    }

    /** Piecewise-constant prolongation of the coarse correction: e += P ec at fine cell (b, z, x); writes e. */
    public static void prolongAdd(int b, int z, int x, int nzf, int nxf, int nzc, int nxc, double[] ec, double[] e) {
        int c = (b * nzf + z) * nxf + x;
        e[c] = e[c] + ec[(b * nzc + z / 2) * nxc + x / 2];
    }

    /** partial[row] = sum over x of u[row nx + x] v[row nx + x], serially in x, in double; writes partial[row]. */
    public static void rowDot(int row, int nx, double[] u, double[] v, double[] partial) {
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

    /** dst = src at (b, z, x); writes dst. */
    public static void copy(int b, int z, int x, int nz, int nx, double[] src, double[] dst) {
        int c = (b * nz + z) * nx + x;
        dst[c] = src[c];
    }

    /** PCG start from x = 0: x = 0, r = rhs at (b, z, x); writes x and r. */
    public static void pcgStart(int b, int z, int x, int nz, int nx, double[] rhs, double[] sol, double[] r) {
        int c = (b * nz + z) * nx + x;
        sol[c] = 0.0;
        r[c] = rhs[c];
    }

    /**
     * PCG setup of model b from partial sums of rhs^2: BB = ||b||^2, ITERATIONS = 0, BREAKDOWN = 0, ACTIVE = 1 unless
     * b = 0 (then x = 0 is exact). RTOL is left as the host set it. Writes state of model b.
     */
    public static void pcgInit(int b, int nz, double[] partial, double[] state) {
        int s = b * STATE;
        double bb = modelSum(b, nz, partial);
        state[s + BB] = bb;
        state[s + ITERATIONS] = 0.0;
        state[s + BREAKDOWN] = 0.0;
        state[s + RR] = bb;
        state[s + ACTIVE] = bb > 0.0 ? 1.0 : 0.0;
    }

    /** From partial sums of r z: rz' = r^T z, beta = rz' / rz (0 on the first iteration), rz = rz'. Active models. */
    public static void pcgDirection(int b, int nz, double[] partial, double[] state) {
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
    public static void updateDirection(int b, int iz, int x, int nz, int nx, double[] state, double[] z,
                                       double[] p) {
        if (state[b * STATE + ACTIVE] != 0.0) {
            int c = (b * nz + iz) * nx + x;
            p[c] = z[c] + state[b * STATE + BETA] * p[c];
        }
    }

    /**
     * From partial sums of p q (q = A p): alpha = r^T z / p^T A p for active models; a non-positive or NaN p^T A p
     * stops the model and sets BREAKDOWN. Writes state of model b.
     */
    public static void pcgStepLength(int b, int nz, double[] partial, double[] state) {
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
    public static void updateSolution(int b, int z, int x, int nz, int nx, double[] state, double[] p, double[] q,
                                      double[] sol, double[] r) {
        if (state[b * STATE + ACTIVE] != 0.0) {
            int c = (b * nz + z) * nx + x;
            double alpha = state[b * STATE + ALPHA];
            sol[c] = sol[c] + alpha * p[c];
            r[c] = r[c] - alpha * q[c];
        }
    }

    /** From partial sums of r^2: RR = ||r||^2, one more iteration, and ACTIVE = 0 once ||r|| <= RTOL ||b||. */
    public static void pcgCheck(int b, int nz, double[] partial, double[] state) {
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

    /**
     * Tangent source s = (dF/dm) dm at cell (b, z, x), F(h, m) = A(m) h - b(m): the sum over the faces of c of
     * dT_f (h_c - h_other), with dT = T (K_j dm_i + K_i dm_j) / (K_i + K_j) for an interior face (T harmonic, K = e^m)
     * and dT = 2 K_c dm_c, h_other = h_D for a Dirichlet face. Then J dm = -P A^-1 s. Writes s at c.
     */
    public static void tangentSource(int b, int z, int x, int nz, int nx, double[] k, double[] h, float[] dm,
                                     int[] bcType, double[] bcHead, double[] s) {
        int c = (b * nz + z) * nx + x;
        double kc = k[c];
        double hc = h[c];
        double dmc = dm[c];
        double sum = 0.0;
        if (x < nx - 1) {
            sum = sum + faceTangent(kc, k[c + 1], dmc, dm[c + 1]) * (hc - h[c + 1]);
        }
        if (x > 0) {
            sum = sum + faceTangent(k[c - 1], kc, dm[c - 1], dmc) * (hc - h[c - 1]);
        }
        if (z < nz - 1) {
            sum = sum + faceTangent(kc, k[c + nx], dmc, dm[c + nx]) * (hc - h[c + nx]);
        }
        if (z > 0) {
            sum = sum + faceTangent(k[c - nx], kc, dm[c - nx], dmc) * (hc - h[c - nx]);
        }
        double tb = 2.0 * kc * dmc;
        if (z == 0 && bcType[TOP] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[TOP]);
        }
        if (z == nz - 1 && bcType[BOTTOM] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[BOTTOM]);
        }
        if (x == 0 && bcType[LEFT] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[LEFT]);
        }
        if (x == nx - 1 && bcType[RIGHT] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[RIGHT]);
        }
        s[c] = sum;
    }

    /** dT of the face between cells i and j: 2 K_i K_j (K_j dm_i + K_i dm_j) / (K_i + K_j)^2. */
    public static double faceTangent(double ki, double kj, double dmi, double dmj) {
        double sum = ki + kj;
        return 2.0 * ki * kj * (kj * dmi + ki * dmj) / (sum * sum);
    }

    /** dT/dm_i of the face between cells i and j: 2 K_i K_j^2 / (K_i + K_j)^2. */
    public static double faceSensitivity(double ki, double kj) {
        double sum = ki + kj;
        return 2.0 * ki * kj * kj / (sum * sum);
    }

    /**
     * Adjoint-state gradient at cell (b, z, x): g_c = -sum over faces f of c of dT_f/dm_c (lambda_c - lambda_o)
     * (h_c - h_o), with lambda = A^-1 P^T dy, o the other cell of f (lambda_o = 0 and h_o = h_D for a Dirichlet
     * face, where dT/dm_c = 2 K_c). This is -(dF/dm)^T lambda = J^T dy. Writes g (float) at c.
     */
    public static void gradient(int b, int z, int x, int nz, int nx, double[] k, double[] h, double[] lambda,
                                int[] bcType, double[] bcHead, float[] g) {
        int c = (b * nz + z) * nx + x;
        double kc = k[c];
        double hc = h[c];
        double lc = lambda[c];
        double sum = 0.0;
        if (x < nx - 1) {
            sum = sum + faceSensitivity(kc, k[c + 1]) * (lc - lambda[c + 1]) * (hc - h[c + 1]);
        }
        if (x > 0) {
            sum = sum + faceSensitivity(kc, k[c - 1]) * (lc - lambda[c - 1]) * (hc - h[c - 1]);
        }
        if (z < nz - 1) {
            sum = sum + faceSensitivity(kc, k[c + nx]) * (lc - lambda[c + nx]) * (hc - h[c + nx]);
        }
        if (z > 0) {
            sum = sum + faceSensitivity(kc, k[c - nx]) * (lc - lambda[c - nx]) * (hc - h[c - nx]);
        }
        double tb = 2.0 * kc * lc;
        if (z == 0 && bcType[TOP] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[TOP]);
        }
        if (z == nz - 1 && bcType[BOTTOM] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[BOTTOM]);
        }
        if (x == 0 && bcType[LEFT] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[LEFT]);
        }
        if (x == nx - 1 && bcType[RIGHT] == DIRICHLET) {
            sum = sum + tb * (hc - bcHead[RIGHT]);
        }
        g[c] = (float) (0.0 - sum);
    }

    /** Observation k of model b: obs[b nobs + k] = h[b ncell + cells[k]]; writes obs at that index. */
    public static void gather(int b, int k, int nobs, int ncell, int[] cells, double[] h, double[] obs) {
        obs[b * nobs + k] = h[b * ncell + cells[k]];
    }
}
