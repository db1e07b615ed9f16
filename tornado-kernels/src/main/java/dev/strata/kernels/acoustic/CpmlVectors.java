package dev.strata.kernels.acoustic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API copies of the z-direction (stride nx) parts of the {@link CpmlKernels} bodies, for consecutive points of
 * one row, where the z profile values are row constants. Each performs the operations of its per-point body in the
 * same order, so that the results agree bit for bit (the JVM never fuses multiply-add on its own).
 *
 * <p>Every entry point takes only arrays and scalars and spells its stencils out with tiny helpers (under the JIT's
 * always-inline size), so that no vector crosses a call the JIT might not inline (a vector that does is boxed on the
 * heap, which is many times slower).
 */
final class CpmlVectors {
    private CpmlVectors() {
    }

    private static final VectorSpecies<Float> S = WaveStepKernel.species();

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
                      boolean inStrip, int i, int nx, float[] bracket) {
        FloatVector br = at(u, i).mul(AcousticKernels.C0X2)
                .add(sum(u, i, 1).add(sum(u, i, nx)).mul(AcousticKernels.C1))
                .add(sum(u, i, 2).add(sum(u, i, 2 * nx)).mul(AcousticKernels.C2))
                .add(sum(u, i, 3).add(sum(u, i, 3 * nx)).mul(AcousticKernels.C3))
                .add(sum(u, i, 4).add(sum(u, i, 4 * nx)).mul(AcousticKernels.C4));
        FloatVector dpsi = dif(psiZ, i, nx).mul(CpmlKernels.D1).add(dif(psiZ, i, 2 * nx).mul(CpmlKernels.D2))
                .add(dif(psiZ, i, 3 * nx).mul(CpmlKernels.D3)).add(dif(psiZ, i, 4 * nx).mul(CpmlKernels.D4));
        if (inStrip) {
            FloatVector d2 = at(u, i).mul(CpmlKernels.C0).add(sum(u, i, nx).mul(AcousticKernels.C1))
                    .add(sum(u, i, 2 * nx).mul(AcousticKernels.C2)).add(sum(u, i, 3 * nx).mul(AcousticKernels.C3))
                    .add(sum(u, i, 4 * nx).mul(AcousticKernels.C4));
            FloatVector z = at(zetaZ, i).mul(a).add(d2.add(dpsi).mul(b));
            z.intoArray(zetaZ, i);
            br = br.add(dpsi.add(z));
        } else {
            br = br.add(dpsi);
        }
        at(u, i).mul(2.0f).sub(at(un, i)).add(at(vc, i).mul(br)).intoArray(un, i);
        if (bracket != null) {
            br.intoArray(bracket, i);
        }
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

    /** The adjoint step of a row near a z strip at columns away from the x strips; b = prof[k +- m]. */
    static void adjointStepZ(float[] pn, float[] phi, float[] vc, float[] q, float[] p, float[] prof, int k, int i,
                             int nx) {
        FloatVector lap = at(phi, i).mul(AcousticKernels.C0X2)
                .add(sum(phi, i, 1).add(sum(phi, i, nx)).mul(AcousticKernels.C1))
                .add(sum(phi, i, 2).add(sum(phi, i, 2 * nx)).mul(AcousticKernels.C2))
                .add(sum(phi, i, 3).add(sum(phi, i, 3 * nx)).mul(AcousticKernels.C3))
                .add(sum(phi, i, 4).add(sum(phi, i, 4 * nx)).mul(AcousticKernels.C4));
        FloatVector d2 = at(q, i).mul(CpmlKernels.C0 * prof[k])
                .add(bq(q, prof[k + 1], i + nx).add(bq(q, prof[k - 1], i - nx)).mul(AcousticKernels.C1))
                .add(bq(q, prof[k + 2], i + 2 * nx).add(bq(q, prof[k - 2], i - 2 * nx)).mul(AcousticKernels.C2))
                .add(bq(q, prof[k + 3], i + 3 * nx).add(bq(q, prof[k - 3], i - 3 * nx)).mul(AcousticKernels.C3))
                .add(bq(q, prof[k + 4], i + 4 * nx).add(bq(q, prof[k - 4], i - 4 * nx)).mul(AcousticKernels.C4));
        FloatVector d1 = bq(p, prof[k + 1], i + nx).sub(bq(p, prof[k - 1], i - nx)).mul(CpmlKernels.D1)
                .add(bq(p, prof[k + 2], i + 2 * nx).sub(bq(p, prof[k - 2], i - 2 * nx)).mul(CpmlKernels.D2))
                .add(bq(p, prof[k + 3], i + 3 * nx).sub(bq(p, prof[k - 3], i - 3 * nx)).mul(CpmlKernels.D3))
                .add(bq(p, prof[k + 4], i + 4 * nx).sub(bq(p, prof[k - 4], i - 4 * nx)).mul(CpmlKernels.D4));
        FloatVector br = lap.add(d2.sub(d1));
        at(phi, i).mul(2.0f).sub(at(pn, i)).add(at(vc, i).mul(br)).intoArray(pn, i);
    }
}
