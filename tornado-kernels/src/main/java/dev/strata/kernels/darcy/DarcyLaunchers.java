package dev.strata.kernels.darcy;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.doubles;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.ints;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;

/**
 * Launchers of the {@link DarcyKernels} bodies. Grid kernels take their arrays first and end with
 * {@code (int nb, int nz, int nx)}; their rows are (batch, depth) pairs and the inner index is x. Multigrid transfer
 * kernels end with {@code (int nb, int nzf, int nxf, int nzc, int nxc)}, coarse = ceil(fine / 2). Per-model scalar
 * kernels take {@code (double[] partial, double[] state, int nb, int nz)} and run one point per model.
 */
public final class DarcyLaunchers {
    private DarcyLaunchers() {
    }

    /** {@code (float[] logK, double[] k, nb, nz, nx)}: K = exp(m). */
    public static final Kernel CONDUCTIVITY = new GridKernel("darcy.conductivity", 5) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            minLength(name(), "logK", floats(name(), a, 0).length, cells);
            need(a, 1, "k", cells);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            float[] m = (float[]) a[0];
            double[] k = (double[]) a[1];
            int nz = (Integer) a[3];
            int nx = (Integer) a[4];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.conductivity(row / nz, row % nz, x, nz, nx, m, k);
                }
            }
        }
    };

    /** {@code (k, source[nz nx], int[] bcType, bcHead, tE, tS, diag, rhs, nb, nz, nx)}: two-point flux assembly. */
    public static final Kernel ASSEMBLE = new GridKernel("darcy.assemble", 11) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            need(a, 0, "k", cells);
            need(a, 1, "source", (long) nz * nx);
            checkBoundary(name(), a, 2, 3);
            need(a, 4, "tE", cells);
            need(a, 5, "tS", cells);
            need(a, 6, "diag", cells);
            need(a, 7, "rhs", cells);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] k = (double[]) a[0];
            double[] src = (double[]) a[1];
            int[] bt = (int[]) a[2];
            double[] bh = (double[]) a[3];
            double[] te = (double[]) a[4];
            double[] ts = (double[]) a[5];
            double[] dg = (double[]) a[6];
            double[] rhs = (double[]) a[7];
            int nz = (Integer) a[9];
            int nx = (Integer) a[10];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.assemble(row / nz, row % nz, x, nz, nx, k, src, bt, bh, te, ts, dg, rhs);
                }
            }
        }
    };

    /** {@code (tE, tS, diag, p, q, nb, nz, nx)}: q = A p. */
    public static final Kernel APPLY = new GridKernel("darcy.applyOperator", 8) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needAll(a, cells, 0, 5, "tE", "tS", "diag", "p", "q");
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] te = (double[]) a[0];
            double[] ts = (double[]) a[1];
            double[] dg = (double[]) a[2];
            double[] p = (double[]) a[3];
            double[] q = (double[]) a[4];
            int nz = (Integer) a[6];
            int nx = (Integer) a[7];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.applyOperator(row / nz, row % nz, x, nz, nx, te, ts, dg, p, q);
                }
            }
        }
    };

    /** {@code (tE, tS, diag, f, e, int color, int zeroGuess, nb, nz, nx)}: one colour of red-black Gauss-Seidel. */
    public static final Kernel SMOOTH = new GridKernel("darcy.smoothRedBlack", 10) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needAll(a, cells, 0, 5, "tE", "tS", "diag", "f", "e");
            int color = intValue(name(), a, 5);
            int zero = intValue(name(), a, 6);
            if ((color != 0 && color != 1) || (zero != 0 && zero != 1)) {
                throw new IllegalArgumentException(name() + ": color and zeroGuess must be 0 or 1, got " + color
                        + ", " + zero);
            }
        }

        @Override
        public IndexRange range(Object[] a) {
            int nb = (Integer) a[7];
            int nz = (Integer) a[8];
            int nx = (Integer) a[9];
            return new IndexRange(0, nb * nz, 0, (nx + 1) / 2);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] te = (double[]) a[0];
            double[] ts = (double[]) a[1];
            double[] dg = (double[]) a[2];
            double[] f = (double[]) a[3];
            double[] e = (double[]) a[4];
            int color = (Integer) a[5];
            int zero = (Integer) a[6];
            int nz = (Integer) a[8];
            int nx = (Integer) a[9];
            int half = (nx + 1) / 2;
            for (int row = r0; row < r1; row++) {
                for (int k = 0; k < half; k++) {
                    DarcyKernels.smoothRedBlack(row / nz, row % nz, k, color, zero, nz, nx, te, ts, dg, f, e);
                }
            }
        }
    };

    /**
     * {@code (tE, tS, diag, f, e, int sweeps, nb, nz, nx)}: {@link DarcyKernels#coarsestSolve}, sweeps forward and
     * backward red-black sweeps from e = 0; one point per model.
     */
    public static final Kernel COARSEST_SOLVE = new Kernel() {
        @Override
        public String name() {
            return "darcy.coarsestSolve";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 9);
            int sweeps = intValue(name(), a, 5);
            int nb = intValue(name(), a, 6);
            int nz = intValue(name(), a, 7);
            int nx = intValue(name(), a, 8);
            if (sweeps < 1 || nb < 1 || nz < 1 || nx < 1) {
                throw new IllegalArgumentException(name() + ": sweeps and grid " + nb + " x " + nz + " x " + nx
                        + " must be >= 1, got " + sweeps + " sweeps");
            }
            String[] names = {"tE", "tS", "diag", "f", "e"};
            for (int i = 0; i < names.length; i++) {
                minLength(name(), names[i], doubles(name(), a, i).length, (long) nb * nz * nx);
            }
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, (Integer) a[6]);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            for (int b = r0; b < r1; b++) {
                DarcyKernels.coarsestSolve(b, (Integer) a[5], (Integer) a[7], (Integer) a[8], (double[]) a[0],
                        (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4]);
            }
        }
    };

    /** {@code (tE, tS, diag, tEc, tSc, diagc, nb, nzf, nxf, nzc, nxc)}: coarse operator (1/2) P^T A P. */
    public static final Kernel COARSEN = new TransferKernel("darcy.coarsen", 11, true) {
        @Override
        void checkArrays(Object[] a, long fine, long coarse) {
            needAll(a, fine, 0, 3, "tE", "tS", "diag");
            need(a, 3, "tEc", coarse);
            need(a, 4, "tSc", coarse);
            need(a, 5, "diagc", coarse);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] te = (double[]) a[0];
            double[] ts = (double[]) a[1];
            double[] dg = (double[]) a[2];
            double[] tec = (double[]) a[3];
            double[] tsc = (double[]) a[4];
            double[] dgc = (double[]) a[5];
            int nzf = (Integer) a[7];
            int nxf = (Integer) a[8];
            int nzc = (Integer) a[9];
            int nxc = (Integer) a[10];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nxc; x++) {
                    DarcyKernels.coarsen(row / nzc, row % nzc, x, nzf, nxf, nzc, nxc, te, ts, dg, tec, tsc, dgc);
                }
            }
        }
    };

    /** {@code (tE, tS, diag, f, e, fc, nb, nzf, nxf, nzc, nxc)}: fc = P^T (f - A e). */
    public static final Kernel RESTRICT = new TransferKernel("darcy.restrictResidual", 11, true) {
        @Override
        void checkArrays(Object[] a, long fine, long coarse) {
            needAll(a, fine, 0, 5, "tE", "tS", "diag", "f", "e");
            need(a, 5, "fc", coarse);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] te = (double[]) a[0];
            double[] ts = (double[]) a[1];
            double[] dg = (double[]) a[2];
            double[] f = (double[]) a[3];
            double[] e = (double[]) a[4];
            double[] fc = (double[]) a[5];
            int nzf = (Integer) a[7];
            int nxf = (Integer) a[8];
            int nzc = (Integer) a[9];
            int nxc = (Integer) a[10];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nxc; x++) {
                    DarcyKernels.restrictResidual(row / nzc, row % nzc, x, nzf, nxf, nzc, nxc, te, ts, dg, f, e, fc);
                }
            }
        }
    };

    /** {@code (ec, e, nb, nzf, nxf, nzc, nxc)}: e += P ec. */
    public static final Kernel PROLONG = new TransferKernel("darcy.prolongAdd", 7, false) {
        @Override
        void checkArrays(Object[] a, long fine, long coarse) {
            need(a, 0, "ec", coarse);
            need(a, 1, "e", fine);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] ec = (double[]) a[0];
            double[] e = (double[]) a[1];
            int nzf = (Integer) a[3];
            int nxf = (Integer) a[4];
            int nzc = (Integer) a[5];
            int nxc = (Integer) a[6];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nxf; x++) {
                    DarcyKernels.prolongAdd(row / nzf, row % nzf, x, nzf, nxf, nzc, nxc, ec, e);
                }
            }
        }
    };

    /** {@code (u, v, partial, int rows, int nx)}: partial[row] = sum_x u v; one point per row. */
    public static final Kernel ROW_DOT = new Kernel() {
        @Override
        public String name() {
            return "darcy.rowDot";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 5);
            int rows = intValue(name(), a, 3);
            int nx = intValue(name(), a, 4);
            if (rows < 1 || nx < 1) {
                throw new IllegalArgumentException(name() + ": rows and nx must be >= 1, got " + rows + ", " + nx);
            }
            minLength(name(), "u", doubles(name(), a, 0).length, (long) rows * nx);
            minLength(name(), "v", doubles(name(), a, 1).length, (long) rows * nx);
            minLength(name(), "partial", doubles(name(), a, 2).length, rows);
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, (Integer) a[3]);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] u = (double[]) a[0];
            double[] v = (double[]) a[1];
            double[] partial = (double[]) a[2];
            int nx = (Integer) a[4];
            for (int row = r0; row < r1; row++) {
                DarcyKernels.rowDot(row, nx, u, v, partial);
            }
        }
    };

    /** {@code (src, dst, nb, nz, nx)}: dst = src. */
    public static final Kernel COPY = new GridKernel("darcy.copy", 5) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needAll(a, cells, 0, 2, "src", "dst");
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] src = (double[]) a[0];
            double[] dst = (double[]) a[1];
            int nz = (Integer) a[3];
            int nx = (Integer) a[4];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.copy(row / nz, row % nz, x, nz, nx, src, dst);
                }
            }
        }
    };

    /** {@code (rhs, sol, r, nb, nz, nx)}: sol = 0, r = rhs. */
    public static final Kernel PCG_START = new GridKernel("darcy.pcgStart", 6) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needAll(a, cells, 0, 3, "rhs", "sol", "r");
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] rhs = (double[]) a[0];
            double[] sol = (double[]) a[1];
            double[] r = (double[]) a[2];
            int nz = (Integer) a[4];
            int nx = (Integer) a[5];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.pcgStart(row / nz, row % nz, x, nz, nx, rhs, sol, r);
                }
            }
        }
    };

    /** {@code (state, z, p, nb, nz, nx)}: p = z + beta p for active models. */
    public static final Kernel UPDATE_DIRECTION = new GridKernel("darcy.updateDirection", 6) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needState(a, 0, cells / ((long) nz * nx));
            needAll(a, cells, 1, 3, "z", "p");
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] state = (double[]) a[0];
            double[] z = (double[]) a[1];
            double[] p = (double[]) a[2];
            int nz = (Integer) a[4];
            int nx = (Integer) a[5];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.updateDirection(row / nz, row % nz, x, nz, nx, state, z, p);
                }
            }
        }
    };

    /** {@code (state, p, q, sol, r, nb, nz, nx)}: sol += alpha p, r -= alpha q for active models. */
    public static final Kernel UPDATE_SOLUTION = new GridKernel("darcy.updateSolution", 8) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needState(a, 0, cells / ((long) nz * nx));
            needAll(a, cells, 1, 5, "p", "q", "sol", "r");
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] state = (double[]) a[0];
            double[] p = (double[]) a[1];
            double[] q = (double[]) a[2];
            double[] sol = (double[]) a[3];
            double[] r = (double[]) a[4];
            int nz = (Integer) a[6];
            int nx = (Integer) a[7];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.updateSolution(row / nz, row % nz, x, nz, nx, state, p, q, sol, r);
                }
            }
        }
    };

    /** {@code (partial, state, nb, nz)}: {@link DarcyKernels#pcgInit}. */
    public static final Kernel PCG_INIT = new ScalarKernel("darcy.pcgInit") {
        @Override
        void model(int b, int nz, double[] partial, double[] state) {
            DarcyKernels.pcgInit(b, nz, partial, state);
        }
    };

    /** {@code (partial, state, nb, nz)}: {@link DarcyKernels#pcgDirection}. */
    public static final Kernel PCG_DIRECTION = new ScalarKernel("darcy.pcgDirection") {
        @Override
        void model(int b, int nz, double[] partial, double[] state) {
            DarcyKernels.pcgDirection(b, nz, partial, state);
        }
    };

    /** {@code (partial, state, nb, nz)}: {@link DarcyKernels#pcgStepLength}. */
    public static final Kernel PCG_STEP_LENGTH = new ScalarKernel("darcy.pcgStepLength") {
        @Override
        void model(int b, int nz, double[] partial, double[] state) {
            DarcyKernels.pcgStepLength(b, nz, partial, state);
        }
    };

    /** {@code (partial, state, nb, nz)}: {@link DarcyKernels#pcgCheck}. */
    public static final Kernel PCG_CHECK = new ScalarKernel("darcy.pcgCheck") {
        @Override
        void model(int b, int nz, double[] partial, double[] state) {
            DarcyKernels.pcgCheck(b, nz, partial, state);
        }
    };

    /** {@code (k, h, float[] dm, int[] bcType, bcHead, s, nb, nz, nx)}: s = (dF/dm) dm. */
    public static final Kernel TANGENT_SOURCE = new GridKernel("darcy.tangentSource", 9) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needAll(a, cells, 0, 2, "k", "h");
            minLength(name(), "dm", floats(name(), a, 2).length, cells);
            checkBoundary(name(), a, 3, 4);
            need(a, 5, "s", cells);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] k = (double[]) a[0];
            double[] h = (double[]) a[1];
            float[] dm = (float[]) a[2];
            int[] bt = (int[]) a[3];
            double[] bh = (double[]) a[4];
            double[] s = (double[]) a[5];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.tangentSource(row / nz, row % nz, x, nz, nx, k, h, dm, bt, bh, s);
                }
            }
        }
    };

    /** {@code (k, h, lambda, int[] bcType, bcHead, float[] g, nb, nz, nx)}: g = -(dF/dm)^T lambda. */
    public static final Kernel GRADIENT = new GridKernel("darcy.gradient", 9) {
        @Override
        void checkArrays(Object[] a, long cells, int nz, int nx) {
            needAll(a, cells, 0, 3, "k", "h", "lambda");
            checkBoundary(name(), a, 3, 4);
            minLength(name(), "g", floats(name(), a, 5).length, cells);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] k = (double[]) a[0];
            double[] h = (double[]) a[1];
            double[] lambda = (double[]) a[2];
            int[] bt = (int[]) a[3];
            double[] bh = (double[]) a[4];
            float[] g = (float[]) a[5];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    DarcyKernels.gradient(row / nz, row % nz, x, nz, nx, k, h, lambda, bt, bh, g);
                }
            }
        }
    };

    /** {@code (int[] cells, h, obs, nb, ncell)}: obs[b, k] = h[b, cells[k]]; rows are models, inner observations. */
    public static final Kernel GATHER = new Kernel() {
        @Override
        public String name() {
            return "darcy.gather";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 5);
            int[] cells = ints(name(), a, 0);
            int nb = intValue(name(), a, 3);
            int ncell = intValue(name(), a, 4);
            if (nb < 1 || ncell < 1) {
                throw new IllegalArgumentException(name() + ": nb and ncell must be >= 1, got " + nb + ", " + ncell);
            }
            for (int c : cells) {
                if (c < 0 || c >= ncell) {
                    throw new IllegalArgumentException(name() + ": observation cell " + c + " outside [0, " + ncell
                            + ")");
                }
            }
            minLength(name(), "h", doubles(name(), a, 1).length, (long) nb * ncell);
            minLength(name(), "obs", doubles(name(), a, 2).length, (long) nb * cells.length);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[3], 0, ((int[]) a[0]).length);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            int[] cells = (int[]) a[0];
            double[] h = (double[]) a[1];
            double[] obs = (double[]) a[2];
            int ncell = (Integer) a[4];
            for (int b = r0; b < r1; b++) {
                for (int k = 0; k < cells.length; k++) {
                    DarcyKernels.gather(b, k, cells.length, ncell, cells, h, obs);
                }
            }
        }
    };

    /** Checks {@code bcType[4]} in {0, 1} and {@code bcHead[4]}. */
    static void checkBoundary(String name, Object[] a, int typeIndex, int headIndex) {
        int[] types = ints(name, a, typeIndex);
        minLength(name, "bcType", types.length, 4);
        minLength(name, "bcHead", doubles(name, a, headIndex).length, 4);
        for (int s = 0; s < 4; s++) {
            if (types[s] != 0 && types[s] != DarcyKernels.DIRICHLET) {
                throw new IllegalArgumentException(name + ": bcType[" + s + "] must be 0 (no flow) or 1 (Dirichlet), got "
                        + types[s]);
            }
        }
    }

    /** A kernel over every cell of a batch of grids; arguments end with {@code (nb, nz, nx)}. */
    private abstract static class GridKernel implements Kernel {
        private final String name;
        private final int argc;

        GridKernel(String name, int argc) {
            this.name = name;
            this.argc = argc;
        }

        @Override
        public String name() {
            return name;
        }

        abstract void checkArrays(Object[] a, long cells, int nz, int nx);

        @Override
        public void check(Object[] a) {
            count(name, a, argc);
            int nb = intValue(name, a, argc - 3);
            int nz = intValue(name, a, argc - 2);
            int nx = intValue(name, a, argc - 1);
            if (nb < 1 || nz < 1 || nx < 1) {
                throw new IllegalArgumentException(name + ": grid " + nb + " x " + nz + " x " + nx
                        + " must have every dimension >= 1");
            }
            checkArrays(a, (long) nb * nz * nx, nz, nx);
        }

        @Override
        public IndexRange range(Object[] a) {
            int nb = (Integer) a[argc - 3];
            int nz = (Integer) a[argc - 2];
            int nx = (Integer) a[argc - 1];
            return new IndexRange(0, nb * nz, 0, nx);
        }

        void need(Object[] a, int i, String what, long n) {
            minLength(name, what, doubles(name, a, i).length, n);
        }

        void needAll(Object[] a, long n, int from, int to, String... names) {
            for (int i = from; i < to; i++) {
                need(a, i, names[i - from], n);
            }
        }

        void needState(Object[] a, int i, long nb) {
            need(a, i, "state", nb * DarcyKernels.STATE);
        }
    }

    /**
     * A kernel between a fine grid and its coarse grid; arguments end with {@code (nb, nzf, nxf, nzc, nxc)}. Its range
     * is the coarse grid ({@code overCoarse}) or the fine one.
     */
    private abstract static class TransferKernel implements Kernel {
        private final String name;
        private final int argc;
        private final boolean overCoarse;

        TransferKernel(String name, int argc, boolean overCoarse) {
            this.name = name;
            this.argc = argc;
            this.overCoarse = overCoarse;
        }

        @Override
        public String name() {
            return name;
        }

        abstract void checkArrays(Object[] a, long fine, long coarse);

        @Override
        public void check(Object[] a) {
            count(name, a, argc);
            int nb = intValue(name, a, argc - 5);
            int nzf = intValue(name, a, argc - 4);
            int nxf = intValue(name, a, argc - 3);
            int nzc = intValue(name, a, argc - 2);
            int nxc = intValue(name, a, argc - 1);
            if (nb < 1 || nzf < 1 || nxf < 1 || nzc != (nzf + 1) / 2 || nxc != (nxf + 1) / 2) {
                throw new IllegalArgumentException(name + ": fine " + nzf + " x " + nxf + " and coarse " + nzc + " x "
                        + nxc + " grids (batch " + nb + ") do not match; coarse must be ceil(fine / 2)");
            }
            checkArrays(a, (long) nb * nzf * nxf, (long) nb * nzc * nxc);
        }

        @Override
        public IndexRange range(Object[] a) {
            int nb = (Integer) a[argc - 5];
            int nz = (Integer) a[overCoarse ? argc - 2 : argc - 4];
            int nx = (Integer) a[overCoarse ? argc - 1 : argc - 3];
            return new IndexRange(0, nb * nz, 0, nx);
        }

        void need(Object[] a, int i, String what, long n) {
            minLength(name, what, doubles(name, a, i).length, n);
        }

        void needAll(Object[] a, long n, int from, int to, String... names) {
            for (int i = from; i < to; i++) {
                need(a, i, names[i - from], n);
            }
        }
    }

    /** One point per model: {@code (double[] partial, double[] state, int nb, int nz)}, partial has nb nz rows. */
    private abstract static class ScalarKernel implements Kernel {
        private final String name;

        ScalarKernel(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        abstract void model(int b, int nz, double[] partial, double[] state);

        @Override
        public void check(Object[] a) {
            count(name, a, 4);
            int nb = intValue(name, a, 2);
            int nz = intValue(name, a, 3);
            if (nb < 1 || nz < 1) {
                throw new IllegalArgumentException(name + ": nb and nz must be >= 1, got " + nb + ", " + nz);
            }
            minLength(name, "partial", doubles(name, a, 0).length, (long) nb * nz);
            minLength(name, "state", doubles(name, a, 1).length, (long) nb * DarcyKernels.STATE);
        }

        @Override
        public IndexRange range(Object[] a) {
            return IndexRange.of1d(0, (Integer) a[2]);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            double[] partial = (double[]) a[0];
            double[] state = (double[]) a[1];
            int nz = (Integer) a[3];
            for (int b = r0; b < r1; b++) {
                model(b, nz, partial, state);
            }
        }
    }
}
