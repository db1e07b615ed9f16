package dev.strata.kernels.acoustic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.ints;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;
import dev.strata.kernels.VectorizedKernel;
import jdk.incubator.vector.FloatVector;

/**
 * Launchers of the imaging conditions that pair a back-propagated field with source-field snapshots:
 * {@link AcousticKernels#accumulateGradient} (FWI gradient) and {@link AcousticKernels#crossCorrelate} (RTM).
 * Both read the clock once per launch and do nothing outside [0, nt).
 */
public final class ImagingKernels {
    private ImagingKernels() {
    }

    private static final int R = AcousticKernels.RADIUS;

    /**
     * {@code (float[] g, float[] psi, float[] snapshots, int[] clock, int k, int nt, int nb, int nz, int nx)};
     * snapshots are a ring {@code [2k][nb nz nx]}; rows are (batch, depth) pairs of the interior.
     */
    public static final Kernel GRADIENT = new GradientKernel();

    /**
     * {@code (float[] image, float[] illumination, float[] q, float[] snapshots, int[] clock, int k, int nt, int rows,
     * int nx)}; every point of {@code rows x nx}; snapshots are a ring {@code [2k][rows nx]}.
     */
    public static final Kernel CROSS_CORRELATE = new Kernel() {
        @Override
        public String name() {
            return "acoustic.crossCorrelate";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 9);
            int k = intValue(name(), a, 5);
            intValue(name(), a, 6);
            long field = (long) intValue(name(), a, 7) * intValue(name(), a, 8);
            if (k < 1) {
                throw new IllegalArgumentException(name() + ": k must be >= 1, got " + k);
            }
            minLength(name(), "image", floats(name(), a, 0).length, field);
            minLength(name(), "illumination", floats(name(), a, 1).length, field);
            minLength(name(), "q", floats(name(), a, 2).length, field);
            minLength(name(), "snapshots", floats(name(), a, 3).length, 2L * k * field);
            minLength(name(), "clock", ints(name(), a, 4).length, 1);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[7], 0, (Integer) a[8]);
        }

        @Override
        public void runRows(Object[] a, int row0, int row1) {
            int[] clock = (int[]) a[4];
            int nt = (Integer) a[6];
            if (clock[0] < 0 || clock[0] >= nt) {
                return;
            }
            float[] image = (float[]) a[0];
            float[] illum = (float[]) a[1];
            float[] q = (float[]) a[2];
            float[] snaps = (float[]) a[3];
            int k = (Integer) a[5];
            int nx = (Integer) a[8];
            int field = (Integer) a[7] * nx;
            for (int i = row0 * nx; i < row1 * nx; i++) {
                AcousticKernels.crossCorrelate(i, image, illum, q, snaps, clock, k, nt, field);
            }
        }
    };

    /**
     * {@code (float[] g, float[] phi, float[] snapshots, int[] clock, int k, int nt, int rows, int nx)}: every point;
     * the per-point body is {@link AcousticKernels#accumulateProduct}.
     */
    public static final Kernel GRADIENT_PRODUCT = new Kernel() {
        @Override
        public String name() {
            return "acoustic.accumulateProduct";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 8);
            int k = intValue(name(), a, 4);
            intValue(name(), a, 5);
            long field = (long) intValue(name(), a, 6) * intValue(name(), a, 7);
            if (k < 1) {
                throw new IllegalArgumentException(name() + ": k must be >= 1, got " + k);
            }
            minLength(name(), "g", floats(name(), a, 0).length, field);
            minLength(name(), "phi", floats(name(), a, 1).length, field);
            minLength(name(), "snapshots", floats(name(), a, 2).length, 2L * k * field);
            minLength(name(), "clock", ints(name(), a, 3).length, 1);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[6], 0, (Integer) a[7]);
        }

        @Override
        public void runRows(Object[] a, int row0, int row1) {
            int[] clock = (int[]) a[3];
            int nt = (Integer) a[5];
            if (clock[0] < 0 || clock[0] >= nt) {
                return;
            }
            int k = (Integer) a[4];
            int nx = (Integer) a[7];
            int field = (Integer) a[6] * nx;
            for (int i = row0 * nx; i < row1 * nx; i++) {
                AcousticKernels.accumulateProduct(i, (float[]) a[0], (float[]) a[1], (float[]) a[2], clock, k, nt,
                        field);
            }
        }
    };

    /** Vectorised launcher of {@link AcousticKernels#accumulateGradient}, same order of operations. */
    private static final class GradientKernel implements VectorizedKernel {
        @Override
        public String name() {
            return "acoustic.accumulateGradient";
        }

        @Override
        public void check(Object[] a) {
            count(name(), a, 9);
            int k = intValue(name(), a, 4);
            intValue(name(), a, 5);
            int nb = intValue(name(), a, 6);
            int nz = intValue(name(), a, 7);
            int nx = intValue(name(), a, 8);
            if (nz < 2 * R + 1 || nx < 2 * R + 1 || nb < 1 || k < 1) {
                throw new IllegalArgumentException(name() + ": grid " + nb + " x " + nz + " x " + nx + " with k = " + k
                        + " invalid; nz and nx must be at least " + (2 * R + 1) + ", k >= 1");
            }
            long field = (long) nb * nz * nx;
            minLength(name(), "g", floats(name(), a, 0).length, field);
            minLength(name(), "psi", floats(name(), a, 1).length, field);
            minLength(name(), "snapshots", floats(name(), a, 2).length, 2L * k * field);
            minLength(name(), "clock", ints(name(), a, 3).length, 1);
        }

        @Override
        public IndexRange range(Object[] a) {
            int nb = (Integer) a[6];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            return new IndexRange(0, nb * (nz - 2 * R), R, nx - R);
        }

        @Override
        public void runRows(Object[] a, int rowStart, int rowEnd) {
            int[] clock = (int[]) a[3];
            int nt = (Integer) a[5];
            if (clock[0] < 0 || clock[0] >= nt) {
                return;
            }
            float[] g = (float[]) a[0];
            float[] psi = (float[]) a[1];
            float[] snaps = (float[]) a[2];
            int k = (Integer) a[4];
            int nb = (Integer) a[6];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            int rowsPerGrid = nz - 2 * R;
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / rowsPerGrid;
                int iz = R + row % rowsPerGrid;
                for (int ix = R; ix < nx - R; ix++) {
                    AcousticKernels.accumulateGradient(b, iz, ix, nz, nx, g, psi, snaps, clock, k, nt, nb * nz * nx);
                }
            }
        }

        @Override
        public void runRowsVectorized(Object[] a, int rowStart, int rowEnd) {
            int[] clock = (int[]) a[3];
            int nt = (Integer) a[5];
            int t = clock[0];
            if (t < 0 || t >= nt) {
                return;
            }
            float[] g = (float[]) a[0];
            float[] psi = (float[]) a[1];
            float[] snaps = (float[]) a[2];
            int k = (Integer) a[4];
            int nb = (Integer) a[6];
            int nz = (Integer) a[7];
            int nx = (Integer) a[8];
            int field = nb * nz * nx;
            int offset = AcousticKernels.snapshotSlot(t, k) * field;
            int rowsPerGrid = nz - 2 * R;
            int lanes = WaveStepKernel.lanes();
            for (int row = rowStart; row < rowEnd; row++) {
                int b = row / rowsPerGrid;
                int iz = R + row % rowsPerGrid;
                int base = (b * nz + iz) * nx;
                int ix = R;
                for (; ix + lanes <= nx - R; ix += lanes) {
                    vectorGradient(g, psi, snaps, base + ix, offset, nx);
                }
                for (; ix < nx - R; ix++) {
                    AcousticKernels.accumulateGradient(b, iz, ix, nz, nx, g, psi, snaps, clock, k, nt, field);
                }
            }
        }

        /** g += psi lap8(u) on consecutive points; small, so the JIT inlines the Laplacian. */
        private static void vectorGradient(float[] g, float[] psi, float[] snaps, int i, int offset, int nx) {
            FloatVector lap = WaveStepKernel.laplacian(snaps, offset + i, nx);
            FloatVector.fromArray(WaveStepKernel.species(), g, i)
                    .add(FloatVector.fromArray(WaveStepKernel.species(), psi, i).mul(lap))
                    .intoArray(g, i);
        }
    }
}
