package dev.strata.tornado;

import dev.strata.kernels.darcy.DarcyKernels;
import dev.strata.kernels.darcy.DarcyLaunchers;
import java.util.List;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.annotations.Parallel;

/**
 * TornadoVM launchers of the {@link DarcyKernels} bodies, one per {@link DarcyLaunchers} kernel, with that kernel's
 * argument order and range. Grid kernels run over rows (batch, depth) x columns; per-model scalar kernels
 * ({@code pcgInit} and the other PCG scalar steps) run one work item per model, each summing its rows serially, as
 * on the JVM. All arithmetic is in double (the device must support fp64).
 */
final class DarcyTornadoLaunchers {
    private DarcyTornadoLaunchers() {
    }

    /** {@link DarcyKernels#conductivity} over (b, z) rows x x. */
    static void conductivity(float[] logK, double[] k, int nb, int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.conductivity(row / nz, row % nz, x, nz, nx, logK, k);
            }
        }
    }

    /** {@link DarcyKernels#assemble} over (b, z) rows x x. */
    static void assemble(double[] k, double[] source, int[] bcType, double[] bcHead, double[] tE, double[] tS,
                         double[] diag, double[] rhs, int nb, int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.assemble(row / nz, row % nz, x, nz, nx, k, source, bcType, bcHead, tE, tS, diag, rhs);
            }
        }
    }

    /** {@link DarcyKernels#applyOperator} over (b, z) rows x x. */
    static void applyOperator(double[] tE, double[] tS, double[] diag, double[] p, double[] q, int nb, int nz,
                              int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.applyOperator(row / nz, row % nz, x, nz, nx, tE, tS, diag, p, q);
            }
        }
    }

    /** {@link DarcyKernels#smoothRedBlack} over (b, z) rows x the ceil(nx / 2) cells of one colour. */
    static void smoothRedBlack(double[] tE, double[] tS, double[] diag, double[] f, double[] e, int color,
                               int zeroGuess, int nb, int nz, int nx) {
        int rows = nb * nz;
        int half = (nx + 1) / 2;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int k = 0; k < half; k++) {
                DarcyKernels.smoothRedBlack(row / nz, row % nz, k, color, zeroGuess, nz, nx, tE, tS, diag, f, e);
            }
        }
    }

    /** {@link DarcyKernels#coarsestSolve}, one work item per model. */
    static void coarsestSolve(double[] tE, double[] tS, double[] diag, double[] f, double[] e, int sweeps, int nb,
                              int nz, int nx) {
        for (@Parallel int b = 0; b < nb; b++) {
            DarcyKernels.coarsestSolve(b, sweeps, nz, nx, tE, tS, diag, f, e);
        }
    }

    /** {@link DarcyKernels#coarsen} over the coarse grid's (b, Z) rows x X. */
    static void coarsen(double[] tE, double[] tS, double[] diag, double[] tEc, double[] tSc, double[] diagc, int nb,
                        int nzf, int nxf, int nzc, int nxc) {
        int rows = nb * nzc;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nxc; x++) {
                DarcyKernels.coarsen(row / nzc, row % nzc, x, nzf, nxf, nzc, nxc, tE, tS, diag, tEc, tSc, diagc);
            }
        }
    }

    /** {@link DarcyKernels#restrictResidual} over the coarse grid's (b, Z) rows x X. */
    static void restrictResidual(double[] tE, double[] tS, double[] diag, double[] f, double[] e, double[] fc, int nb,
                                 int nzf, int nxf, int nzc, int nxc) {
        int rows = nb * nzc;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nxc; x++) {
                DarcyKernels.restrictResidual(row / nzc, row % nzc, x, nzf, nxf, nzc, nxc, tE, tS, diag, f, e, fc);
            }
        }
    }

    /** {@link DarcyKernels#prolongAdd} over the fine grid's (b, z) rows x x. */
    static void prolongAdd(double[] ec, double[] e, int nb, int nzf, int nxf, int nzc, int nxc) {
        int rows = nb * nzf;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nxf; x++) {
                DarcyKernels.prolongAdd(row / nzf, row % nzf, x, nzf, nxf, nzc, nxc, ec, e);
            }
        }
    }

    /** {@link DarcyKernels#rowDot}, one work item per row. */
    static void rowDot(double[] u, double[] v, double[] partial, int rows, int nx) {
        for (@Parallel int row = 0; row < rows; row++) {
            DarcyKernels.rowDot(row, nx, u, v, partial);
        }
    }

    /** {@link DarcyKernels#copy} over (b, z) rows x x. */
    static void copy(double[] src, double[] dst, int nb, int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.copy(row / nz, row % nz, x, nz, nx, src, dst);
            }
        }
    }

    /** {@link DarcyKernels#pcgStart} over (b, z) rows x x. */
    static void pcgStart(double[] rhs, double[] sol, double[] r, int nb, int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.pcgStart(row / nz, row % nz, x, nz, nx, rhs, sol, r);
            }
        }
    }

    /** {@link DarcyKernels#updateDirection} over (b, z) rows x x. */
    static void updateDirection(double[] state, double[] z, double[] p, int nb, int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.updateDirection(row / nz, row % nz, x, nz, nx, state, z, p);
            }
        }
    }

    /** {@link DarcyKernels#updateSolution} over (b, z) rows x x. */
    static void updateSolution(double[] state, double[] p, double[] q, double[] sol, double[] r, int nb, int nz,
                               int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.updateSolution(row / nz, row % nz, x, nz, nx, state, p, q, sol, r);
            }
        }
    }

    /** {@link DarcyKernels#pcgInit}, one work item per model. */
    static void pcgInit(double[] partial, double[] state, int nb, int nz) {
        for (@Parallel int b = 0; b < nb; b++) {
            DarcyKernels.pcgInit(b, nz, partial, state);
        }
    }

    /** {@link DarcyKernels#pcgDirection}, one work item per model. */
    static void pcgDirection(double[] partial, double[] state, int nb, int nz) {
        for (@Parallel int b = 0; b < nb; b++) {
            DarcyKernels.pcgDirection(b, nz, partial, state);
        }
    }

    /** {@link DarcyKernels#pcgStepLength}, one work item per model. */
    static void pcgStepLength(double[] partial, double[] state, int nb, int nz) {
        for (@Parallel int b = 0; b < nb; b++) {
            DarcyKernels.pcgStepLength(b, nz, partial, state);
        }
    }

    /** {@link DarcyKernels#pcgCheck}, one work item per model. */
    static void pcgCheck(double[] partial, double[] state, int nb, int nz) {
        for (@Parallel int b = 0; b < nb; b++) {
            DarcyKernels.pcgCheck(b, nz, partial, state);
        }
    }

    /** {@link DarcyKernels#tangentSource} over (b, z) rows x x. */
    static void tangentSource(double[] k, double[] h, float[] dm, int[] bcType, double[] bcHead, double[] s, int nb,
                              int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.tangentSource(row / nz, row % nz, x, nz, nx, k, h, dm, bcType, bcHead, s);
            }
        }
    }

    /** {@link DarcyKernels#gradient} over (b, z) rows x x. */
    static void gradient(double[] k, double[] h, double[] lambda, int[] bcType, double[] bcHead, float[] g, int nb,
                         int nz, int nx) {
        int rows = nb * nz;
        for (@Parallel int row = 0; row < rows; row++) {
            for (@Parallel int x = 0; x < nx; x++) {
                DarcyKernels.gradient(row / nz, row % nz, x, nz, nx, k, h, lambda, bcType, bcHead, g);
            }
        }
    }

    /** {@link DarcyKernels#gather} over models x observations. */
    static void gather(int[] cells, double[] h, double[] obs, int nb, int ncell) {
        int nobs = cells.length;
        for (@Parallel int b = 0; b < nb; b++) {
            for (@Parallel int k = 0; k < nobs; k++) {
                DarcyKernels.gather(b, k, nobs, ncell, cells, h, obs);
            }
        }
    }

    /** Adds the launcher of Darcy kernel {@code kernel} as task {@code id}; false if it is not a Darcy kernel. */
    static boolean addTask(TaskGraph g, String id, String kernel, Object[] a) {
        switch (kernel) {
            case "darcy.conductivity" -> g.task(id, DarcyTornadoLaunchers::conductivity, (float[]) a[0],
                    (double[]) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4]);
            case "darcy.assemble" -> g.task(id, DarcyTornadoLaunchers::assemble, (double[]) a[0], (double[]) a[1],
                    (int[]) a[2], (double[]) a[3], (double[]) a[4], (double[]) a[5], (double[]) a[6], (double[]) a[7],
                    (Integer) a[8], (Integer) a[9], (Integer) a[10]);
            case "darcy.applyOperator" -> g.task(id, DarcyTornadoLaunchers::applyOperator, (double[]) a[0],
                    (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4], (Integer) a[5],
                    (Integer) a[6], (Integer) a[7]);
            case "darcy.smoothRedBlack" -> g.task(id, DarcyTornadoLaunchers::smoothRedBlack, (double[]) a[0],
                    (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4], (Integer) a[5],
                    (Integer) a[6], (Integer) a[7], (Integer) a[8], (Integer) a[9]);
            case "darcy.coarsestSolve" -> g.task(id, DarcyTornadoLaunchers::coarsestSolve, (double[]) a[0],
                    (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4], (Integer) a[5], (Integer) a[6],
                    (Integer) a[7], (Integer) a[8]);
            case "darcy.coarsen" -> g.task(id, DarcyTornadoLaunchers::coarsen, (double[]) a[0], (double[]) a[1],
                    (double[]) a[2], (double[]) a[3], (double[]) a[4], (double[]) a[5], (Integer) a[6],
                    (Integer) a[7], (Integer) a[8], (Integer) a[9], (Integer) a[10]);
            case "darcy.restrictResidual" -> g.task(id, DarcyTornadoLaunchers::restrictResidual, (double[]) a[0],
                    (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4], (double[]) a[5],
                    (Integer) a[6], (Integer) a[7], (Integer) a[8], (Integer) a[9], (Integer) a[10]);
            case "darcy.prolongAdd" -> g.task(id, DarcyTornadoLaunchers::prolongAdd, (double[]) a[0],
                    (double[]) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6]);
            case "darcy.rowDot" -> g.task(id, DarcyTornadoLaunchers::rowDot, (double[]) a[0], (double[]) a[1],
                    (double[]) a[2], (Integer) a[3], (Integer) a[4]);
            case "darcy.copy" -> g.task(id, DarcyTornadoLaunchers::copy, (double[]) a[0], (double[]) a[1],
                    (Integer) a[2], (Integer) a[3], (Integer) a[4]);
            case "darcy.pcgStart" -> g.task(id, DarcyTornadoLaunchers::pcgStart, (double[]) a[0], (double[]) a[1],
                    (double[]) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5]);
            case "darcy.updateDirection" -> g.task(id, DarcyTornadoLaunchers::updateDirection, (double[]) a[0],
                    (double[]) a[1], (double[]) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5]);
            case "darcy.updateSolution" -> g.task(id, DarcyTornadoLaunchers::updateSolution, (double[]) a[0],
                    (double[]) a[1], (double[]) a[2], (double[]) a[3], (double[]) a[4], (Integer) a[5],
                    (Integer) a[6], (Integer) a[7]);
            case "darcy.pcgInit" -> g.task(id, DarcyTornadoLaunchers::pcgInit, (double[]) a[0], (double[]) a[1],
                    (Integer) a[2], (Integer) a[3]);
            case "darcy.pcgDirection" -> g.task(id, DarcyTornadoLaunchers::pcgDirection, (double[]) a[0],
                    (double[]) a[1], (Integer) a[2], (Integer) a[3]);
            case "darcy.pcgStepLength" -> g.task(id, DarcyTornadoLaunchers::pcgStepLength, (double[]) a[0],
                    (double[]) a[1], (Integer) a[2], (Integer) a[3]);
            case "darcy.pcgCheck" -> g.task(id, DarcyTornadoLaunchers::pcgCheck, (double[]) a[0], (double[]) a[1],
                    (Integer) a[2], (Integer) a[3]);
            case "darcy.tangentSource" -> g.task(id, DarcyTornadoLaunchers::tangentSource, (double[]) a[0],
                    (double[]) a[1], (float[]) a[2], (int[]) a[3], (double[]) a[4], (double[]) a[5], (Integer) a[6],
                    (Integer) a[7], (Integer) a[8]);
            case "darcy.gradient" -> g.task(id, DarcyTornadoLaunchers::gradient, (double[]) a[0], (double[]) a[1],
                    (double[]) a[2], (int[]) a[3], (double[]) a[4], (float[]) a[5], (Integer) a[6], (Integer) a[7],
                    (Integer) a[8]);
            case "darcy.gather" -> g.task(id, DarcyTornadoLaunchers::gather, (int[]) a[0], (double[]) a[1],
                    (double[]) a[2], (Integer) a[3], (Integer) a[4]);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Names of the Darcy kernels {@link #addTask} launches (tests check them against {@link DarcyLaunchers}). */
    static List<String> kernelNames() {
        return List.of("darcy.conductivity", "darcy.assemble", "darcy.applyOperator", "darcy.smoothRedBlack",
                "darcy.coarsestSolve", "darcy.coarsen", "darcy.restrictResidual", "darcy.prolongAdd", "darcy.rowDot",
                "darcy.copy", "darcy.pcgStart", "darcy.updateDirection", "darcy.updateSolution", "darcy.pcgInit",
                "darcy.pcgDirection", "darcy.pcgStepLength", "darcy.pcgCheck", "darcy.tangentSource",
                "darcy.gradient", "darcy.gather");
    }
}
