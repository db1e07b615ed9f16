package dev.strata.kernels.acoustic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;
import dev.strata.kernels.VectorizedKernel;

/**
 * Per-point bodies and launchers of the convolutional PML of the second-order wave equation (Pasalic and McGarry
 * 2010, SEG Expanded Abstracts 2925; the form Deepwave uses), and of its exact discrete adjoint.
 *
 * <p>Per axis (x shown; z alike, with stride nx), with D1 and D2 the 8th-order first and second differences (h = 1),
 * a = exp(-(d + alpha) dt), b = d / (d + alpha) (a - 1), both zero-free only in the PML strip M of width w next to
 * the p = 0 frame (a = 1, b = 0 elsewhere):
 * <pre>
 *   psi^t  = M (a psi^{t-1} + b D1 u^t)
 *   zeta^t = M (a zeta^{t-1} + b (D2 u^t + D1 psi^t))
 *   u^{t+1} = 2 u^t - u^{t-1} + vc B^t,   B^t = L u^t + D1x psiX^t + D1z psiZ^t + zetaX^t + zetaZ^t
 * </pre>
 * The transpose, in the scaled adjoint Phi = vc Lambda (Lambda = dJ/du), with Q and P the adjoints of zeta and psi:
 * <pre>
 *   Q^t   = M (a Q^{t+1} + Phi^{t+1})
 *   P^t   = M (a P^{t+1} - D1 (Phi^{t+1} + b Q^t))
 *   Phi^t = 2 Phi^{t+1} - Phi^{t+2} + vc (L Phi^{t+1} + D2x(b Q) - D1x(b P) + D2z(b Q) - D1z(b P))   (+ vc R^T g_t)
 * </pre>
 * and dJ/dvc = (1 / vc) sum_t Phi^{t+1} (B^t + e_s w_t). Fields are {@code [nb][nz][nx]}; profiles are packed
 * {@code profX = [a(0..nx-1), b(0..nx-1)]}, {@code profZ} likewise over nz. The strips are the w points inside the
 * {@link AcousticKernels#RADIUS}-point frame on each side; terms that are exactly zero away from them are skipped.
 */
public final class CpmlKernels {
    private CpmlKernels() {
    }

    private static final int R = AcousticKernels.RADIUS;

    /** First-difference coefficients d_m, D1 p = sum_m d_m (p[+m] - p[-m]). */
    public static final float D1 = (float) (4.0 / 5.0);
    public static final float D2 = (float) (-1.0 / 5.0);
    public static final float D3 = (float) (4.0 / 105.0);
    public static final float D4 = (float) (-1.0 / 280.0);
    /** Centre coefficient of the 1-D second difference, -205/72. */
    public static final float C0 = (float) (-205.0 / 72.0);

    /** Whether index k of an axis of n points lies in a PML strip of width w. */
    public static boolean inStrip(int k, int n, int w) {
        return k < R + w || k >= n - R - w;
    }

    /** Whether index k lies within the stencil radius of a strip (where D1 of strip fields can be non-zero). */
    public static boolean nearStrip(int k, int n, int w) {
        return k < 2 * R + w || k >= n - 2 * R - w;
    }

    /** D1 along a stride s (1: x, nx: z) at flat index i. */
    public static float firstDifference(float[] p, int i, int s) {
        return D1 * (p[i + s] - p[i - s]) + D2 * (p[i + 2 * s] - p[i - 2 * s])
                + D3 * (p[i + 3 * s] - p[i - 3 * s]) + D4 * (p[i + 4 * s] - p[i - 4 * s]);
    }

    /** D2 along a stride s at flat index i. */
    public static float secondDifference(float[] p, int i, int s) {
        return C0 * p[i] + AcousticKernels.C1 * (p[i + s] + p[i - s]) + AcousticKernels.C2 * (p[i + 2 * s] + p[i - 2 * s])
                + AcousticKernels.C3 * (p[i + 3 * s] + p[i - 3 * s]) + AcousticKernels.C4 * (p[i + 4 * s] + p[i - 4 * s]);
    }

