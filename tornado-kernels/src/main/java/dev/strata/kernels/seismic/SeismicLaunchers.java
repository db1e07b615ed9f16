package dev.strata.kernels.seismic;

import static dev.strata.kernels.KernelArgs.count;
import static dev.strata.kernels.KernelArgs.floats;
import static dev.strata.kernels.KernelArgs.intValue;
import static dev.strata.kernels.KernelArgs.ints;
import static dev.strata.kernels.KernelArgs.minLength;

import dev.strata.kernels.IndexRange;
import dev.strata.kernels.Kernel;

/**
 * Launchers of the {@link SeismicKernels} bodies. Reflectivity kernels take
 * {@code (arrays..., int nb, int channels, int ch, int nz, int nx)} with models {@code [nb][channels][nz][nx]} and
 * reflectivity {@code [nb][nz-1][nx]}; their rows are (batch, depth) pairs and the inner index is x. Convolution
 * kernels take {@code (in, float[] wavelet, out, int nb, int nr, int nx)} over traces {@code [nb][nr][nx]} with an
 * odd-length wavelet. Hard-data kernels take {@code (int[] points, in, out, int nb, int n)}: rows are models.
 * Every kernel writes one output element per point and every element of its output array: TornadoVM does not copy
 * an array that a task only writes to the device, so an element a task skipped would come back undefined.
 */
public final class SeismicLaunchers {
    private SeismicLaunchers() {
    }

