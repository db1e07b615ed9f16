package dev.strata.kernels.acoustic;

import static dev.strata.kernels.acoustic.AcousticKernels.FIELD;
import static dev.strata.kernels.acoustic.AcousticKernels.FRAME;
import static dev.strata.kernels.acoustic.AcousticKernels.X_END;
import static dev.strata.kernels.acoustic.AcousticKernels.Z_END;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

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
 * {@code profX = [a(0..nx-1), b(0..nx-1)]}, {@code profZ} likewise over nz. Every field is stored through
 * {@link AcousticKernels#flushToZero}, as the sponge's steps are, and so is a stored bracket B^t. The strips are the
 * w points inside the {@link AcousticKernels#RADIUS}-point frame on each side; terms that are exactly zero away from
 * them are skipped.
 *
 * <p>Typed tasks: {@code CpmlTasks}. The stencils run over the interior rows (batch, depth) by interior columns,
 * except {@link #step}, which runs over every point (see there); {@link CpmlVectors} holds their Vector API rows,
 * which agree with these bodies bit for bit.
 */
public final class CpmlKernels {
    private CpmlKernels() {
    }

    private static final int R = AcousticKernels.RADIUS;

    /** What a CPML stencil requires: a batch whose grids hold the p = 0 frame and a strip of width w on each side. */
    static final String STRIPS = "nb >= 1 && w >= 0 && nz >= 2 * AcousticKernels.RADIUS + 2 * w + 1"
            + " && nx >= 2 * AcousticKernels.RADIUS + 2 * w + 1";

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

    /**
     * D2(b q) - D1(b p) along stride s (the differences of the fields b q and b p), b from {@code prof} at
     * {@code bOff} + axis index k +- m.
     */
    public static float adjointStripTerm(float[] q, float[] p, float[] prof, int bOff, int i, int k, int s) {
        float d2 = C0 * (prof[bOff + k] * q[i])
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
    @Kernel(requires = STRIPS, vectorRows = "CpmlVectors.psiRows")
    public static void psi(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                           @Index(from = FRAME, value = X_END) int ix, @Length(FIELD) float[] u,
                           @Writes @Length(FIELD) float[] psiX, @Writes @Length(FIELD) float[] psiZ,
                           @Length("2 * nx") float[] profX, @Length("2 * nz") float[] profZ, int w, int nz, int nx) {
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
        psi[i] = AcousticKernels.flushToZero(prof[k] * psi[i] + prof[n + k] * firstDifference(u, i, s));
    }

    /**
     * zeta^t in the strips, then u^{t+1} = 2 u^t - u^{t-1} + vc B^t over u^{t-1} in {@code uPrevNext} at the interior
     * points ({@link #interiorStep}); B^t is written to {@code bracket} if {@code storeBracket != 0}. Runs over every
     * point of {@code [nb][nz][nx]} so that a stored bracket is written in full, 0 on the p = 0 frame (where u is left
     * unchanged): a task that only writes an array is the first to use it in the operator's graphs, and TornadoVM
     * does not copy such an array to the device, so a frame left out would come back undefined and pollute the Born
     * scattering source and the CPML gradient. {@code bracket} needs one element per point only when stored.
     */
    @Kernel(requires = STRIPS, vectorRows = "CpmlVectors.stepRows")
    public static void step(@Index("nb") int b, @Index("nz") int iz, @Index("nx") int ix,
                            @Writes @Length(FIELD) float[] uPrevNext, @Length(FIELD) float[] u,
                            @Length(FIELD) float[] vc, @Length(FIELD) float[] psiX, @Length(FIELD) float[] psiZ,
                            @Writes @Length(FIELD) float[] zetaX, @Writes @Length(FIELD) float[] zetaZ,
                            @Length("2 * nx") float[] profX, @Length("2 * nz") float[] profZ,
                            @Writes @Length("storeBracket != 0 ? " + FIELD + " : 0") float[] bracket, int storeBracket,
                            int w, int nz, int nx) {
        if (iz >= R && iz < nz - R && ix >= R && ix < nx - R) {
            interiorStep(b, iz, ix, uPrevNext, u, vc, psiX, psiZ, zetaX, zetaZ, profX, profZ, bracket, storeBracket, 0,
                    w, nz, nx);
        } else if (storeBracket != 0) {
            bracket[(b * nz + iz) * nx + ix] = 0.0f;
        }
    }

    /**
     * {@link #step} of a gradient's source field that stores B^t, the factor its gradient pairs with the adjoint
     * field, straight into the snapshot ring: snapshots[slot(t) fieldSize + i] at t = clock[0] when 0 <= t < steps
     * (0 on the frame), the slot and gate of {@link CheckpointKernels#storeSnapshot}; so no bracket field is written
     * and copied. The same u^{t+1} and zeta bit for bit.
     */
    @Kernel(requires = {STRIPS, CheckpointKernels.INTERVAL, AcousticKernels.RING_OF_FIELDS},
            vectorRows = "CpmlVectors.stepIntoRingRows")
    public static void stepIntoRing(@Index("nb") int b, @Index("nz") int iz, @Index("nx") int ix,
                                    @Writes @Length(FIELD) float[] uPrevNext, @Length(FIELD) float[] u,
                                    @Length(FIELD) float[] vc, @Length(FIELD) float[] psiX, @Length(FIELD) float[] psiZ,
                                    @Writes @Length(FIELD) float[] zetaX, @Writes @Length(FIELD) float[] zetaZ,
                                    @Length("2 * nx") float[] profX, @Length("2 * nz") float[] profZ,
                                    @Writes @Length("2L * k * fieldSize") float[] snapshots, @Length("1") int[] clock,
                                    int k, int steps, int fieldSize, int w, int nz, int nx) {
        int t = clock[0];
        int store = t >= 0 && t < steps ? 1 : 0;
        int offset = store != 0 ? CheckpointKernels.snapshotSlot(t, k) * fieldSize : 0;
        if (iz >= R && iz < nz - R && ix >= R && ix < nx - R) {
            interiorStep(b, iz, ix, uPrevNext, u, vc, psiX, psiZ, zetaX, zetaZ, profX, profZ, snapshots, store, offset,
                    w, nz, nx);
        } else if (store != 0) {
            snapshots[offset + (b * nz + iz) * nx + ix] = 0.0f;
        }
    }

    /**
     * {@link #step} at an interior point (b, iz, ix), the bracket stored at {@code bracketOffset} + i. Reads psi^t
     * (already updated by {@link #psi}).
     */
    public static void interiorStep(int b, int iz, int ix, float[] uPrevNext, float[] u, float[] vc, float[] psiX,
                                    float[] psiZ, float[] zetaX, float[] zetaZ, float[] profX, float[] profZ,
                                    float[] bracket, int storeBracket, int bracketOffset, int w, int nz, int nx) {
        int i = (b * nz + iz) * nx + ix;
        float br = AcousticKernels.laplacian8(u, i, nx);
        if (inStrip(ix, nx, w)) {
            float dpsi = firstDifference(psiX, i, 1);
            float z = AcousticKernels.flushToZero(profX[ix] * zetaX[i] + profX[nx + ix] * (secondDifference(u, i, 1)
                    + dpsi));
            zetaX[i] = z;
            br = br + (dpsi + z);
        } else if (nearStrip(ix, nx, w)) {
            br = br + firstDifference(psiX, i, 1);
        }
        if (inStrip(iz, nz, w)) {
            float dpsi = firstDifference(psiZ, i, nx);
            float z = AcousticKernels.flushToZero(profZ[iz] * zetaZ[i] + profZ[nz + iz] * (secondDifference(u, i, nx)
                    + dpsi));
            zetaZ[i] = z;
            br = br + (dpsi + z);
        } else if (nearStrip(iz, nz, w)) {
            br = br + firstDifference(psiZ, i, nx);
        }
        uPrevNext[i] = AcousticKernels.flushToZero(2.0f * u[i] - uPrevNext[i] + vc[i] * br);
        if (storeBracket != 0) {
            bracket[bracketOffset + i] = AcousticKernels.flushToZero(br);
        }
    }

    /** Adjoint of zeta: Q^t = a Q^{t+1} + Phi^{t+1} in the strips; writes qX, qZ only. */
    @Kernel(requires = STRIPS, vectorRows = "CpmlVectors.adjointZetaRows")
    public static void adjointZeta(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                                   @Index(from = FRAME, value = X_END) int ix, @Length(FIELD) float[] phi,
                                   @Writes @Length(FIELD) float[] qX, @Writes @Length(FIELD) float[] qZ,
                                   @Length("2 * nx") float[] profX, @Length("2 * nz") float[] profZ, int w, int nz,
                                   int nx) {
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
        q[i] = AcousticKernels.flushToZero(prof[k] * q[i] + phi[i]);
    }

    /** Adjoint of psi: P^t = a P^{t+1} - D1(Phi^{t+1} + b Q^t) in the strips; writes pX, pZ only. */
    @Kernel(requires = STRIPS, vectorRows = "CpmlVectors.adjointPsiRows")
    public static void adjointPsi(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                                  @Index(from = FRAME, value = X_END) int ix, @Length(FIELD) float[] phi,
                                  @Length(FIELD) float[] qX, @Length(FIELD) float[] qZ,
                                  @Writes @Length(FIELD) float[] pX, @Writes @Length(FIELD) float[] pZ,
                                  @Length("2 * nx") float[] profX, @Length("2 * nz") float[] profZ, int w, int nz,
                                  int nx) {
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
        p[i] = AcousticKernels.flushToZero(prof[k] * p[i] - firstDifferenceOfSum(phi, q, prof, n, i, k, s));
    }

    /**
     * Phi^t = 2 Phi^{t+1} - Phi^{t+2} + vc (L Phi^{t+1} + D2(b Q^t) - D1(b P^t) per axis) over Phi^{t+2} in
     * {@code phiPrevNext}.
     */
    @Kernel(requires = STRIPS, vectorRows = "CpmlVectors.adjointStepRows")
    public static void adjointStep(@Index("nb") int b, @Index(from = FRAME, value = Z_END) int iz,
                                   @Index(from = FRAME, value = X_END) int ix,
                                   @Writes @Length(FIELD) float[] phiPrevNext, @Length(FIELD) float[] phi,
                                   @Length(FIELD) float[] vc, @Length(FIELD) float[] qX, @Length(FIELD) float[] qZ,
                                   @Length(FIELD) float[] pX, @Length(FIELD) float[] pZ,
                                   @Length("2 * nx") float[] profX, @Length("2 * nz") float[] profZ, int w, int nz,
                                   int nx) {
        int i = (b * nz + iz) * nx + ix;
        float br = AcousticKernels.laplacian8(phi, i, nx);
        if (nearStrip(ix, nx, w)) {
            br = br + adjointStripTerm(qX, pX, profX, nx, i, ix, 1);
        }
        if (nearStrip(iz, nz, w)) {
            br = br + adjointStripTerm(qZ, pZ, profZ, nz, i, iz, nx);
        }
        phiPrevNext[i] = AcousticKernels.flushToZero(2.0f * phi[i] - phiPrevNext[i] + vc[i] * br);
    }

    /**
     * Stores the PML state (psiX, psiZ, zetaX, zetaZ) at level t - 1 as checkpoint t / k of {@code aux}
     * ({@code [ceil(steps/k)][4][fieldSize]}) when t = clock[0] is a multiple of k below {@code steps}; every point.
     */
    @Kernel(requires = CheckpointKernels.INTERVAL, vectorRows = "CheckpointRows.storeStateRows")
    public static void storeState(@Index("fieldSize") int i, @Length("fieldSize") float[] psiX,
                                  @Length("fieldSize") float[] psiZ, @Length("fieldSize") float[] zetaX,
                                  @Length("fieldSize") float[] zetaZ,
                                  @Writes @Length("4L * ((steps + k - 1) / k) * fieldSize") float[] aux,
                                  @Length("1") int[] clock, int k, int steps, int fieldSize) {
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
    @Kernel(requires = CheckpointKernels.INTERVAL, vectorRows = "CheckpointRows.loadStateRows")
    public static void loadState(@Index("fieldSize") int i, @Writes @Length("fieldSize") float[] psiX,
                                 @Writes @Length("fieldSize") float[] psiZ, @Writes @Length("fieldSize") float[] zetaX,
                                 @Writes @Length("fieldSize") float[] zetaZ,
                                 @Length("4L * ((steps + k - 1) / k) * fieldSize") float[] aux,
                                 @Length("1") int[] clock, int k, int steps, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < steps && t % k == 0) {
            int base = (t / k) * 4 * fieldSize + i;
            psiX[i] = aux[base];
            psiZ[i] = aux[base + fieldSize];
            zetaX[i] = aux[base + 2 * fieldSize];
            zetaZ[i] = aux[base + 3 * fieldSize];
        }
    }

    /** out[i] += a[i] b[i] at every point i of n (the Born scattering source dvc B^t); writes out only. */
    @Kernel
    public static void addProduct(@Index("n") int i, @Writes @Length("n") float[] out, @Length("n") float[] a,
                                  @Length("n") float[] b) {
        out[i] = out[i] + a[i] * b[i];
    }
}
