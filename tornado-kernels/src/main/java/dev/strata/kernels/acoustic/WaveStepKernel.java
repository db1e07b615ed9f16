package dev.strata.kernels.acoustic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.VectorizedKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Launches {@link AcousticKernels#waveStep8} over the interior of a batch of grids.
 * Arguments: {@code (float[] pPrevNext, float[] p, float[] vc, float[] dampZ, float[] dampX, int nb, int nz, int nx)};
 * rows are (batch, depth) pairs. The Vector API copy performs the same operations in the same order, so it
 * agrees with the per-point body bit for bit (the JVM never fuses multiply-add on its own).
 */
public final class WaveStepKernel implements VectorizedKernel {

    public static final WaveStepKernel INSTANCE = new WaveStepKernel();
    public static final String NAME = "acoustic.waveStep8";
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int R = AcousticKernels.RADIUS;

    private WaveStepKernel() {
    }

    /** Argument list in the order the kernel takes them. */
    public static Object[] args(float[] pPrevNext, float[] p, float[] vc, float[] dampZ, float[] dampX, int nb, int nz,
                                int nx) {
        return new Object[] {pPrevNext, p, vc, dampZ, dampX, nb, nz, nx};
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(Object[] a) {
        count(NAME, a, 8);
        int nb = intValue(NAME, a, 5);
        int nz = intValue(NAME, a, 6);
        int nx = intValue(NAME, a, 7);
        if (nz < 2 * R + 1 || nx < 2 * R + 1 || nb < 1) {
            throw new IllegalArgumentException(NAME + ": grid " + nb + " x " + nz + " x " + nx
                    + " too small; nz and nx must be at least " + (2 * R + 1));
        }
        long n = (long) nb * nz * nx;
        minLength(NAME, "pPrevNext", floats(NAME, a, 0).length, n);
        minLength(NAME, "p", floats(NAME, a, 1).length, n);
        minLength(NAME, "vc", floats(NAME, a, 2).length, n);
        minLength(NAME, "dampZ", floats(NAME, a, 3).length, nz);
        minLength(NAME, "dampX", floats(NAME, a, 4).length, nx);
    }

    @Override
    public IndexRange range(Object[] a) {
        int nb = (Integer) a[5];
        int nz = (Integer) a[6];
        int nx = (Integer) a[7];
        return new IndexRange(0, nb * (nz - 2 * R), R, nx - R);
    }

    @Override
    public void runRows(Object[] a, int rowStart, int rowEnd) {
        float[] pn = (float[]) a[0];
        float[] p = (float[]) a[1];
        float[] vc = (float[]) a[2];
        float[] dz = (float[]) a[3];
        float[] dx = (float[]) a[4];
        int nz = (Integer) a[6];
        int nx = (Integer) a[7];
        int rowsPerGrid = nz - 2 * R;
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / rowsPerGrid;
            int iz = R + row % rowsPerGrid;
            for (int ix = R; ix < nx - R; ix++) {
                AcousticKernels.waveStep8(b, iz, ix, nz, nx, pn, p, vc, dz, dx);
            }
        }
    }

    @Override
    public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
        float[] pn = (float[]) a[0];
        float[] p = (float[]) a[1];
        float[] vc = (float[]) a[2];
        float[] dz = (float[]) a[3];
        float[] dx = (float[]) a[4];
        int nz = (Integer) a[6];
        int nx = (Integer) a[7];
        int rowsPerGrid = nz - 2 * R;
        int lanes = SPECIES.length();
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / rowsPerGrid;
            int iz = R + row % rowsPerGrid;
            int base = (b * nz + iz) * nx;
            float dzRow = dz[iz];
            int ix = R;
            for (; ix + lanes <= nx - R; ix += lanes) {
                vectorStep(pn, p, vc, dx, nx, base + ix, ix, dzRow);
            }
            for (; ix < nx - R; ix++) {
                AcousticKernels.waveStep8(b, iz, ix, nz, nx, pn, p, vc, dz, dx);
            }
        }
    }

    /** The body of {@link AcousticKernels#waveStep8} on {@code lanes} consecutive points, same order of operations. */
    private static void vectorStep(float[] pn, float[] p, float[] vc, float[] dx, int nx, int i, int ix, float dzRow) {
        FloatVector c = FloatVector.fromArray(SPECIES, p, i);
        FloatVector lap = laplacian(p, i, nx);
        FloatVector d = FloatVector.fromArray(SPECIES, dx, ix).mul(dzRow);
        FloatVector prev = FloatVector.fromArray(SPECIES, pn, i);
        FloatVector v = FloatVector.fromArray(SPECIES, vc, i);
        c.mul(2.0f).sub(d.mul(prev)).add(v.mul(lap)).mul(d).intoArray(pn, i);
    }

    /** {@link AcousticKernels#laplacian8} on {@code SPECIES.length()} consecutive points, same order of operations. */
    static FloatVector laplacian(float[] p, int i, int nx) {
        return FloatVector.fromArray(SPECIES, p, i).mul(AcousticKernels.C0X2)
                .add(pair(p, i, 1, nx).mul(AcousticKernels.C1))
                .add(pair(p, i, 2, nx).mul(AcousticKernels.C2))
                .add(pair(p, i, 3, nx).mul(AcousticKernels.C3))
                .add(pair(p, i, 4, nx).mul(AcousticKernels.C4));
    }

    /** Lanes of the vector species the vectorised kernels of this package use. */
    static int lanes() {
        return SPECIES.length();
    }

    /** The species shared by the vectorised kernels of this package. */
    static VectorSpecies<Float> species() {
        return SPECIES;
    }

    /** (p[i-m] + p[i+m]) + (p[i-m nx] + p[i+m nx]) as a vector. */
    private static FloatVector pair(float[] p, int i, int m, int nx) {
        FloatVector x = FloatVector.fromArray(SPECIES, p, i - m).add(FloatVector.fromArray(SPECIES, p, i + m));
        FloatVector z = FloatVector.fromArray(SPECIES, p, i - m * nx).add(FloatVector.fromArray(SPECIES, p, i + m * nx));
        return x.add(z);
    }
}