    /** {@code (model, rc, nb, channels, ch, nz, nx)}: rc = reflectivity of Ip; rows nb (nz - 1). */
    public static final Kernel REFLECTIVITY = new ReflectivityKernel("seismic.reflectivity", 7, false) {
        @Override
        void checkArrays(Object[] a, long models, long traces) {
            minLength(name(), "model", floats(name(), a, 0).length, models);
            minLength(name(), "rc", floats(name(), a, 1).length, traces);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            float[] model = (float[]) a[0];
            float[] rc = (float[]) a[1];
            int channels = (Integer) a[3];
            int ch = (Integer) a[4];
            int nz = (Integer) a[5];
            int nx = (Integer) a[6];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    SeismicKernels.reflectivity(row / (nz - 1), row % (nz - 1), x, model, rc, channels, ch, nz, nx);
                }
            }
        }
    };

    /** {@code (model, dModel, drc, nb, channels, ch, nz, nx)}: drc = (dr/dIp) dIp; rows nb (nz - 1). */
    public static final Kernel REFLECTIVITY_JVP = new ReflectivityKernel("seismic.reflectivityJvp", 8, false) {
        @Override
        void checkArrays(Object[] a, long models, long traces) {
            minLength(name(), "model", floats(name(), a, 0).length, models);
            minLength(name(), "dModel", floats(name(), a, 1).length, models);
            minLength(name(), "drc", floats(name(), a, 2).length, traces);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            float[] model = (float[]) a[0];
            float[] dModel = (float[]) a[1];
            float[] drc = (float[]) a[2];
            int channels = (Integer) a[4];
            int ch = (Integer) a[5];
            int nz = (Integer) a[6];
            int nx = (Integer) a[7];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    SeismicKernels.reflectivityJvp(row / (nz - 1), row % (nz - 1), x, model, dModel, drc, channels,
                            ch, nz, nx);
                }
            }
        }
    };

    /**
     * {@code (model, drc, dModel, nb, channels, ch, nz, nx)}: dModel = (dr/dModel)^T drc, the impedance gradient in
     * channel ch and 0 in the other channels; rows nb channels nz, every point of dModel written.
     */
    public static final Kernel REFLECTIVITY_VJP = new ReflectivityKernel("seismic.reflectivityVjp", 8, true) {
        @Override
        void checkArrays(Object[] a, long models, long traces) {
            minLength(name(), "model", floats(name(), a, 0).length, models);
            minLength(name(), "drc", floats(name(), a, 1).length, traces);
            minLength(name(), "dModel", floats(name(), a, 2).length, models);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            float[] model = (float[]) a[0];
            float[] drc = (float[]) a[1];
            float[] dModel = (float[]) a[2];
            int channels = (Integer) a[4];
            int ch = (Integer) a[5];
            int nz = (Integer) a[6];
            int nx = (Integer) a[7];
            for (int row = r0; row < r1; row++) {
                int bc = row / nz;
                for (int x = 0; x < nx; x++) {
                    SeismicKernels.modelVjp(bc / channels, bc % channels, row % nz, x, model, drc, dModel, channels,
                            ch, nz, nx);
                }
            }
        }
    };

    /** {@code (rc, wavelet, d, nb, nr, nx)}: d = w * rc along depth ("same" size). */
    public static final Kernel CONVOLVE = new TraceKernel("seismic.convolveDepth") {
        @Override
        public void runRows(Object[] a, int r0, int r1) {
            float[] rc = (float[]) a[0];
            float[] w = (float[]) a[1];
            float[] d = (float[]) a[2];
            int nr = (Integer) a[4];
            int nx = (Integer) a[5];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    SeismicKernels.convolveDepth(row / nr, row % nr, x, rc, w, d, nr, nx, w.length);
                }
            }
        }
    };

    /** {@code (dd, wavelet, drc, nb, nr, nx)}: drc = correlation of dd with w, the adjoint of {@link #CONVOLVE}. */
    public static final Kernel CORRELATE = new TraceKernel("seismic.correlateDepth") {
        @Override
        public void runRows(Object[] a, int r0, int r1) {
            float[] dd = (float[]) a[0];
            float[] w = (float[]) a[1];
            float[] drc = (float[]) a[2];
            int nr = (Integer) a[4];
            int nx = (Integer) a[5];
            for (int row = r0; row < r1; row++) {
                for (int x = 0; x < nx; x++) {
                    SeismicKernels.correlateDepth(row / nr, row % nr, x, dd, w, drc, nr, nx, w.length);
                }
            }
        }
    };

    /** {@code (int[] idx, x, y, nb, size)}: y[b, j] = x[b, idx[j]], idx in [0, size); rows models, inner j. */
    public static final Kernel GATHER = new Kernel() {
        @Override
        public String name() {
            return "seismic.gatherPoints";
        }

        @Override
        public void check(Object[] a) {
            int[] idx = checkPoints(name(), a);
            int size = intValue(name(), a, 4);
            for (int i : idx) {
                if (i < 0 || i >= size) {
                    throw new IllegalArgumentException(name() + ": point index " + i + " outside [0, " + size + ")");
                }
            }
            long nb = intValue(name(), a, 3);
            minLength(name(), "x", floats(name(), a, 1).length, nb * size);
            minLength(name(), "y", floats(name(), a, 2).length, nb * idx.length);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[3], 0, ((int[]) a[0]).length);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            int[] idx = (int[]) a[0];
            float[] x = (float[]) a[1];
            float[] y = (float[]) a[2];
            int size = (Integer) a[4];
            for (int b = r0; b < r1; b++) {
                for (int j = 0; j < idx.length; j++) {
                    SeismicKernels.gatherPoint(b, j, idx, x, y, size, idx.length);
                }
            }
        }
    };

    /**
     * {@code (int[] slot, y, x, nb, m)}: x[b, i] = y[b, slot[i]], 0 where slot[i] = -1; slot {@code [size]} in
     * [-1, m) is the inverse of {@link #GATHER}'s idx; rows models, inner i, every point of x written.
     */
    public static final Kernel SCATTER = new Kernel() {
        @Override
        public String name() {
            return "seismic.scatterPoints";
        }

        @Override
        public void check(Object[] a) {
            int[] slot = checkPoints(name(), a);
            int m = intValue(name(), a, 4);
            for (int j : slot) {
                if (j < -1 || j >= m) {
                    throw new IllegalArgumentException(name() + ": slot " + j + " outside [-1, " + m + ")");
                }
            }
            long nb = intValue(name(), a, 3);
            minLength(name(), "y", floats(name(), a, 1).length, nb * m);
            minLength(name(), "x", floats(name(), a, 2).length, nb * slot.length);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[3], 0, ((int[]) a[0]).length);
        }

        @Override
        public void runRows(Object[] a, int r0, int r1) {
            int[] slot = (int[]) a[0];
            float[] y = (float[]) a[1];
            float[] x = (float[]) a[2];
            int m = (Integer) a[4];
            for (int b = r0; b < r1; b++) {
                for (int i = 0; i < slot.length; i++) {
                    SeismicKernels.scatterPoint(b, i, slot, y, x, slot.length, m);
                }
            }
        }
    };

    /** Checks {@code (int[] points, float[], float[], int nb, int n)} with nb, n and points >= 1; returns points. */
    private static int[] checkPoints(String name, Object[] a) {
        count(name, a, 5);
        int[] points = ints(name, a, 0);
        int nb = intValue(name, a, 3);
        int n = intValue(name, a, 4);
        if (nb < 1 || n < 1 || points.length < 1) {
            throw new IllegalArgumentException(name + ": the batch, the point count and the size must be >= 1, got "
                    + nb + ", " + points.length + ", " + n);
        }
        return points;
    }

    /**
     * Arguments end with {@code (nb, channels, ch, nz, nx)}; rows nb (nz - 1), or nb channels nz (every point of a
     * model) with {@code overModel}.
     */
    private abstract static class ReflectivityKernel implements Kernel {
        private final String name;
        private final int argc;
        private final boolean overModel;

        ReflectivityKernel(String name, int argc, boolean overModel) {
            this.name = name;
            this.argc = argc;
            this.overModel = overModel;
        }

        @Override
        public String name() {
            return name;
        }

        abstract void checkArrays(Object[] a, long models, long traces);

        @Override
        public void check(Object[] a) {
            count(name, a, argc);
            int nb = intValue(name, a, argc - 5);
            int channels = intValue(name, a, argc - 4);
            int ch = intValue(name, a, argc - 3);
            int nz = intValue(name, a, argc - 2);
            int nx = intValue(name, a, argc - 1);
            if (nb < 1 || channels < 1 || nz < 2 || nx < 1 || ch < 0 || ch >= channels) {
                throw new IllegalArgumentException(name + ": needs nb, channels, nx >= 1, nz >= 2 and channel in [0, "
                        + "channels), got nb " + nb + ", channels " + channels + ", ch " + ch + ", nz " + nz + ", nx "
                        + nx);
            }
            checkArrays(a, (long) nb * channels * nz * nx, (long) nb * (nz - 1) * nx);
        }

        @Override
        public IndexRange range(Object[] a) {
            int nb = (Integer) a[argc - 5];
            int nz = (Integer) a[argc - 2];
            int nx = (Integer) a[argc - 1];
            int channels = (Integer) a[argc - 4];
            return new IndexRange(0, overModel ? nb * channels * nz : nb * (nz - 1), 0, nx);
        }
    }

    /** {@code (in, wavelet, out, nb, nr, nx)}; rows (batch, depth), inner x. */
    private abstract static class TraceKernel implements Kernel {
        private final String name;

        TraceKernel(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void check(Object[] a) {
            count(name, a, 6);
            int nb = intValue(name, a, 3);
            int nr = intValue(name, a, 4);
            int nx = intValue(name, a, 5);
            if (nb < 1 || nr < 1 || nx < 1) {
                throw new IllegalArgumentException(name + ": traces " + nb + " x " + nr + " x " + nx
                        + " must have every dimension >= 1");
            }
            if (floats(name, a, 1).length % 2 == 0) {
                throw new IllegalArgumentException(name + ": the wavelet must have an odd length, got "
                        + floats(name, a, 1).length);
            }
            long n = (long) nb * nr * nx;
            minLength(name, "input", floats(name, a, 0).length, n);
            minLength(name, "output", floats(name, a, 2).length, n);
        }

        @Override
        public IndexRange range(Object[] a) {
            return new IndexRange(0, (Integer) a[3] * (Integer) a[4], 0, (Integer) a[5]);
        }
    }
}