    /** D1 of (f + b q) along stride s, b read from {@code prof} at offset {@code bOff} + axis index k (k +- m). */
    public static float firstDifferenceOfSum(float[] f, float[] q, float[] prof, int bOff, int i, int k, int s) {
        return D1 * ((f[i + s] + prof[bOff + k + 1] * q[i + s]) - (f[i - s] + prof[bOff + k - 1] * q[i - s]))
                + D2 * ((f[i + 2 * s] + prof[bOff + k + 2] * q[i + 2 * s])
                        - (f[i - 2 * s] + prof[bOff + k - 2] * q[i - 2 * s]))
                + D3 * ((f[i + 3 * s] + prof[bOff + k + 3] * q[i + 3 * s])
                        - (f[i - 3 * s] + prof[bOff + k - 3] * q[i - 3 * s]))
                + D4 * ((f[i + 4 * s] + prof[bOff + k + 4] * q[i + 4 * s])
                        - (f[i - 4 * s] + prof[bOff + k - 4] * q[i - 4 * s]));
    }

    /** D2(b q) - D1(b p) along stride s, b from {@code prof} at {@code bOff} + axis index k +- m. */
    public static float adjointStripTerm(float[] q, float[] p, float[] prof, int bOff, int i, int k, int s) {
        float d2 = C0 * prof[bOff + k] * q[i]
                + AcousticKernels.C1 * (prof[bOff + k + 1] * q[i + s] + prof[bOff + k - 1] * q[i - s])
                + AcousticKernels.C2 * (prof[bOff + k + 2] * q[i + 2 * s] + prof[bOff + k - 2] * q[i - 2 * s])
                + AcousticKernels.C3 * (prof[bOff + k + 3] * q[i + 3 * s] + prof[bOff + k - 3] * q[i - 3 * s])
                + AcousticKernels.C4 * (prof[bOff + k + 4] * q[i + 4 * s] + prof[bOff + k - 4] * q[i - 4 * s]);
        float d1 = D1 * (prof[bOff + k + 1] * p[i + s] - prof[bOff + k - 1] * p[i - s])
                + D2 * (prof[bOff + k + 2] * p[i + 2 * s] - prof[bOff + k - 2] * p[i - 2 * s])
                + D3 * (prof[bOff + k + 3] * p[i + 3 * s] - prof[bOff + k - 3] * p[i - 3 * s])
                + D4 * (prof[bOff + k + 4] * p[i + 4 * s] - prof[bOff + k - 4] * p[i - 4 * s]);
        return d2 - d1;
    }

    /** psi^t = a psi^{t-1} + b D1 u^t in the strips of each axis; writes psiX, psiZ only. */
    public static void psi(int b, int iz, int ix, int nz, int nx, int w, float[] u, float[] psiX, float[] psiZ,
                           float[] profX, float[] profZ) {
        int i = (b * nz + iz) * nx + ix;
        if (inStrip(ix, nx, w)) {
            psiAlong(i, ix, nx, 1, u, psiX, profX);
        }
        if (inStrip(iz, nz, w)) {
            psiAlong(i, iz, nz, nx, u, psiZ, profZ);
        }
    }

    /** One axis of {@link #psi}: psi[i] = a[k] psi[i] + b[k] D1 u along stride s; n points on the axis. */
    public static void psiAlong(int i, int k, int n, int s, float[] u, float[] psi, float[] prof) {
        psi[i] = prof[k] * psi[i] + prof[n + k] * firstDifference(u, i, s);
    }

