package dev.strata.kernels.acoustic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.VectorizedKernel;
import jdk.incubator.vector.FloatVector;

/**
 * Launches {@link AcousticKernels#bornStep8} over the interior of a batch of grids. Arguments:
 * {@code (float[] dpPrevNext, float[] dp, float[] p, float[] vc, float[] dvc, float[] dampZ, float[] dampX, int nb,
 * int nz, int nx)}; rows are (batch, depth) pairs, as in {@link WaveStepKernel}. The Vector API copy performs the
 * same operations in the same order as the per-point body.
 */
public final class BornStepKernel implements VectorizedKernel {

    public static final BornStepKernel INSTANCE = new BornStepKernel();
    public static final String NAME = "acoustic.bornStep8";
    private static final int R = AcousticKernels.RADIUS;

    private BornStepKernel() {
    }

    /** Argument list in the order the kernel takes them. */
    public static Object[] args(float[] dpPrevNext, float[] dp, float[] p, float[] vc, float[] dvc, float[] dampZ,
                                float[] dampX, int nb, int nz, int nx) {
        return new Object[] {dpPrevNext, dp, p, vc, dvc, dampZ, dampX, nb, nz, nx};
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(Object[] a) {
        count(NAME, a, 10);
        int nb = intValue(NAME, a, 7);
        int nz = intValue(NAME, a, 8);
        int nx = intValue(NAME, a, 9);
        if (nz < 2 * R + 1 || nx < 2 * R + 1 || nb < 1) {
            throw new IllegalArgumentException(NAME + ": grid " + nb + " x " + nz + " x " + nx
                    + " too small; nz and nx must be at least " + (2 * R + 1));
        }
        long n = (long) nb * nz * nx;
        String[] names = {"dpPrevNext", "dp", "p", "vc", "dvc"};
        for (int k = 0; k < names.length; k++) {
            minLength(NAME, names[k], floats(NAME, a, k).length, n);
        }
        minLength(NAME, "dampZ", floats(NAME, a, 5).length, nz);
        minLength(NAME, "dampX", floats(NAME, a, 6).length, nx);
    }

    @Override
    public IndexRange range(Object[] a) {
        int nb = (Integer) a[7];
        int nz = (Integer) a[8];
        int nx = (Integer) a[9];
        return new IndexRange(0, nb * (nz - 2 * R), R, nx - R);
    }

    @Override
    public void runRows(Object[] a, int rowStart, int rowEnd) {
        float[] dpn = (float[]) a[0];
        float[] dp = (float[]) a[1];
        float[] p = (float[]) a[2];
        float[] vc = (float[]) a[3];
        float[] dvc = (float[]) a[4];
        float[] dz = (float[]) a[5];
        float[] dx = (float[]) a[6];
        int nz = (Integer) a[8];
        int nx = (Integer) a[9];
        int rowsPerGrid = nz - 2 * R;
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / rowsPerGrid;
            int iz = R + row % rowsPerGrid;
            for (int ix = R; ix < nx - R; ix++) {
                AcousticKernels.bornStep8(b, iz, ix, nz, nx, dpn, dp, p, vc, dvc, dz, dx);
            }
        }
    }

    @Override
    public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
        float[] dpn = (float[]) a[0];
        float[] dp = (float[]) a[1];
        float[] p = (float[]) a[2];
        float[] vc = (float[]) a[3];
        float[] dvc = (float[]) a[4];
        float[] dz = (float[]) a[5];
        float[] dx = (float[]) a[6];
        int nz = (Integer) a[8];
        int nx = (Integer) a[9];
        int rowsPerGrid = nz - 2 * R;
        int lanes = WaveStepKernel.lanes();
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / rowsPerGrid;
            int iz = R + row % rowsPerGrid;
            int base = (b * nz + iz) * nx;
            float dzRow = dz[iz];
            int ix = R;
            for (; ix + lanes <= nx - R; ix += lanes) {
                vectorStep(dpn, dp, p, vc, dvc, dx, nx, base + ix, ix, dzRow);
            }
            for (; ix < nx - R; ix++) {
                AcousticKernels.bornStep8(b, iz, ix, nz, nx, dpn, dp, p, vc, dvc, dz, dx);
            }
        }
    }

    /**
     * The body of {@link AcousticKernels#bornStep8} on consecutive points, same order of operations. A method of its
     * own, kept small, so that the JIT inlines the Laplacians and keeps the vectors in registers.
     */
    private static void vectorStep(float[] dpn, float[] dp, float[] p, float[] vc, float[] dvc, float[] dx, int nx,
                                   int i, int ix, float dzRow) {
        FloatVector d = FloatVector.fromArray(WaveStepKernel.species(), dx, ix).mul(dzRow);
        FloatVector c = FloatVector.fromArray(WaveStepKernel.species(), dp, i);
        FloatVector prev = FloatVector.fromArray(WaveStepKernel.species(), dpn, i);
        FloatVector v = FloatVector.fromArray(WaveStepKernel.species(), vc, i);
        FloatVector dv = FloatVector.fromArray(WaveStepKernel.species(), dvc, i);
        c.mul(2.0f).sub(d.mul(prev)).add(v.mul(WaveStepKernel.laplacian(dp, i, nx)))
                .add(dv.mul(WaveStepKernel.laplacian(p, i, nx))).mul(d).intoArray(dpn, i);
    }
}
