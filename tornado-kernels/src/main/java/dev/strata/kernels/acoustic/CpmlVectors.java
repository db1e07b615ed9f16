package dev.strata.kernels.acoustic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API rows of the {@link CpmlKernels} stencils, named by their {@code @Kernel(vectorRows = ...)}: the same
 * contract as the generated row runners (the same rows, arguments in task order). A row goes in one pass a vector per
 * kernel: each vector loads the neighbours of a field once for every difference it needs, and where its lanes lie in,
 * near or away from an x strip, it keeps each lane's own terms by blends and stores under masks; a last vector that
 * would pass the interior ends at its edge over the one before and stores only its new lanes (Q, which needs no
 * neighbours, takes the columns left over one by one). Each lane performs the operations of its per-point body in the
 * same order, so that the results agree bit for bit (the JVM never fuses multiply-add on its own); a field value is
 * stored flushed as {@link AcousticKernels#flushToZero} stores it (a blend where |v| < TINY).
 *
 * <p>Every method here takes only arrays and scalars and calls no method of this project with a vector, and each is
 * small: the Vector API's own methods are always inlined, but a helper of ours that takes or returns a vector is
 * inlined or not as the JIT's budget decides, and where it is not, the vector is boxed and the Vector API runs its
 * Java fallback, many times slower; a vector method too large for C1 to compile never reaches C2 and stays there.
 */
final class CpmlVectors {
    private CpmlVectors() {
    }

    private static final VectorSpecies<Float> S = AcousticVectors.species();
    private static final int R = AcousticKernels.RADIUS;

    /** The first- and second-difference coefficients d_m and c_m by m (index 0 unused by the first). */
    private static final float[] FIRST = {0f, CpmlKernels.D1, CpmlKernels.D2, CpmlKernels.D3, CpmlKernels.D4};
    private static final float[] SECOND = {CpmlKernels.C0, AcousticKernels.C1, AcousticKernels.C2, AcousticKernels.C3,
        AcousticKernels.C4};

    /** Where a column or row stands to the strips of its axis: inside, within the stencil radius, or away. */
    static final int IN = 0;
    static final int NEAR = 1;
    static final int NONE = 2;

    /** The mode of index k on an axis of n points with strips of width w, as the bodies decide it. */
    static int mode(int k, int n, int w) {
        return CpmlKernels.inStrip(k, n, w) ? IN : CpmlKernels.nearStrip(k, n, w) ? NEAR : NONE;
    }

    /**
     * The interior columns [R, nx - R) as runs of one mode, {from, to, mode}, in order, covering each column once.
     */
    static int[][] xSegments(int nx, int w) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        for (int ix = R; ix < nx - R; ix++) {
            int mode = mode(ix, nx, w);
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[2] == mode) {
                last[1] = ix + 1;
            } else {
                runs.add(new int[] {ix, ix + 1, mode});
            }
        }
        return runs.toArray(new int[0][]);
    }

    /**
     * {@link CpmlKernels#psi} over interior rows [rowStart, rowEnd), a vector at a time: psiZ over the whole row in a
     * z strip ({@link #psiRowZ}), psiX at the columns of the x strips ({@link #psiRowX}).
     */
    static void psiRows(int rowStart, int rowEnd, float[] u, float[] px, float[] pz, float[] fx, float[] fz, int w,
                        int nz, int nx, int nb) {
        if (AcousticVectors.narrowRows(rowStart, rowEnd, nz, nx,
                (m, iz, ix) -> CpmlKernels.psi(m, iz, ix, u, px, pz, fx, fz, w, nz, nx))) {
            return;
        }
        boolean[] in = new SideColumns(w, nx).in();
        AcousticVectors.interiorRows(rowStart, rowEnd, nz, nx, (m, iz, base) -> {
            if (CpmlKernels.inStrip(iz, nz, w)) {
                psiRowZ(u, pz, fz[iz], fz[nz + iz], base, nx);
            }
            psiRowX(u, px, fx, in, base, R, R + w, nx);
            psiRowX(u, px, fx, in, base, nx - R - w, nx - R, nx);
        });
    }

    /**
     * psiX = a psiX + b D1x u at the columns [from, to) of the row at {@code base} that lie in an x strip
     * ({@code in}), a = fx[ix], b = fx[nx + ix]; a last vector that would pass nx - R ends there instead and stores
     * only its lanes from its column on.
     */
    private static void psiRowX(float[] u, float[] px, float[] fx, boolean[] in, int base, int from, int to, int nx) {
        for (int col = from; col < to; col += S.length()) {
            int ix = Math.min(col, nx - R - S.length());
            int i = base + ix;
            FloatVector d1 = FloatVector.zero(S);
            for (int m = 1; m <= R; m++) {
                FloatVector t = FloatVector.fromArray(S, u, i + m).sub(FloatVector.fromArray(S, u, i - m))
                        .mul(FIRST[m]);
                d1 = m == 1 ? t : d1.add(t);
            }
            FloatVector next = FloatVector.fromArray(S, fx, ix).mul(FloatVector.fromArray(S, px, i))
                    .add(FloatVector.fromArray(S, fx, nx + ix).mul(d1));
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY))
                    .intoArray(px, i, VectorMask.fromArray(S, in, ix).and(S.indexInRange(ix - col, to - col)));
        }
    }

    /**
     * psiZ = a psiZ + b D1z u at every interior column of a row in a z strip of profile a, b at this depth, the last
     * vector as {@link #psiRowX}'s.
     */
    private static void psiRowZ(float[] u, float[] pz, float a, float b, int base, int nx) {
        int to = nx - R;
        for (int col = R; col < to; col += S.length()) {
            int ix = Math.min(col, to - S.length());
            int i = base + ix;
            FloatVector d1 = FloatVector.zero(S);
            for (int m = 1; m <= R; m++) {
                FloatVector t = FloatVector.fromArray(S, u, i + m * nx).sub(FloatVector.fromArray(S, u, i - m * nx))
                        .mul(FIRST[m]);
                d1 = m == 1 ? t : d1.add(t);
            }
            FloatVector next = FloatVector.fromArray(S, pz, i).mul(a).add(d1.mul(b));
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY)).intoArray(pz, i, S.indexInRange(ix - col, to - col));
        }
    }

    /**
     * {@link CpmlKernels#step} over rows [rowStart, rowEnd) of every point: on the frame rows and columns it does
     * what the body does there (the bracket, when stored, is 0; u is left alone), and a row narrower than a vector
     * runs the body itself. An interior row goes in one pass a vector: the whole vectors of the middle run of columns
     * away from the x strips ({@link #middleVectors}) by {@link #middleRow}, or in a row in or near a z strip by
     * {@link #sideRow} without x terms, the columns on either side of it, which hold the x strips, by
     * {@link #sideRow}, each a method small enough for every tier of the JIT.
     */
    static void stepRows(int rowStart, int rowEnd, float[] un, float[] u, float[] vc, float[] px, float[] pz,
                         float[] zx, float[] zz, float[] fx, float[] fz, float[] br, int store, int w, int nz, int nx,
                         int nb) {
        if (!AcousticVectors.rowFitsVectors(nx)) {
            for (int r = rowStart; r < rowEnd; r++) {
                for (int ix = 0; ix < nx; ix++) {
                    CpmlKernels.step(r / nz, r % nz, ix, un, u, vc, px, pz, zx, zz, fx, fz, br, store, w, nz, nx);
                }
            }
            return;
        }
        stepVectorRows(rowStart, rowEnd, un, u, vc, px, pz, zx, zz, fx, fz, store != 0 ? br : null, 0, w, nz, nx);
    }

    /**
     * {@link CpmlKernels#stepIntoRing} over rows [rowStart, rowEnd) of every point, as {@link #stepRows} with the
     * bracket at the ring's slot of t = clock[0] (read once), or none where t is past the ring's steps.
     */
    static void stepIntoRingRows(int rowStart, int rowEnd, float[] un, float[] u, float[] vc, float[] px, float[] pz,
                                 float[] zx, float[] zz, float[] fx, float[] fz, float[] snapshots, int[] clock, int k,
                                 int steps, int fieldSize, int w, int nz, int nx, int nb) {
        if (!AcousticVectors.rowFitsVectors(nx)) {
            for (int r = rowStart; r < rowEnd; r++) {
                for (int ix = 0; ix < nx; ix++) {
                    CpmlKernels.stepIntoRing(r / nz, r % nz, ix, un, u, vc, px, pz, zx, zz, fx, fz, snapshots, clock,
                            k, steps, fieldSize, w, nz, nx);
                }
            }
            return;
        }
        int t = clock[0];
        boolean store = t >= 0 && t < steps;
        stepVectorRows(rowStart, rowEnd, un, u, vc, px, pz, zx, zz, fx, fz, store ? snapshots : null,
                store ? CheckpointKernels.snapshotSlot(t, k) * fieldSize : 0, w, nz, nx);
    }

    /**
     * The rows of {@link #stepRows} on rows that fit vectors, the bracket stored at {@code bo} + i where
     * {@code bracket} is not null.
     */
    private static void stepVectorRows(int rowStart, int rowEnd, float[] un, float[] u, float[] vc, float[] px,
                                       float[] pz, float[] zx, float[] zz, float[] fx, float[] fz, float[] bracket,
                                       int bo, int w, int nz, int nx) {
        int[] middle = middleVectors(xSegments(nx, w));
        SideColumns sides = new SideColumns(w, nx);
        for (int r = rowStart; r < rowEnd; r++) {
            int iz = r % nz;
            int base = r * nx;
            if (iz < R || iz >= nz - R) { // the body's frame: u unchanged, bracket 0
                if (bracket != null) {
                    java.util.Arrays.fill(bracket, bo + base, bo + base + nx, 0.0f);
                }
                continue;
            }
            if (bracket != null) {
                java.util.Arrays.fill(bracket, bo + base, bo + base + R, 0.0f);
                java.util.Arrays.fill(bracket, bo + base + nx - R, bo + base + nx, 0.0f);
            }
            int zMode = mode(iz, nz, w);
            float az = fz[iz];
            float bz = fz[nz + iz];
            if (zMode == NONE) {
                middleRow(un, u, vc, bracket, bo, base, middle[0], middle[1], nx);
            } else {
                sideRow(un, u, vc, px, pz, zx, zz, sides, fx, false, zMode, az, bz, bracket, bo, base, middle[0],
                        middle[1], nx);
            }
            sideRow(un, u, vc, px, pz, zx, zz, sides, fx, true, zMode, az, bz, bracket, bo, base, R, middle[0], nx);
            sideRow(un, u, vc, px, pz, zx, zz, sides, fx, true, zMode, az, bz, bracket, bo, base, middle[1], nx - R,
                    nx);
        }
    }

    /** Which interior columns of a row lie in an x strip, and which near one (mode {@link #IN}, {@link #NEAR}). */
    record SideColumns(boolean[] in, boolean[] near) {
        SideColumns(int w, int nx) {
            this(new boolean[nx], new boolean[nx]);
            for (int ix = R; ix < nx - R; ix++) {
                in[ix] = mode(ix, nx, w) == IN;
                near[ix] = mode(ix, nx, w) == NEAR;
            }
        }
    }

    /**
     * The step at the columns [from, to) of an interior row, a vector at a time; a last vector that would pass nx - R
     * ends there instead and stores only its lanes from its column on, which read u^{t-1} and zeta before any store:
     * B^t = lap8(u), plus with {@code xStrips} in the lanes of a column in an x strip (D1x psiX + zetaX) with
     * zetaX = a zetaX + b (D2x u + D1x psiX) written back, or in those near one D1x psiX; then in a row in a z strip
     * (profile az, bz) D1z psiZ + zetaZ with zetaZ = az zetaZ + bz (D2z u + D1z psiZ) written back, or near one
     * D1z psiZ; and the update. The x neighbours of u are loaded once for lap8 and D2x, the z neighbours once for lap8
     * and D2z; every lane gets the operations of its body in their order.
     */
    private static void sideRow(float[] pn, float[] p, float[] vc, float[] px, float[] pz, float[] zx, float[] zz,
                                SideColumns cols, float[] fx, boolean xStrips, int zMode, float az, float bz,
                                float[] bracket, int bracketOffset, int base, int from, int to, int nx) {
        for (int col = from; col < to; col += S.length()) {
            int ix = Math.min(col, nx - R - S.length());
            int i = base + ix;
            VectorMask<Float> stored = S.indexInRange(ix - col, to - col);
            FloatVector c = FloatVector.fromArray(S, p, i);
            FloatVector lap = c.mul(AcousticKernels.C0X2);
            FloatVector d2x = c.mul(SECOND[0]);
            FloatVector d2z = d2x;
            FloatVector dpsiX = FloatVector.zero(S);
            FloatVector dpsiZ = FloatVector.zero(S);
            for (int m = 1; m <= R; m++) {
                FloatVector x = FloatVector.fromArray(S, p, i + m).add(FloatVector.fromArray(S, p, i - m));
                FloatVector z = FloatVector.fromArray(S, p, i + m * nx).add(FloatVector.fromArray(S, p, i - m * nx));
                lap = lap.add(x.add(z).mul(SECOND[m]));
                if (xStrips) {
                    d2x = d2x.add(x.mul(SECOND[m]));
                    FloatVector tx = FloatVector.fromArray(S, px, i + m).sub(FloatVector.fromArray(S, px, i - m))
                            .mul(FIRST[m]);
                    dpsiX = m == 1 ? tx : dpsiX.add(tx);
                }
                if (zMode != NONE) {
                    d2z = d2z.add(z.mul(SECOND[m]));
                    FloatVector tz = FloatVector.fromArray(S, pz, i + m * nx)
                            .sub(FloatVector.fromArray(S, pz, i - m * nx)).mul(FIRST[m]);
                    dpsiZ = m == 1 ? tz : dpsiZ.add(tz);
                }
            }
            FloatVector br = lap;
            if (xStrips) {
                VectorMask<Float> in = VectorMask.fromArray(S, cols.in(), ix).and(stored);
                VectorMask<Float> near = VectorMask.fromArray(S, cols.near(), ix);
                FloatVector sumX = FloatVector.fromArray(S, fx, ix).mul(FloatVector.fromArray(S, zx, i))
                        .add(FloatVector.fromArray(S, fx, nx + ix).mul(d2x.add(dpsiX)));
                FloatVector zetaX = sumX.blend(0.0f, sumX.abs().lt(AcousticKernels.TINY));
                zetaX.intoArray(zx, i, in);
                br = lap.blend(lap.add(dpsiX), near).blend(lap.add(dpsiX.add(zetaX)), in);
            }
            if (zMode == IN) {
                FloatVector sumZ = FloatVector.fromArray(S, zz, i).mul(az).add(d2z.add(dpsiZ).mul(bz));
                FloatVector zetaZ = sumZ.blend(0.0f, sumZ.abs().lt(AcousticKernels.TINY));
                zetaZ.intoArray(zz, i, stored);
                br = br.add(dpsiZ.add(zetaZ));
            } else if (zMode == NEAR) {
                br = br.add(dpsiZ);
            }
            FloatVector next = c.mul(2.0f).sub(FloatVector.fromArray(S, pn, i))
                    .add(FloatVector.fromArray(S, vc, i).mul(br));
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY)).intoArray(pn, i, stored);
            if (bracket != null) {
                br.blend(0.0f, br.abs().lt(AcousticKernels.TINY)).intoArray(bracket, bracketOffset + i, stored);
            }
        }
    }

    /**
     * The whole vectors, on the grid of vectors from column R, inside the longest run of columns away from the x strips
     * (mode {@link #NONE}), as {from, to}; {R, R} where none fits. On that grid the columns before them are whole
     * vectors too, which the passes of the other columns cover with no column left over. Every x segment of another
     * mode lies outside them.
     */
    static int[] middleVectors(int[][] segments) {
        int lanes = S.length();
        int[] best = {R, R};
        for (int[] seg : segments) {
            int from = R + (seg[0] - R + lanes - 1) / lanes * lanes;
            int to = from + Math.max(0, seg[1] - from) / lanes * lanes;
            if (seg[2] == NONE && to - from > best[1] - best[0]) {
                best = new int[] {from, to};
            }
        }
        return best;
    }

    /**
     * u^{t+1} over u^{t-1} in {@code pn} at the whole vectors of columns [from, to) of a row away from the z strips,
     * B^t = lap8(u), the operations of the bodies in their order; B^t also into {@code bracket} where that is not null.
     */
    private static void middleRow(float[] pn, float[] p, float[] vc, float[] bracket, int bracketOffset, int base,
                                  int from, int to, int nx) {
        for (int ix = from; ix < to; ix += S.length()) {
            int i = base + ix;
            FloatVector c = FloatVector.fromArray(S, p, i);
            FloatVector br = c.mul(AcousticKernels.C0X2);
            for (int m = 1; m <= R; m++) {
                FloatVector x = FloatVector.fromArray(S, p, i + m).add(FloatVector.fromArray(S, p, i - m));
                FloatVector z = FloatVector.fromArray(S, p, i + m * nx).add(FloatVector.fromArray(S, p, i - m * nx));
                br = br.add(x.add(z).mul(SECOND[m]));
            }
            FloatVector next = c.mul(2.0f).sub(FloatVector.fromArray(S, pn, i))
                    .add(FloatVector.fromArray(S, vc, i).mul(br));
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY)).intoArray(pn, i);
            if (bracket != null) {
                br.blend(0.0f, br.abs().lt(AcousticKernels.TINY)).intoArray(bracket, bracketOffset + i);
            }
        }
    }

    /** {@link CpmlKernels#adjointZeta} over interior rows [rowStart, rowEnd), a spread over a scratch row in z. */
    static void adjointZetaRows(int rowStart, int rowEnd, float[] phi, float[] qx, float[] qz, float[] fx, float[] fz,
                                int w, int nz, int nx, int nb) {
        float[] a = new float[nx];
        AcousticVectors.interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            if (CpmlKernels.inStrip(iz, nz, w)) {
                java.util.Arrays.fill(a, fz[iz]);
                adjointZeta(phi, qz, a, base, R, nx - R);
            }
            adjointZeta(phi, qx, fx, base, R, R + w);
            adjointZeta(phi, qx, fx, base, nx - R - w, nx - R);
        });
    }

    /** q = a q + phi over columns [from, to), a = fa[ix] per column. */
    private static void adjointZeta(float[] phi, float[] q, float[] fa, int base, int from, int to) {
        int ix = from;
        for (; ix + S.length() <= to; ix += S.length()) {
            int i = base + ix;
            FloatVector next = FloatVector.fromArray(S, fa, ix).mul(FloatVector.fromArray(S, q, i))
                    .add(FloatVector.fromArray(S, phi, i));
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY)).intoArray(q, i);
        }
        for (; ix < to; ix++) {
            q[base + ix] = AcousticKernels.flushToZero(fa[ix] * q[base + ix] + phi[base + ix]);
        }
    }

    /**
     * {@link CpmlKernels#adjointPsi} over interior rows [rowStart, rowEnd), a vector at a time as {@link #psiRows}:
     * P in z over the whole row in a z strip ({@link #adjointPsiRowZ}), P in x at the columns of the x strips
     * ({@link #adjointPsiRowX}).
     */
    static void adjointPsiRows(int rowStart, int rowEnd, float[] phi, float[] qx, float[] qz, float[] px, float[] pz,
                               float[] fx, float[] fz, int w, int nz, int nx, int nb) {
        if (AcousticVectors.narrowRows(rowStart, rowEnd, nz, nx,
                (b, iz, ix) -> CpmlKernels.adjointPsi(b, iz, ix, phi, qx, qz, px, pz, fx, fz, w, nz, nx))) {
            return;
        }
        boolean[] in = new SideColumns(w, nx).in();
        AcousticVectors.interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            if (CpmlKernels.inStrip(iz, nz, w)) {
                adjointPsiRowZ(phi, qz, pz, fz, iz, nz, base, nx);
            }
            adjointPsiRowX(phi, qx, px, fx, in, base, R, R + w, nx);
            adjointPsiRowX(phi, qx, px, fx, in, base, nx - R - w, nx - R, nx);
        });
    }

    /**
     * P = a P - D1x(Phi + b Q) at the columns [from, to) of the row at {@code base} that lie in an x strip, a = fx[ix],
     * b = fx[nx + ix +- m] for the column m to the right or left, the last vector as {@link #psiRowX}'s.
     */
    private static void adjointPsiRowX(float[] phi, float[] q, float[] p, float[] fx, boolean[] in, int base, int from,
                                       int to, int nx) {
        for (int col = from; col < to; col += S.length()) {
            int ix = Math.min(col, nx - R - S.length());
            int i = base + ix;
            FloatVector d1 = FloatVector.zero(S);
            for (int m = 1; m <= R; m++) {
                FloatVector plus = FloatVector.fromArray(S, phi, i + m)
                        .add(FloatVector.fromArray(S, fx, nx + ix + m).mul(FloatVector.fromArray(S, q, i + m)));
                FloatVector minus = FloatVector.fromArray(S, phi, i - m)
                        .add(FloatVector.fromArray(S, fx, nx + ix - m).mul(FloatVector.fromArray(S, q, i - m)));
                FloatVector t = plus.sub(minus).mul(FIRST[m]);
                d1 = m == 1 ? t : d1.add(t);
            }
            FloatVector next = FloatVector.fromArray(S, fx, ix).mul(FloatVector.fromArray(S, p, i)).sub(d1);
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY))
                    .intoArray(p, i, VectorMask.fromArray(S, in, ix).and(S.indexInRange(ix - col, to - col)));
        }
    }

    /**
     * P = a P - D1z(Phi + b Q) at every interior column of the row at depth iz in a z strip, a = fz[iz],
     * b = fz[nz + iz +- m] for the row m below or above, the last vector as {@link #psiRowX}'s.
     */
    private static void adjointPsiRowZ(float[] phi, float[] q, float[] p, float[] fz, int iz, int nz, int base,
                                       int nx) {
        int to = nx - R;
        int k = nz + iz;
        for (int col = R; col < to; col += S.length()) {
            int ix = Math.min(col, to - S.length());
            int i = base + ix;
            FloatVector d1 = FloatVector.zero(S);
            for (int m = 1; m <= R; m++) {
                FloatVector plus = FloatVector.fromArray(S, phi, i + m * nx)
                        .add(FloatVector.fromArray(S, q, i + m * nx).mul(fz[k + m]));
                FloatVector minus = FloatVector.fromArray(S, phi, i - m * nx)
                        .add(FloatVector.fromArray(S, q, i - m * nx).mul(fz[k - m]));
                FloatVector t = plus.sub(minus).mul(FIRST[m]);
                d1 = m == 1 ? t : d1.add(t);
            }
            FloatVector next = FloatVector.fromArray(S, p, i).mul(fz[iz]).sub(d1);
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY)).intoArray(p, i, S.indexInRange(ix - col, to - col));
        }
    }

    /**
     * {@link CpmlKernels#adjointStep} over interior rows [rowStart, rowEnd) in one pass a vector, as {@link #stepRows}:
     * the middle vectors away from the x strips by {@link #middleRow}, or in a row near a z strip by
     * {@link #adjointSide} without x terms, and the columns on either side of them by {@link #adjointSide}.
     */
    static void adjointStepRows(int rowStart, int rowEnd, float[] pn, float[] phi, float[] vc, float[] qx, float[] qz,
                                float[] px, float[] pz, float[] fx, float[] fz, int w, int nz, int nx, int nb) {
        if (AcousticVectors.narrowRows(rowStart, rowEnd, nz, nx,
                (b, iz, ix) -> CpmlKernels.adjointStep(b, iz, ix, pn, phi, vc, qx, qz, px, pz, fx, fz, w, nz, nx))) {
            return;
        }
        int[] middle = middleVectors(xSegments(nx, w));
        SideColumns sides = new SideColumns(w, nx);
        AcousticVectors.interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            boolean zNear = CpmlKernels.nearStrip(iz, nz, w);
            int k = nz + iz;
            if (zNear) {
                adjointSide(pn, phi, vc, qx, px, qz, pz, fx, fz, sides, false, true, k, base, middle[0], middle[1], nx);
            } else {
                middleRow(pn, phi, vc, null, 0, base, middle[0], middle[1], nx);
            }
            adjointSide(pn, phi, vc, qx, px, qz, pz, fx, fz, sides, true, zNear, k, base, R, middle[0], nx);
            adjointSide(pn, phi, vc, qx, px, qz, pz, fx, fz, sides, true, zNear, k, base, middle[1], nx - R, nx);
        });
    }

    /**
     * The adjoint step at the columns [from, to) of an interior row, the last vector as in {@link #sideRow}:
     * B = lap8(Phi), plus with {@code xStrips} in the lanes in or near an x strip D2x(b qX) - D1x(b pX)
     * (b = fx[nx + ix +- m]), plus in a row near a z strip D2z(b qZ) - D1z(b pZ) (b = fz[k +- m]); then the update.
     */
    private static void adjointSide(float[] pn, float[] phi, float[] vc, float[] qx, float[] px, float[] qz,
                                    float[] pz, float[] fx, float[] fz, SideColumns cols, boolean xStrips,
                                    boolean zNear, int k, int base, int from, int to, int nx) {
        for (int col = from; col < to; col += S.length()) {
            int ix = Math.min(col, nx - R - S.length());
            int i = base + ix;
            FloatVector c = FloatVector.fromArray(S, phi, i);
            FloatVector lap = c.mul(AcousticKernels.C0X2);
            for (int m = 1; m <= R; m++) {
                FloatVector x = FloatVector.fromArray(S, phi, i + m).add(FloatVector.fromArray(S, phi, i - m));
                FloatVector z = FloatVector.fromArray(S, phi, i + m * nx)
                        .add(FloatVector.fromArray(S, phi, i - m * nx));
                lap = lap.add(x.add(z).mul(SECOND[m]));
            }
            FloatVector br = lap;
            if (xStrips) {
                int b = nx + ix;
                FloatVector d2 = FloatVector.fromArray(S, fx, b).mul(FloatVector.fromArray(S, qx, i)).mul(SECOND[0]);
                FloatVector d1 = FloatVector.zero(S);
                for (int m = 1; m <= R; m++) {
                    FloatVector bPlus = FloatVector.fromArray(S, fx, b + m);
                    FloatVector bMinus = FloatVector.fromArray(S, fx, b - m);
                    d2 = d2.add(bPlus.mul(FloatVector.fromArray(S, qx, i + m))
                            .add(bMinus.mul(FloatVector.fromArray(S, qx, i - m))).mul(SECOND[m]));
                    FloatVector t = bPlus.mul(FloatVector.fromArray(S, px, i + m))
                            .sub(bMinus.mul(FloatVector.fromArray(S, px, i - m))).mul(FIRST[m]);
                    d1 = m == 1 ? t : d1.add(t);
                }
                VectorMask<Float> strip = VectorMask.fromArray(S, cols.in(), ix)
                        .or(VectorMask.fromArray(S, cols.near(), ix));
                br = lap.blend(lap.add(d2.sub(d1)), strip);
            }
            if (zNear) {
                FloatVector d2z = FloatVector.fromArray(S, qz, i).mul(fz[k]).mul(SECOND[0]);
                FloatVector d1z = FloatVector.zero(S);
                for (int m = 1; m <= R; m++) {
                    d2z = d2z.add(FloatVector.fromArray(S, qz, i + m * nx).mul(fz[k + m])
                            .add(FloatVector.fromArray(S, qz, i - m * nx).mul(fz[k - m])).mul(SECOND[m]));
                    FloatVector t = FloatVector.fromArray(S, pz, i + m * nx).mul(fz[k + m])
                            .sub(FloatVector.fromArray(S, pz, i - m * nx).mul(fz[k - m])).mul(FIRST[m]);
                    d1z = m == 1 ? t : d1z.add(t);
                }
                br = br.add(d2z.sub(d1z));
            }
            FloatVector next = c.mul(2.0f).sub(FloatVector.fromArray(S, pn, i))
                    .add(FloatVector.fromArray(S, vc, i).mul(br));
            next.blend(0.0f, next.abs().lt(AcousticKernels.TINY))
                    .intoArray(pn, i, S.indexInRange(ix - col, to - col));
        }
    }
}
