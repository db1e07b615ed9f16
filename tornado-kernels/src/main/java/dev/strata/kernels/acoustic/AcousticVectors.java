package dev.strata.kernels.acoustic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API rows of the interior stencils {@link AcousticKernels#waveStep8}, {@link AcousticKernels#bornStep8} and
 * {@link ImagingKernels#accumulateGradient}, named by their {@code @Kernel(vectorRows = ...)}: the same contract as
 * the generated row runners (rows are (batch, depth) pairs of the interior, arguments in task order). Each performs
 * the operations of its per-point body in the same order, so it agrees with it bit for bit (the JVM never fuses
 * multiply-add on its own); the columns left over after the last whole vector run the body itself.
 */
final class AcousticVectors {
    private AcousticVectors() {
    }

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int R = AcousticKernels.RADIUS;

    /** Lanes of the vector species the vectorised kernels of this package use. */
    static int lanes() {
        return SPECIES.length();
    }

    /** The species shared by the vectorised kernels of this package. */
    static VectorSpecies<Float> species() {
        return SPECIES;
    }

    /** One row of the interior: member b, depth iz, flat index {@code base} of its point ix = 0. */
    interface InteriorRow {
        void run(int b, int iz, int base);
    }

    /** Runs interior rows [rowStart, rowEnd), numbered as the generated row runners number them (b slower). */
    static void interiorRows(int rowStart, int rowEnd, int nz, int nx, InteriorRow row) {
        int rowsPerGrid = nz - 2 * R;
        for (int r = rowStart; r < rowEnd; r++) {
            int b = r / rowsPerGrid;
            int iz = R + r % rowsPerGrid;
            row.run(b, iz, (b * nz + iz) * nx);
        }
    }

    /** First column past the whole vectors that fit in the interior columns [R, nx - R). */
    static int vectorEnd(int nx) {
        return R + (nx - 2 * R) / lanes() * lanes();
    }

    /**
     * {@link AcousticKernels#waveStep8} over interior rows [rowStart, rowEnd). Where the damping is exactly 1 (rows
     * with dz = 1, columns of the undamped middle of dx) it drops the two multiplications by d, which are exact there,
     * so the result is the same bit for bit and the interior streams three arrays, as wave.c's row_plain does.
     */
    static void waveStep8Rows(int rowStart, int rowEnd, float[] pn, float[] p, float[] vc, float[] dz, float[] dx,
                              int nz, int nx, int nb) {
        int[] plain = undampedColumns(dx, nx);
        int rowsPerGrid = nz - 2 * R;
        for (int r = rowStart; r < rowEnd; r++) {
            int b = r / rowsPerGrid;
            int iz = R + r % rowsPerGrid;
            int base = (b * nz + iz) * nx;
            float dzRow = dz[iz];
            if (dzRow == 1.0f) {
                dampedSegment(pn, p, vc, dz, dx, nz, nx, b, iz, base, R, plain[0]);
                int ix = plain[0];
                for (int end = plain[0] + (plain[1] - plain[0]) / lanes() * lanes(); ix < end; ix += lanes()) {
                    undampedStep(pn, p, vc, nx, base + ix);
                }
                for (; ix < plain[1]; ix++) {
                    AcousticKernels.waveStep8(b, iz, ix, pn, p, vc, dz, dx, nz, nx);
                }
                dampedSegment(pn, p, vc, dz, dx, nz, nx, b, iz, base, plain[1], nx - R);
            } else {
                dampedSegment(pn, p, vc, dz, dx, nz, nx, b, iz, base, R, nx - R);
            }
        }
    }

    /** The interior columns [lo, hi) over which dx is exactly 1, as {lo, hi}; {R, R} when there are none. */
    static int[] undampedColumns(float[] dx, int nx) {
        int lo = R;
        while (lo < nx - R && dx[lo] != 1.0f) {
            lo++;
        }
        int hi = lo;
        while (hi < nx - R && dx[hi] == 1.0f) {
            hi++;
        }
        return lo < hi ? new int[] {lo, hi} : new int[] {R, R};
    }

    /** Columns [from, to) of one row with the damped body: whole vectors, then the per-point body. */
    private static void dampedSegment(float[] pn, float[] p, float[] vc, float[] dz, float[] dx, int nz, int nx,
                                      int b, int iz, int base, int from, int to) {
        int ix = from;
        for (int end = from + (to - from) / lanes() * lanes(); ix < end; ix += lanes()) {
            waveStep(pn, p, vc, dx, nx, base + ix, ix, dz[iz]);
        }
        for (; ix < to; ix++) {
            AcousticKernels.waveStep8(b, iz, ix, pn, p, vc, dz, dx, nz, nx);
        }
    }

    /** {@link AcousticKernels#bornStep8} over interior rows [rowStart, rowEnd). */
    static void bornStep8Rows(int rowStart, int rowEnd, float[] dpn, float[] dp, float[] p, float[] vc, float[] dvc,
                              float[] dz, float[] dx, int nz, int nx, int nb) {
        int vecEnd = vectorEnd(nx);
        interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            for (int ix = R; ix < vecEnd; ix += lanes()) {
                bornStep(dpn, dp, p, vc, dvc, dx, nx, base + ix, ix, dz[iz]);
            }
            for (int ix = vecEnd; ix < nx - R; ix++) {
                AcousticKernels.bornStep8(b, iz, ix, dpn, dp, p, vc, dvc, dz, dx, nz, nx);
            }
        });
    }

    /** {@link ImagingKernels#accumulateGradient} over interior rows [rowStart, rowEnd); reads the clock once. */
    static void accumulateGradientRows(int rowStart, int rowEnd, float[] g, float[] psi, float[] snaps, int[] clock,
                                       int k, int nt, int nz, int nx, int nb) {
        int t = clock[0];
        if (t < 0 || t >= nt) {
            return;
        }
        int field = nb * nz * nx;
        int offset = CheckpointKernels.snapshotSlot(t, k) * field;
        int vecEnd = vectorEnd(nx);
        interiorRows(rowStart, rowEnd, nz, nx, (b, iz, base) -> {
            for (int ix = R; ix < vecEnd; ix += lanes()) {
                gradient(g, psi, snaps, base + ix, offset, nx);
            }
            for (int ix = vecEnd; ix < nx - R; ix++) {
                ImagingKernels.accumulateGradient(b, iz, ix, g, psi, snaps, clock, k, nt, nz, nx, field);
            }
        });
    }

    /** The body of {@link AcousticKernels#waveStep8} on {@code lanes} consecutive points, same order of operations. */
    private static void waveStep(float[] pn, float[] p, float[] vc, float[] dx, int nx, int i, int ix, float dzRow) {
        FloatVector c = FloatVector.fromArray(SPECIES, p, i);
        FloatVector lap = laplacian(p, i, nx);
        FloatVector d = FloatVector.fromArray(SPECIES, dx, ix).mul(dzRow);
        FloatVector prev = FloatVector.fromArray(SPECIES, pn, i);
        FloatVector v = FloatVector.fromArray(SPECIES, vc, i);
        c.mul(2.0f).sub(d.mul(prev)).add(v.mul(lap)).mul(d).intoArray(pn, i);
    }

    /** {@link #waveStep} where d = 1: 2 p - p_prev + vc lap8(p), the same roundings as the damped form with d = 1. */
    private static void undampedStep(float[] pn, float[] p, float[] vc, int nx, int i) {
        FloatVector c = FloatVector.fromArray(SPECIES, p, i);
        FloatVector lap = laplacian(p, i, nx);
        FloatVector prev = FloatVector.fromArray(SPECIES, pn, i);
        FloatVector v = FloatVector.fromArray(SPECIES, vc, i);
        c.mul(2.0f).sub(prev).add(v.mul(lap)).intoArray(pn, i);
    }

    /**
     * The body of {@link AcousticKernels#bornStep8} on consecutive points, same order of operations. A method of its
     * own, kept small, so that the JIT inlines the Laplacians and keeps the vectors in registers.
     */
    private static void bornStep(float[] dpn, float[] dp, float[] p, float[] vc, float[] dvc, float[] dx, int nx,
                                 int i, int ix, float dzRow) {
        FloatVector d = FloatVector.fromArray(SPECIES, dx, ix).mul(dzRow);
        FloatVector c = FloatVector.fromArray(SPECIES, dp, i);
        FloatVector prev = FloatVector.fromArray(SPECIES, dpn, i);
        FloatVector v = FloatVector.fromArray(SPECIES, vc, i);
        FloatVector dv = FloatVector.fromArray(SPECIES, dvc, i);
        c.mul(2.0f).sub(d.mul(prev)).add(v.mul(laplacian(dp, i, nx)))
                .add(dv.mul(laplacian(p, i, nx))).mul(d).intoArray(dpn, i);
    }

    /** g += psi lap8(u) on consecutive points; small, so the JIT inlines the Laplacian. */
    private static void gradient(float[] g, float[] psi, float[] snaps, int i, int offset, int nx) {
        FloatVector lap = laplacian(snaps, offset + i, nx);
        FloatVector.fromArray(SPECIES, g, i).add(FloatVector.fromArray(SPECIES, psi, i).mul(lap)).intoArray(g, i);
    }

    /** {@link AcousticKernels#laplacian8} on {@code SPECIES.length()} consecutive points, same order of operations. */
    static FloatVector laplacian(float[] p, int i, int nx) {
        return FloatVector.fromArray(SPECIES, p, i).mul(AcousticKernels.C0X2)
                .add(pair(p, i, 1, nx).mul(AcousticKernels.C1))
                .add(pair(p, i, 2, nx).mul(AcousticKernels.C2))
                .add(pair(p, i, 3, nx).mul(AcousticKernels.C3))
                .add(pair(p, i, 4, nx).mul(AcousticKernels.C4));
    }

    /** (p[i-m] + p[i+m]) + (p[i-m nx] + p[i+m nx]) as a vector. */
    private static FloatVector pair(float[] p, int i, int m, int nx) {
        FloatVector x = FloatVector.fromArray(SPECIES, p, i - m).add(FloatVector.fromArray(SPECIES, p, i + m));
        FloatVector z = FloatVector.fromArray(SPECIES, p, i - m * nx).add(FloatVector.fromArray(SPECIES, p, i + m * nx));
        return x.add(z);
    }
}