    /**
     * zeta^t in the strips, then u^{t+1} = 2 u^t - u^{t-1} + vc B^t over u^{t-1} in {@code uPrevNext}; writes
     * B^t to {@code bracket} if {@code storeBracket != 0}. Reads psi^t (already updated by {@link #psi}).
     */
    public static void step(int b, int iz, int ix, int nz, int nx, int w, float[] uPrevNext, float[] u, float[] vc,
                            float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ, float[] profX, float[] profZ,
                            float[] bracket, int storeBracket) {
        int i = (b * nz + iz) * nx + ix;
        float br = AcousticKernels.laplacian8(u, i, nx);
        if (inStrip(ix, nx, w)) {
            float dpsi = firstDifference(psiX, i, 1);
            float z = profX[ix] * zetaX[i] + profX[nx + ix] * (secondDifference(u, i, 1) + dpsi);
            zetaX[i] = z;
            br = br + (dpsi + z);
        } else if (nearStrip(ix, nx, w)) {
            br = br + firstDifference(psiX, i, 1);
        }
        if (inStrip(iz, nz, w)) {
            float dpsi = firstDifference(psiZ, i, nx);
            float z = profZ[iz] * zetaZ[i] + profZ[nz + iz] * (secondDifference(u, i, nx) + dpsi);
            zetaZ[i] = z;
            br = br + (dpsi + z);
        } else if (nearStrip(iz, nz, w)) {
            br = br + firstDifference(psiZ, i, nx);
        }
        uPrevNext[i] = 2.0f * u[i] - uPrevNext[i] + vc[i] * br;
        if (storeBracket != 0) {
            bracket[i] = br;
        }
    }

    /** Adjoint of zeta: Q^t = a Q^{t+1} + Phi^{t+1} in the strips; writes qX, qZ only. */
    public static void adjointZeta(int b, int iz, int ix, int nz, int nx, int w, float[] phi, float[] qX, float[] qZ,
                                   float[] profX, float[] profZ) {
        int i = (b * nz + iz) * nx + ix;
        if (inStrip(ix, nx, w)) {
            adjointZetaAlong(i, ix, phi, qX, profX);
        }
        if (inStrip(iz, nz, w)) {
            adjointZetaAlong(i, iz, phi, qZ, profZ);
        }
    }

    /** One axis of {@link #adjointZeta}: q[i] = a[k] q[i] + phi[i]. */
    public static void adjointZetaAlong(int i, int k, float[] phi, float[] q, float[] prof) {
        q[i] = prof[k] * q[i] + phi[i];
    }

    /** Adjoint of psi: P^t = a P^{t+1} - D1(Phi^{t+1} + b Q^t) in the strips; writes pX, pZ only. */
    public static void adjointPsi(int b, int iz, int ix, int nz, int nx, int w, float[] phi, float[] qX, float[] qZ,
                                  float[] pX, float[] pZ, float[] profX, float[] profZ) {
        int i = (b * nz + iz) * nx + ix;
        if (inStrip(ix, nx, w)) {
            adjointPsiAlong(i, ix, nx, 1, phi, qX, pX, profX);
        }
        if (inStrip(iz, nz, w)) {
            adjointPsiAlong(i, iz, nz, nx, phi, qZ, pZ, profZ);
        }
    }

    /** One axis of {@link #adjointPsi}: p[i] = a[k] p[i] - D1(phi + b q) along stride s; n points on the axis. */
    public static void adjointPsiAlong(int i, int k, int n, int s, float[] phi, float[] q, float[] p, float[] prof) {
        p[i] = prof[k] * p[i] - firstDifferenceOfSum(phi, q, prof, n, i, k, s);
    }

    /**
     * Phi^t = 2 Phi^{t+1} - Phi^{t+2} + vc (L Phi^{t+1} + D2(b Q^t) - D1(b P^t) per axis) over Phi^{t+2} in
     * {@code phiPrevNext}.
     */
    public static void adjointStep(int b, int iz, int ix, int nz, int nx, int w, float[] phiPrevNext, float[] phi,
                                   float[] vc, float[] qX, float[] qZ, float[] pX, float[] pZ, float[] profX,
                                   float[] profZ) {
        int i = (b * nz + iz) * nx + ix;
        float br = AcousticKernels.laplacian8(phi, i, nx);
        if (nearStrip(ix, nx, w)) {
            br = br + adjointStripTerm(qX, pX, profX, nx, i, ix, 1);
        }
        if (nearStrip(iz, nz, w)) {
            br = br + adjointStripTerm(qZ, pZ, profZ, nz, i, iz, nx);
        }
        phiPrevNext[i] = 2.0f * phi[i] - phiPrevNext[i] + vc[i] * br;
    }

