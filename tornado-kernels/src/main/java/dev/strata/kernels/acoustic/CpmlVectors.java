package dev.strata.kernels.acoustic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API rows of the {@link CpmlKernels} stencils, named by their {@code @Kernel(vectorRows = ...)}: the same
 * contract as the generated row runners (the same rows, arguments in task order). Along a row the z profile values
 * are constants, so the z-direction (stride nx) parts vectorise over the columns away from the x strips; the x strips
 * and the columns left over run the per-point bodies. Each vector copy performs the operations of its per-point body
 * in the same order, so that the results agree bit for bit (the JVM never fuses multiply-add on its own).
 *
 * <p>Every entry point takes only arrays and scalars and spells its stencils out with tiny helpers (under the JIT's
 * always-inline size), so that no vector crosses a call the JIT might not inline (a vector that does is boxed on the
 * heap, which is many times slower).
 */
final class CpmlVectors {
    private CpmlVectors() {
    }

    private static final VectorSpecies<Float> S = AcousticVectors.species();
    private static final int R = AcousticKernels.RADIUS;

    /** A per-point or vector operation of a strip kernel at flat index i and index k along the axis. */
    interface AxisPoint {
        void at(int i, int k);
    }

    /**
     * Interior rows [rowStart, rowEnd) of a kernel that acts in the strips only: in the rows of a z strip, the z part
     * on whole vectors ({@code zVector}) and on the columns left over ({@code z}); in every row, the x part over the
     * columns of each x strip, on whole vectors ({@code xVector}) and the columns left over ({@code x}). The parts
     * write different arrays, so their order does not matter.
     */
    static void stripRows(int rowStart, int rowEnd, int nz, int nx, int w, AxisPoint zVector, AxisPoint z,
                          AxisPoint xVector, AxisPoint x) {
        int vecEnd = AcousticVectors.vectorEnd(nx);
        int lanes = S.length();
        AcousticVectors.interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            if (CpmlKernels.inStrip(iz, nz, w)) {
                for (int ix = R; ix < vecEnd; ix += lanes) {
                    zVector.at(base + ix, iz);
                }
                for (int ix = vecEnd; ix < nx - R; ix++) {
                    z.at(base + ix, iz);
                }
            }
            for (int from : new int[] {R, nx - R - w}) {
                int ix = from;
                for (; ix + lanes <= from + w; ix += lanes) {
                    xVector.at(base + ix, ix);
                }
                for (; ix < from + w; ix++) {
                    x.at(base + ix, ix);
                }
            }
        });
    }

    /** {@link CpmlKernels#psi} over interior rows [rowStart, rowEnd). */
    static void psiRows(int rowStart, int rowEnd, float[] u, float[] px, float[] pz, float[] fx, float[] fz, int w,
                        int nz, int nx, int nb) {
        stripRows(rowStart, rowEnd, nz, nx, w, (i, iz) -> psiZ(u, pz, fz[iz], fz[nz + iz], i, nx),
                (i, iz) -> CpmlKernels.psiAlong(i, iz, nz, nx, u, pz, fz),
                (i, ix) -> psiX(u, px, fx, ix, i, nx),
                (i, ix) -> CpmlKernels.psiAlong(i, ix, nx, 1, u, px, fx));
    }

    /**
     * {@link CpmlKernels#step} over rows [rowStart, rowEnd) of every point: the frame rows and columns run the body
     * itself (which writes the frame's bracket 0); each run of interior columns of one x mode goes on whole vectors,
     * its leftover columns through the body.
     */
    static void stepRows(int rowStart, int rowEnd, float[] un, float[] u, float[] vc, float[] px, float[] pz,
                         float[] zx, float[] zz, float[] fx, float[] fz, float[] br, int store, int w, int nz, int nx,
                         int nb) {
        float[] lapOut = store != 0 ? br : null;
        float[] rowBracket = new float[nx]; // the bracket of the row being stepped: no vector crosses a call
        int[][] segments = xSegments(nx, w);
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / nz;
            int iz = row - b * nz;
            boolean interior = iz >= R && iz < nz - R;
            int ix = 0;
            for (; ix < (interior ? R : nx); ix++) {
                CpmlKernels.step(b, iz, ix, un, u, vc, px, pz, zx, zz, fx, fz, br, store, w, nz, nx);
            }
            if (!interior) {
                continue;
            }
            int base = row * nx;
            int zMode = CpmlKernels.inStrip(iz, nz, w) ? IN : CpmlKernels.nearStrip(iz, nz, w) ? NEAR : NONE;
            for (int[] seg : segments) {
                if (seg[2] == NONE) {
                    ix = seg[0];
                    int vecEnd = seg[0] + (seg[1] - seg[0]) / S.length() * S.length();
                    if (zMode == NONE) {
                        for (; ix < vecEnd; ix += S.length()) {
                            plainStep(un, u, vc, base + ix, nx, lapOut);
                        }
                    } else {
                        for (; ix < vecEnd; ix += S.length()) {
                            stepZ(un, u, vc, pz, zz, fz[iz], fz[nz + iz], zMode == IN, base + ix, nx, lapOut,
                                    rowBracket, ix);
                        }
                    }
                    for (; ix < seg[1]; ix++) {
                        CpmlKernels.step(b, iz, ix, un, u, vc, px, pz, zx, zz, fx, fz, br, store, w, nz, nx);
                    }
                    continue;
                }
                ix = seg[0];
                for (; ix + S.length() <= seg[1]; ix += S.length()) {
                    stepX(un, u, vc, px, pz, zx, zz, fx, fz[iz], fz[nz + iz], seg[2], zMode, ix, base + ix, nx,
                            lapOut, rowBracket);
                }
                for (; ix < seg[1]; ix++) {
                    CpmlKernels.step(b, iz, ix, un, u, vc, px, pz, zx, zz, fx, fz, br, store, w, nz, nx);
                }
            }
            for (ix = nx - R; ix < nx; ix++) {
                CpmlKernels.step(b, iz, ix, un, u, vc, px, pz, zx, zz, fx, fz, br, store, w, nz, nx);
            }
        }
    }

    /** Where a column or row stands to the strips of its axis: inside, within the stencil radius, or away. */
    private static final int IN = 0;
    private static final int NEAR = 1;
    private static final int NONE = 2;

    /**
     * The interior columns [R, nx - R) as runs of one mode, {from, to, mode}, the mode as the body decides it
     * ({@link CpmlKernels#inStrip} first, then {@link CpmlKernels#nearStrip}); in order, covering each column once.
     */
    static int[][] xSegments(int nx, int w) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        for (int ix = R; ix < nx - R; ix++) {
            int mode = CpmlKernels.inStrip(ix, nx, w) ? IN : CpmlKernels.nearStrip(ix, nx, w) ? NEAR : NONE;
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[2] == mode) {
                last[1] = ix + 1;
            } else {
                runs.add(new int[] {ix, ix + 1, mode});
            }
        }
        return runs.toArray(new int[0][]);
    }

    /** psiX = a psiX + b D1x u at consecutive columns from ix, a and b read per column. */
    static void psiX(float[] u, float[] psiX, float[] prof, int ix, int i, int nx) {
        FloatVector d1 = dif(u, i, 1).mul(CpmlKernels.D1).add(dif(u, i, 2).mul(CpmlKernels.D2))
                .add(dif(u, i, 3).mul(CpmlKernels.D3)).add(dif(u, i, 4).mul(CpmlKernels.D4));
        at(prof, ix).mul(at(psiX, i)).add(at(prof, nx + ix).mul(d1)).intoArray(psiX, i);
    }

    /**
     * {@link CpmlKernels#interiorStep} at consecutive columns from ix that share their x mode ({@code xMode} IN or
     * NEAR) and, with the row, their z mode: the same operations in the same order as the body. The bracket goes
     * through {@code row} (at ix) between the parts, each a method whose vectors stay inside it: a vector handed
     * across a call that C2 does not inline is boxed, and in one large method C2 stops inlining the loads.
     */
    static void stepX(float[] un, float[] u, float[] vc, float[] psiX, float[] psiZ, float[] zetaX, float[] zetaZ,
                      float[] profX, float az, float bz, int xMode, int zMode, int ix, int i, int nx,
                      float[] bracket, float[] row) {
        laplacian(u, i, nx, row, ix);
        xTerm(u, psiX, zetaX, profX, xMode == IN, ix, i, nx, row);
        if (zMode != NONE) {
            zTerm(u, psiZ, zetaZ, az, bz, zMode == IN, i, nx, row, ix);
        }
        update(un, u, vc, i, bracket, row, ix);
    }

    /** row[ix..] = lap8(u) at i: C0X2 u + sum over m of C_m (x pair + z pair). */
    private static void laplacian(float[] u, int i, int nx, float[] row, int ix) {
        at(u, i).mul(AcousticKernels.C0X2)
                .add(sum(u, i, 1).add(sum(u, i, nx)).mul(AcousticKernels.C1))
                .add(sum(u, i, 2).add(sum(u, i, 2 * nx)).mul(AcousticKernels.C2))
                .add(sum(u, i, 3).add(sum(u, i, 3 * nx)).mul(AcousticKernels.C3))
                .add(sum(u, i, 4).add(sum(u, i, 4 * nx)).mul(AcousticKernels.C4)).intoArray(row, ix);
    }

    /** row += D1x psiX, plus (in an x strip) zetaX = a zetaX + b (D2x u + D1x psiX), written back, and zetaX. */
    private static void xTerm(float[] u, float[] psiX, float[] zetaX, float[] profX, boolean inStrip, int ix, int i,
                              int nx, float[] row) {
        FloatVector br = at(row, ix);
        FloatVector dpsiX = dif(psiX, i, 1).mul(CpmlKernels.D1).add(dif(psiX, i, 2).mul(CpmlKernels.D2))
                .add(dif(psiX, i, 3).mul(CpmlKernels.D3)).add(dif(psiX, i, 4).mul(CpmlKernels.D4));
        if (inStrip) {
            FloatVector d2 = at(u, i).mul(CpmlKernels.C0).add(sum(u, i, 1).mul(AcousticKernels.C1))
                    .add(sum(u, i, 2).mul(AcousticKernels.C2)).add(sum(u, i, 3).mul(AcousticKernels.C3))
                    .add(sum(u, i, 4).mul(AcousticKernels.C4));
            FloatVector z = at(profX, ix).mul(at(zetaX, i)).add(at(profX, nx + ix).mul(d2.add(dpsiX)));
            z.intoArray(zetaX, i);
            br.add(dpsiX.add(z)).intoArray(row, ix);
        } else {
            br.add(dpsiX).intoArray(row, ix);
        }
    }

    /** un = 2 u - un + vc row at i; the bracket also into {@code bracket} when it is not null. */
    private static void update(float[] un, float[] u, float[] vc, int i, float[] bracket, float[] row, int ix) {
        FloatVector br = at(row, ix);
        at(u, i).mul(2.0f).sub(at(un, i)).add(at(vc, i).mul(br)).intoArray(un, i);
        if (bracket != null) {
            br.intoArray(bracket, i);
        }
    }

    /** {@link CpmlKernels#adjointZeta} over interior rows [rowStart, rowEnd). */
    static void adjointZetaRows(int rowStart, int rowEnd, float[] phi, float[] qx, float[] qz, float[] fx, float[] fz,
                                int w, int nz, int nx, int nb) {
        stripRows(rowStart, rowEnd, nz, nx, w, (i, iz) -> adjointZetaZ(phi, qz, fz[iz], i),
                (i, iz) -> CpmlKernels.adjointZetaAlong(i, iz, phi, qz, fz),
                (i, ix) -> adjointZetaX(phi, qx, fx, ix, i),
                (i, ix) -> CpmlKernels.adjointZetaAlong(i, ix, phi, qx, fx));
    }

    /** {@link CpmlKernels#adjointPsi} over interior rows [rowStart, rowEnd). */
    static void adjointPsiRows(int rowStart, int rowEnd, float[] phi, float[] qx, float[] qz, float[] px, float[] pz,
                               float[] fx, float[] fz, int w, int nz, int nx, int nb) {
        stripRows(rowStart, rowEnd, nz, nx, w, (i, iz) -> adjointPsiZ(phi, qz, pz, fz[iz], fz, nz + iz, i, nx),
                (i, iz) -> CpmlKernels.adjointPsiAlong(i, iz, nz, nx, phi, qz, pz, fz),
                (i, ix) -> adjointPsiX(phi, qx, px, fx, ix, i, nx),
                (i, ix) -> CpmlKernels.adjointPsiAlong(i, ix, nx, 1, phi, qx, px, fx));
    }

    /**
     * {@link CpmlKernels#adjointStep} over interior rows [rowStart, rowEnd): each run of columns near an x strip or
     * away from both on whole vectors, the columns left over through the body.
     */
    static void adjointStepRows(int rowStart, int rowEnd, float[] pn, float[] phi, float[] vc, float[] qx, float[] qz,
                                float[] px, float[] pz, float[] fx, float[] fz, int w, int nz, int nx, int nb) {
        int[][] segments = xSegments(nx, w);
        int lanes = S.length();
        AcousticVectors.interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            boolean zNear = CpmlKernels.nearStrip(iz, nz, w);
            for (int[] seg : segments) {
                int ix = seg[0];
                for (; ix + lanes <= seg[1]; ix += lanes) {
                    if (seg[2] != NONE) {
                        adjointStepX(pn, phi, vc, qx, px, fx, qz, pz, fz, zNear, nz + iz, ix, base + ix, nx);
                    } else if (zNear) {
                        adjointStepZ(pn, phi, vc, qz, pz, fz, nz + iz, base + ix, nx);
                    } else {
                        plainStep(pn, phi, vc, base + ix, nx, null);
                    }
                }
                for (; ix < seg[1]; ix++) {
                    CpmlKernels.adjointStep(b, iz, ix, pn, phi, vc, qx, qz, px, pz, fx, fz, w, nz, nx);
                }
            }
        });
    }

    private static FloatVector at(float[] p, int i) {
        return FloatVector.fromArray(S, p, i);
    }

    /** p[i + s] - p[i - s]. */
    private static FloatVector dif(float[] p, int i, int s) {
        return at(p, i + s).sub(at(p, i - s));
    }

    /** p[i + s] + p[i - s]. */
    private static FloatVector sum(float[] p, int i, int s) {
        return at(p, i + s).add(at(p, i - s));
    }

    /** f + b q at i. */
    private static FloatVector fbq(float[] f, float[] q, float b, int i) {
        return at(f, i).add(at(q, i).mul(b));
    }

    /** b q at i. */
    private static FloatVector bq(float[] q, float b, int i) {
        return at(q, i).mul(b);
    }

    /**
     * The undamped leapfrog update pn = 2 p - pn + vc lap8(p) away from every strip, same order of operations as the
     * per-point bodies; stores lap8(p) into {@code lapOut} as well when it is not null.
     */
    static void plainStep(float[] pn, float[] p, float[] vc, int i, int nx, float[] lapOut) {
        FloatVector lap = at(p, i).mul(AcousticKernels.C0X2)
                .add(sum(p, i, 1).add(sum(p, i, nx)).mul(AcousticKernels.C1))
                .add(sum(p, i, 2).add(sum(p, i, 2 * nx)).mul(AcousticKernels.C2))
                .add(sum(p, i, 3).add(sum(p, i, 3 * nx)).mul(AcousticKernels.C3))
                .add(sum(p, i, 4).add(sum(p, i, 4 * nx)).mul(AcousticKernels.C4));
        at(p, i).mul(2.0f).sub(at(pn, i)).add(at(vc, i).mul(lap)).intoArray(pn, i);
        if (lapOut != null) {
            lap.intoArray(lapOut, i);
        }
    }

    /** psiZ = a psiZ + b D1z u. */
    static void psiZ(float[] u, float[] psiZ, float a, float b, int i, int nx) {
        FloatVector d1 = dif(u, i, nx).mul(CpmlKernels.D1).add(dif(u, i, 2 * nx).mul(CpmlKernels.D2))
                .add(dif(u, i, 3 * nx).mul(CpmlKernels.D3)).add(dif(u, i, 4 * nx).mul(CpmlKernels.D4));
        at(psiZ, i).mul(a).add(d1.mul(b)).intoArray(psiZ, i);
    }

    /** The step of a row near a z strip at columns away from the x strips; {@code bracket} may be null. */
    static void stepZ(float[] un, float[] u, float[] vc, float[] psiZ, float[] zetaZ, float a, float b,
                      boolean inStrip, int i, int nx, float[] bracket, float[] row, int ix) {
        laplacian(u, i, nx, row, ix);
        zTerm(u, psiZ, zetaZ, a, b, inStrip, i, nx, row, ix);
        update(un, u, vc, i, bracket, row, ix);
    }

    /**
     * row += the z part of the step in a row near a z strip: D1z psiZ, plus (in the strip) zetaZ = a zetaZ + b (D2z u
     * + D1z psiZ), written back, and zetaZ.
     */
    private static void zTerm(float[] u, float[] psiZ, float[] zetaZ, float a, float b, boolean inStrip, int i,
                              int nx, float[] row, int ix) {
        FloatVector dpsi = dif(psiZ, i, nx).mul(CpmlKernels.D1).add(dif(psiZ, i, 2 * nx).mul(CpmlKernels.D2))
                .add(dif(psiZ, i, 3 * nx).mul(CpmlKernels.D3)).add(dif(psiZ, i, 4 * nx).mul(CpmlKernels.D4));
        if (!inStrip) {
            at(row, ix).add(dpsi).intoArray(row, ix);
            return;
        }
        FloatVector d2 = at(u, i).mul(CpmlKernels.C0).add(sum(u, i, nx).mul(AcousticKernels.C1))
                .add(sum(u, i, 2 * nx).mul(AcousticKernels.C2)).add(sum(u, i, 3 * nx).mul(AcousticKernels.C3))
                .add(sum(u, i, 4 * nx).mul(AcousticKernels.C4));
        FloatVector z = at(zetaZ, i).mul(a).add(d2.add(dpsi).mul(b));
        z.intoArray(zetaZ, i);
        at(row, ix).add(dpsi.add(z)).intoArray(row, ix);
    }

    /** qZ = a qZ + phi. */
    static void adjointZetaZ(float[] phi, float[] qZ, float a, int i) {
        at(qZ, i).mul(a).add(at(phi, i)).intoArray(qZ, i);
    }

    /** pZ = a pZ - D1z(phi + b q), b from {@code prof} at {@code k} +- m. */
    static void adjointPsiZ(float[] phi, float[] qZ, float[] pZ, float a, float[] prof, int k, int i, int nx) {
        FloatVector d1 = fbq(phi, qZ, prof[k + 1], i + nx).sub(fbq(phi, qZ, prof[k - 1], i - nx)).mul(CpmlKernels.D1)
                .add(fbq(phi, qZ, prof[k + 2], i + 2 * nx).sub(fbq(phi, qZ, prof[k - 2], i - 2 * nx))
                        .mul(CpmlKernels.D2))
                .add(fbq(phi, qZ, prof[k + 3], i + 3 * nx).sub(fbq(phi, qZ, prof[k - 3], i - 3 * nx))
                        .mul(CpmlKernels.D3))
                .add(fbq(phi, qZ, prof[k + 4], i + 4 * nx).sub(fbq(phi, qZ, prof[k - 4], i - 4 * nx))
                        .mul(CpmlKernels.D4));
        at(pZ, i).mul(a).sub(d1).intoArray(pZ, i);
    }

    /** qX = a qX + phi, a read per column. */
    static void adjointZetaX(float[] phi, float[] qX, float[] prof, int ix, int i) {
        at(prof, ix).mul(at(qX, i)).add(at(phi, i)).intoArray(qX, i);
    }

    /** (phi + b q) at i + m, b read per column at {@code bx} + m. */
    private static FloatVector fbqX(float[] phi, float[] q, float[] prof, int bx, int i, int m) {
        return at(phi, i + m).add(at(prof, bx + m).mul(at(q, i + m)));
    }

    /** pX = a pX - D1x(phi + b q), a and b read per column (b at nx + ix +- m). */
    static void adjointPsiX(float[] phi, float[] qX, float[] pX, float[] prof, int ix, int i, int nx) {
        int bx = nx + ix;
        FloatVector d1 = fbqX(phi, qX, prof, bx, i, 1).sub(fbqX(phi, qX, prof, bx, i, -1)).mul(CpmlKernels.D1)
                .add(fbqX(phi, qX, prof, bx, i, 2).sub(fbqX(phi, qX, prof, bx, i, -2)).mul(CpmlKernels.D2))
                .add(fbqX(phi, qX, prof, bx, i, 3).sub(fbqX(phi, qX, prof, bx, i, -3)).mul(CpmlKernels.D3))
                .add(fbqX(phi, qX, prof, bx, i, 4).sub(fbqX(phi, qX, prof, bx, i, -4)).mul(CpmlKernels.D4));
        at(prof, ix).mul(at(pX, i)).sub(d1).intoArray(pX, i);
    }

    /** b q at i + m, b read per column at {@code bx} + m. */
    private static FloatVector bqX(float[] q, float[] prof, int bx, int i, int m) {
        return at(prof, bx + m).mul(at(q, i + m));
    }

    /**
     * The adjoint step at consecutive columns near an x strip (b read per column), plus the z term with the row's
     * profile when the row is near a z strip: {@link CpmlKernels#adjointStep}'s operations in its order.
     */
    static void adjointStepX(float[] pn, float[] phi, float[] vc, float[] qx, float[] px, float[] fx, float[] qz,
                             float[] pz, float[] fz, boolean zNear, int kz, int ix, int i, int nx) {
        int bx = nx + ix;
        FloatVector lap = at(phi, i).mul(AcousticKernels.C0X2)
                .add(sum(phi, i, 1).add(sum(phi, i, nx)).mul(AcousticKernels.C1))
                .add(sum(phi, i, 2).add(sum(phi, i, 2 * nx)).mul(AcousticKernels.C2))
                .add(sum(phi, i, 3).add(sum(phi, i, 3 * nx)).mul(AcousticKernels.C3))
                .add(sum(phi, i, 4).add(sum(phi, i, 4 * nx)).mul(AcousticKernels.C4));
        FloatVector d2 = at(fx, bx).mul(CpmlKernels.C0).mul(at(qx, i))
                .add(bqX(qx, fx, bx, i, 1).add(bqX(qx, fx, bx, i, -1)).mul(AcousticKernels.C1))
                .add(bqX(qx, fx, bx, i, 2).add(bqX(qx, fx, bx, i, -2)).mul(AcousticKernels.C2))
                .add(bqX(qx, fx, bx, i, 3).add(bqX(qx, fx, bx, i, -3)).mul(AcousticKernels.C3))
                .add(bqX(qx, fx, bx, i, 4).add(bqX(qx, fx, bx, i, -4)).mul(AcousticKernels.C4));
        FloatVector d1 = bqX(px, fx, bx, i, 1).sub(bqX(px, fx, bx, i, -1)).mul(CpmlKernels.D1)
                .add(bqX(px, fx, bx, i, 2).sub(bqX(px, fx, bx, i, -2)).mul(CpmlKernels.D2))
                .add(bqX(px, fx, bx, i, 3).sub(bqX(px, fx, bx, i, -3)).mul(CpmlKernels.D3))
                .add(bqX(px, fx, bx, i, 4).sub(bqX(px, fx, bx, i, -4)).mul(CpmlKernels.D4));
        FloatVector br = lap.add(d2.sub(d1));
        if (zNear) {
            br = br.add(zStripTerm(qz, pz, fz, kz, i, nx));
        }
        at(phi, i).mul(2.0f).sub(at(pn, i)).add(at(vc, i).mul(br)).intoArray(pn, i);
    }

    /** The adjoint step of a row near a z strip at columns away from the x strips; b = prof[k +- m]. */
    static void adjointStepZ(float[] pn, float[] phi, float[] vc, float[] q, float[] p, float[] prof, int k, int i,
                             int nx) {
        FloatVector lap = at(phi, i).mul(AcousticKernels.C0X2)
                .add(sum(phi, i, 1).add(sum(phi, i, nx)).mul(AcousticKernels.C1))
                .add(sum(phi, i, 2).add(sum(phi, i, 2 * nx)).mul(AcousticKernels.C2))
                .add(sum(phi, i, 3).add(sum(phi, i, 3 * nx)).mul(AcousticKernels.C3))
                .add(sum(phi, i, 4).add(sum(phi, i, 4 * nx)).mul(AcousticKernels.C4));
        FloatVector br = lap.add(zStripTerm(q, p, prof, k, i, nx));
        at(phi, i).mul(2.0f).sub(at(pn, i)).add(at(vc, i).mul(br)).intoArray(pn, i);
    }

    /** D2z(b q) - D1z(b p) at i in a row whose profile is b = prof[k +- m]: the z part of the adjoint step. */
    private static FloatVector zStripTerm(float[] q, float[] p, float[] prof, int k, int i, int nx) {
        FloatVector d2 = at(q, i).mul(CpmlKernels.C0 * prof[k])
                .add(bq(q, prof[k + 1], i + nx).add(bq(q, prof[k - 1], i - nx)).mul(AcousticKernels.C1))
                .add(bq(q, prof[k + 2], i + 2 * nx).add(bq(q, prof[k - 2], i - 2 * nx)).mul(AcousticKernels.C2))
                .add(bq(q, prof[k + 3], i + 3 * nx).add(bq(q, prof[k - 3], i - 3 * nx)).mul(AcousticKernels.C3))
                .add(bq(q, prof[k + 4], i + 4 * nx).add(bq(q, prof[k - 4], i - 4 * nx)).mul(AcousticKernels.C4));
        FloatVector d1 = bq(p, prof[k + 1], i + nx).sub(bq(p, prof[k - 1], i - nx)).mul(CpmlKernels.D1)
                .add(bq(p, prof[k + 2], i + 2 * nx).sub(bq(p, prof[k - 2], i - 2 * nx)).mul(CpmlKernels.D2))
                .add(bq(p, prof[k + 3], i + 3 * nx).sub(bq(p, prof[k - 3], i - 3 * nx)).mul(CpmlKernels.D3))
                .add(bq(p, prof[k + 4], i + 4 * nx).sub(bq(p, prof[k - 4], i - 4 * nx)).mul(CpmlKernels.D4));
        return d2.sub(d1);
    }
}