    /**
     * Stores the PML state (psiX, psiZ, zetaX, zetaZ) at level t - 1 as checkpoint t / k of {@code aux}
     * ({@code [steps/k][4][fieldSize]}) when t = clock[0] is a multiple of k below {@code steps}.
     */
    public static void storeState(int i, float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ, float[] aux,
                                  int[] clock, int k, int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps && t % k == 0) {
            int base = (t / k) * 4 * fieldSize + i;
            aux[base] = psiX[i];
            aux[base + fieldSize] = psiZ[i];
            aux[base + 2 * fieldSize] = zetaX[i];
            aux[base + 3 * fieldSize] = zetaZ[i];
        }
    }

    /** Inverse of {@link #storeState} under the same condition. */
    public static void loadState(int i, float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ, float[] aux,
                                 int[] clock, int k, int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps && t % k == 0) {
            int base = (t / k) * 4 * fieldSize + i;
            psiX[i] = aux[base];
            psiZ[i] = aux[base + fieldSize];
            zetaX[i] = aux[base + 2 * fieldSize];
            zetaZ[i] = aux[base + 3 * fieldSize];
        }
    }

    /** {@code (psiX, psiZ, zetaX, zetaZ, float[] aux, int[] clock, int k, int steps, int rows, int nx)}. */
    public static final Kernel STORE_STATE = new StateCopy("acoustic.cpmlStoreState", true);

    /** Same arguments as {@link #STORE_STATE}; copies the other way. */
    public static final Kernel LOAD_STATE = new StateCopy("acoustic.cpmlLoadState", false);

    /** out[i] += a[i] b[i] at flat index i (the Born scattering source dvc B^t); writes out only. */
    public static void addProduct(int i, float[] out, float[] a, float[] b) {
        out[i] = out[i] + a[i] * b[i];
    }

    /**
     * {@code (float[] u, float[] psiX, float[] psiZ, float[] profX, float[] profZ, int w, int nb, int nz, int nx)};
     * interior rows.
     */
    public static final Kernel PSI = new VectorInteriorKernel("acoustic.cpmlPsi", 9, 5) {
        @Override
        void checkArrays(Object[] a, long field, int nz, int nx) {
            fields(name(), a, field, 0, 1, 2);
            profiles(name(), a, 3, 4, nz, nx);
        }

        @Override
        public void runRows(Object[] a, int rowStart, int rowEnd) {
            float[] u = (float[]) a[0];
            float[] px = (float[]) a[1];
            float[] pz = (float[]) a[2];
            float[] fx = (float[]) a[3];
            float[] fz = (float[]) a[4];
            int w = (Integer) a[5];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                boolean zStrip = inStrip(iz, nz, w);
                for (int ix = R; ix < nx - R; ix++) {
                    if (zStrip || inStrip(ix, nx, w)) {
                        psi(b, iz, ix, nz, nx, w, u, px, pz, fx, fz);
                    }
                }
            }
        }

        @Override
        public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
            float[] u = (float[]) a[0];
            float[] px = (float[]) a[1];
            float[] pz = (float[]) a[2];
            float[] fx = (float[]) a[3];
            float[] fz = (float[]) a[4];
            int w = (Integer) a[5];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            int vecEnd = R + (nx - 2 * R) / WaveStepKernel.lanes() * WaveStepKernel.lanes();
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                int base = (b * nz + iz) * nx;
                if (inStrip(iz, nz, w)) {
                    for (int ix = R; ix < vecEnd; ix += WaveStepKernel.lanes()) {
                        CpmlVectors.psiZ(u, pz, fz[iz], fz[nz + iz], base + ix, nx);
                    }
                    for (int ix = vecEnd; ix < nx - R; ix++) {
                        psiAlong(base + ix, iz, nz, nx, u, pz, fz);
                    }
                }
                for (int ix : stripColumns(nx, w)) {
                    psiAlong(base + ix, ix, nx, 1, u, px, fx);
                }
            }
        }
    };

    /**
     * {@code (float[] uPrevNext, float[] u, float[] vc, float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ,
     * float[] profX, float[] profZ, float[] bracket, int storeBracket, int w, int nb, int nz, int nx)}.
     */
    public static final Kernel STEP = new VectorInteriorKernel("acoustic.cpmlStep", 15, 11) {
        @Override
        void checkArrays(Object[] a, long field, int nz, int nx) {
            fields(name(), a, field, 0, 1, 2, 3, 4, 5, 6);
            profiles(name(), a, 7, 8, nz, nx);
            if (intValue(name(), a, 10) != 0) {
                fields(name(), a, field, 9);
            } else {
                floats(name(), a, 9);
            }
        }

        @Override
        public void runRows(Object[] a, int rowStart, int rowEnd) {
            float[] un = (float[]) a[0];
            float[] u = (float[]) a[1];
            float[] vc = (float[]) a[2];
            float[] px = (float[]) a[3];
            float[] pz = (float[]) a[4];
            float[] zx = (float[]) a[5];
            float[] zz = (float[]) a[6];
            float[] fx = (float[]) a[7];
            float[] fz = (float[]) a[8];
            float[] br = (float[]) a[9];
            int store = (Integer) a[10];
            int w = (Integer) a[11];
            int nz = (Integer) a[13];
            int nx = (Integer) a[14];
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                for (int ix = R; ix < nx - R; ix++) {
                    step(b, iz, ix, nz, nx, w, un, u, vc, px, pz, zx, zz, fx, fz, br, store);
                }
            }
        }

        @Override
        public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
            float[] un = (float[]) a[0];
            float[] u = (float[]) a[1];
            float[] vc = (float[]) a[2];
            float[] px = (float[]) a[3];
            float[] pz = (float[]) a[4];
            float[] zx = (float[]) a[5];
            float[] zz = (float[]) a[6];
            float[] fx = (float[]) a[7];
            float[] fz = (float[]) a[8];
            float[] br = (float[]) a[9];
            int store = (Integer) a[10];
            int w = (Integer) a[11];
            int nz = (Integer) a[13];
            int nx = (Integer) a[14];
            float[] lapOut = store != 0 ? br : null;
            int[] span = columnSpan(nx, w);
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                for (int ix = R; ix < span[0]; ix++) {
                    step(b, iz, ix, nz, nx, w, un, u, vc, px, pz, zx, zz, fx, fz, br, store);
                }
                int base = (b * nz + iz) * nx;
                if (nearStrip(iz, nz, w)) {
                    boolean zs = inStrip(iz, nz, w);
                    for (int ix = span[0]; ix < span[1]; ix += WaveStepKernel.lanes()) {
                        CpmlVectors.stepZ(un, u, vc, pz, zz, fz[iz], fz[nz + iz], zs, base + ix, nx, lapOut);
                    }
                } else {
                    for (int ix = span[0]; ix < span[1]; ix += WaveStepKernel.lanes()) {
                        CpmlVectors.plainStep(un, u, vc, base + ix, nx, lapOut);
                    }
                }
                for (int ix = span[1]; ix < nx - R; ix++) {
                    step(b, iz, ix, nz, nx, w, un, u, vc, px, pz, zx, zz, fx, fz, br, store);
                }
            }
        }
    };

    /** {@code (float[] phi, float[] qX, float[] qZ, float[] profX, float[] profZ, int w, int nb, int nz, int nx)}. */
    public static final Kernel ADJOINT_ZETA = new VectorInteriorKernel("acoustic.cpmlAdjointZeta", 9, 5) {
        @Override
        void checkArrays(Object[] a, long field, int nz, int nx) {
            fields(name(), a, field, 0, 1, 2);
            profiles(name(), a, 3, 4, nz, nx);
        }

        @Override
        public void runRows(Object[] a, int rowStart, int rowEnd) {
            float[] phi = (float[]) a[0];
            float[] qx = (float[]) a[1];
            float[] qz = (float[]) a[2];
            float[] fx = (float[]) a[3];
            float[] fz = (float[]) a[4];
            int w = (Integer) a[5];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                boolean zStrip = inStrip(iz, nz, w);
                for (int ix = R; ix < nx - R; ix++) {
                    if (zStrip || inStrip(ix, nx, w)) {
                        adjointZeta(b, iz, ix, nz, nx, w, phi, qx, qz, fx, fz);
                    }
                }
            }
        }

        @Override
        public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
            float[] phi = (float[]) a[0];
            float[] qx = (float[]) a[1];
            float[] qz = (float[]) a[2];
            float[] fx = (float[]) a[3];
            float[] fz = (float[]) a[4];
            int w = (Integer) a[5];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            int vecEnd = R + (nx - 2 * R) / WaveStepKernel.lanes() * WaveStepKernel.lanes();
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                int base = (b * nz + iz) * nx;
                if (inStrip(iz, nz, w)) {
                    for (int ix = R; ix < vecEnd; ix += WaveStepKernel.lanes()) {
                        CpmlVectors.adjointZetaZ(phi, qz, fz[iz], base + ix);
                    }
                    for (int ix = vecEnd; ix < nx - R; ix++) {
                        adjointZetaAlong(base + ix, iz, phi, qz, fz);
                    }
                }
                for (int ix : stripColumns(nx, w)) {
                    adjointZetaAlong(base + ix, ix, phi, qx, fx);
                }
            }
        }
    };

    /**
     * {@code (float[] phi, float[] qX, float[] qZ, float[] pX, float[] pZ, float[] profX, float[] profZ, int w, int nb,
     * int nz, int nx)}.
     */
    public static final Kernel ADJOINT_PSI = new VectorInteriorKernel("acoustic.cpmlAdjointPsi", 11, 7) {
        @Override
        void checkArrays(Object[] a, long field, int nz, int nx) {
            fields(name(), a, field, 0, 1, 2, 3, 4);
            profiles(name(), a, 5, 6, nz, nx);
        }

        @Override
        public void runRows(Object[] a, int rowStart, int rowEnd) {
            float[] phi = (float[]) a[0];
            float[] qx = (float[]) a[1];
            float[] qz = (float[]) a[2];
            float[] px = (float[]) a[3];
            float[] pz = (float[]) a[4];
            float[] fx = (float[]) a[5];
            float[] fz = (float[]) a[6];
            int w = (Integer) a[7];
            int nz = (Integer) a[9];
            int nx = (Integer) a[10];
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                boolean zStrip = inStrip(iz, nz, w);
                for (int ix = R; ix < nx - R; ix++) {
                    if (zStrip || inStrip(ix, nx, w)) {
                        adjointPsi(b, iz, ix, nz, nx, w, phi, qx, qz, px, pz, fx, fz);
                    }
                }
            }
        }

        @Override
        public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
            float[] phi = (float[]) a[0];
            float[] qx = (float[]) a[1];
            float[] qz = (float[]) a[2];
            float[] px = (float[]) a[3];
            float[] pz = (float[]) a[4];
            float[] fx = (float[]) a[5];
            float[] fz = (float[]) a[6];
            int w = (Integer) a[7];
            int nz = (Integer) a[9];
            int nx = (Integer) a[10];
            int vecEnd = R + (nx - 2 * R) / WaveStepKernel.lanes() * WaveStepKernel.lanes();
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                int base = (b * nz + iz) * nx;
                if (inStrip(iz, nz, w)) {
                    for (int ix = R; ix < vecEnd; ix += WaveStepKernel.lanes()) {
                        CpmlVectors.adjointPsiZ(phi, qz, pz, fz[iz], fz, nz + iz, base + ix, nx);
                    }
                    for (int ix = vecEnd; ix < nx - R; ix++) {
                        adjointPsiAlong(base + ix, iz, nz, nx, phi, qz, pz, fz);
                    }
                }
                for (int ix : stripColumns(nx, w)) {
                    adjointPsiAlong(base + ix, ix, nx, 1, phi, qx, px, fx);
                }
            }
        }
    };

    /**
     * {@code (float[] phiPrevNext, float[] phi, float[] vc, float[] qX, float[] qZ, float[] pX, float[] pZ,
     * float[] profX, float[] profZ, int w, int nb, int nz, int nx)}.
     */
    public static final Kernel ADJOINT_STEP = new VectorInteriorKernel("acoustic.cpmlAdjointStep", 13, 9) {
        @Override
        void checkArrays(Object[] a, long field, int nz, int nx) {
            fields(name(), a, field, 0, 1, 2, 3, 4, 5, 6);
            profiles(name(), a, 7, 8, nz, nx);
        }

        @Override
        public void runRows(Object[] a, int rowStart, int rowEnd) {
            float[] pn = (float[]) a[0];
            float[] phi = (float[]) a[1];
            float[] vc = (float[]) a[2];
            float[] qx = (float[]) a[3];
            float[] qz = (float[]) a[4];
            float[] px = (float[]) a[5];
            float[] pz = (float[]) a[6];
            float[] fx = (float[]) a[7];
            float[] fz = (float[]) a[8];
            int w = (Integer) a[9];
            int nz = (Integer) a[11];
            int nx = (Integer) a[12];
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                for (int ix = R; ix < nx - R; ix++) {
                    adjointStep(b, iz, ix, nz, nx, w, pn, phi, vc, qx, qz, px, pz, fx, fz);
                }
            }
        }

        @Override
        public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
            float[] pn = (float[]) a[0];
            float[] phi = (float[]) a[1];
            float[] vc = (float[]) a[2];
            float[] qx = (float[]) a[3];
            float[] qz = (float[]) a[4];
            float[] px = (float[]) a[5];
            float[] pz = (float[]) a[6];
            float[] fx = (float[]) a[7];
            float[] fz = (float[]) a[8];
            int w = (Integer) a[9];
            int nz = (Integer) a[11];
            int nx = (Integer) a[12];
            int[] span = columnSpan(nx, w);
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / (nz - 2 * R);
                int iz = R + row % (nz - 2 * R);
                for (int ix = R; ix < span[0]; ix++) {
                    adjointStep(b, iz, ix, nz, nx, w, pn, phi, vc, qx, qz, px, pz, fx, fz);
                }
                int base = (b * nz + iz) * nx;
                if (nearStrip(iz, nz, w)) {
                    for (int ix = span[0]; ix < span[1]; ix += WaveStepKernel.lanes()) {
                        CpmlVectors.adjointStepZ(pn, phi, vc, qz, pz, fz, nz + iz, base + ix, nx);
                    }
                } else {
                    for (int ix = span[0]; ix < span[1]; ix += WaveStepKernel.lanes()) {
                        CpmlVectors.plainStep(pn, phi, vc, base + ix, nx, null);
                    }
                }
                for (int ix = span[1]; ix < nx - R; ix++) {
                    adjointStep(b, iz, ix, nz, nx, w, pn, phi, vc, qx, qz, px, pz, fx, fz);
                }
            }
        }
    };

    /** {@code (float[] out, float[] a, float[] b, int rows, int nx)}: every point of rows x nx. */
    public static final Kernel ADD_PRODUCT = new Kernel() {
        @Override
        public String name() {
            return "acoustic.addProduct";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 5);
            long field = (long) intValue(name(), a, 3) * intValue(name(), a, 4);
            minLength(name(), "out", floats(name(), a, 0).length, field);
            minLength(name(), "a", floats(name(), a, 1).length, field);
            minLength(name(), "b", floats(name(), a, 2).length, field);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[3], 0, (Integer) a[4]);
        }

        @Override
        public void runRows(Object[] a, int row0, int row1) {
            int nx = (Integer) a[4];
            for (int i = row0 * nx; i < row1 * nx; i++) {
                addProduct(i, (float[]) a[0], (float[]) a[1], (float[]) a[2]);
            }
        }
    };

    /** Store or load of the PML state, gated by the clock like {@link CheckpointKernels#STORE_CHECKPOINT}. */
    private static final class StateCopy implements Kernel {
        private final String name;
        private final boolean store;

        StateCopy(String name, boolean store) {
            this.name = name;
            this.store = store;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void check(Object[] a) {
            count(name, a, 10);
            int k = intValue(name, a, 6);
            int steps = intValue(name, a, 7);
            long field = (long) intValue(name, a, 8) * intValue(name, a, 9);
            if (k < 1 || steps < 1 || field < 1) {
                throw new IllegalArgumentException(name + ": k, steps, rows and nx must be >= 1");
            }
            for (int j = 0; j < 4; j++) {
                minLength(name, "argument " + j, floats(name, a, j).length, field);
            }
            minLength(name, "aux", floats(name, a, 4).length, 4L * ((steps + k - 1) / k) * field);
            minLength(name, "clock", dev.strata.kernels.KernelArgs.ints(name, a, 5).length, 1);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[8], 0, (Integer) a[9]);
        }

        @Override
        public void runRows(Object[] a, int row0, int row1) {
            int[] clock = (int[]) a[5];
            int k = (Integer) a[6];
            int steps = (Integer) a[7];
            int t = clock[0];
            if (t < 0 || t >= steps || t % k != 0) {
                return;
            }
            int nx = (Integer) a[9];
            int field = (Integer) a[8] * nx;
            float[] px = (float[]) a[0];
            float[] pz = (float[]) a[1];
            float[] zx = (float[]) a[2];
            float[] zz = (float[]) a[3];
            float[] aux = (float[]) a[4];
            for (int i = row0 * nx; i < row1 * nx; i++) {
                if (store) {
                    storeState(i, px, pz, zx, zz, aux, clock, k, steps, field);
                } else {
                    loadState(i, px, pz, zx, zz, aux, clock, k, steps, field);
                }
            }
        }
    }

    /**
     * The columns [from, to) away from the x strips (where no x term of the PML enters), cut to a whole number of
     * vector lanes; {@code {nx - R, nx - R}} when there are none.
     */
    static int[] columnSpan(int nx, int w) {
        int from = 2 * R + w;
        int to = nx - 2 * R - w;
        if (to <= from) {
            return new int[] {nx - R, nx - R};
        }
        return new int[] {from, from + (to - from) / WaveStepKernel.lanes() * WaveStepKernel.lanes()};
    }

    /** The columns of the two x strips, R .. R + w - 1 and nx - R - w .. nx - R - 1. */
    static int[] stripColumns(int nx, int w) {
        int[] cols = new int[2 * w];
        for (int j = 0; j < w; j++) {
            cols[j] = R + j;
            cols[w + j] = nx - R - w + j;
        }
        return cols;
    }

    /** An {@link InteriorKernel} whose Vector API rows agree with the per-point body bit for bit. */
    private abstract static class VectorInteriorKernel extends InteriorKernel implements VectorizedKernel {
        VectorInteriorKernel(String name, int arity, int wIndex) {
            super(name, arity, wIndex);
        }
    }

    /** A launcher over the interior rows (batch, depth) of {@code [nb][nz][nx]} whose last four arguments are w, nb, nz, nx. */
    private abstract static class InteriorKernel implements Kernel {
        private final String name;
        private final int arity;
        private final int wIndex;

        InteriorKernel(String name, int arity, int wIndex) {
            this.name = name;
            this.arity = arity;
            this.wIndex = wIndex;
        }

        @Override
        public String name() {
            return name;
        }

        abstract void checkArrays(Object[] a, long field, int nz, int nx);

        @Override
        public void check(Object[] a) {
            count(name, a, arity);
            int w = intValue(name, a, wIndex);
            int nb = intValue(name, a, wIndex + 1);
            int nz = intValue(name, a, wIndex + 2);
            int nx = intValue(name, a, wIndex + 3);
            if (nb < 1 || w < 0 || nz < 2 * R + 2 * w + 1 || nx < 2 * R + 2 * w + 1) {
                throw new IllegalArgumentException(name + ": grid " + nb + " x " + nz + " x " + nx
                        + " cannot hold a frame of " + R + " and PML strips of " + w + " on each side");
            }
            checkArrays(a, (long) nb * nz * nx, nz, nx);
        }

        @Override
        public IndexRange range(Object[] a) {
            int nb = (Integer) a[wIndex + 1];
            int nz = (Integer) a[wIndex + 2];
            int nx = (Integer) a[wIndex + 3];
            return new IndexRange(0, nb * (nz - 2 * R), R, nx - R);
        }


        static void fields(String name, Object[] a, long field, int... indices) {
            for (int k : indices) {
                minLength(name, "argument " + k, floats(name, a, k).length, field);
            }
        }

        static void profiles(String name, Object[] a, int x, int z, int nz, int nx) {
            minLength(name, "profX", floats(name, a, x).length, 2L * nx);
            minLength(name, "profZ", floats(name, a, z).length, 2L * nz);
        }
    }
}
