package dev.strata.kernels.seismic;

import dev.strata.kernels.annotations.Derived;
import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the 1-D convolutional seismic model: reflectivity of acoustic impedance along depth, then a
 * "same"-size convolution of each trace with a centred odd-length wavelet; and of hard data (values at selected
 * points, e.g. well logs) and its adjoint. Typed tasks: {@code SeismicTasks}, written by the build from these
 * declarations; the convolution and its adjoint also run as Vector API rows on the JVM ({@link SeismicVectors}).
 *
 * <p>Models are flat row-major {@code [nb][channels][nz][nx]} with the impedance Ip in channel {@code ch};
 * reflectivity and data are {@code [nb][nr][nx]} with {@code nr = nz - 1} (depth slower than x). Each body writes
 * exactly one output element at {@code (b, z, x)} and reads only its inputs (every adjoint is written as a gather),
 * so all points may run in parallel without races. Inputs are not modified. Sizes are checked when a task is made;
 * the sign of Ip is not: callers validate models once.
 */
public final class SeismicKernels {
    private SeismicKernels() {
    }

    /** rc[b, z, x] = (Ip[z+1] - Ip[z]) / (Ip[z+1] + Ip[z]), 0 <= z < nz - 1; writes {@code rc} only. */
    @Kernel(requires = {"channels >= 1 && ch >= 0 && ch < channels", "nz >= 2"},
            vectorRows = "SeismicVectors.reflectivityRows")
    public static void reflectivity(@Index("nb") int b, @Index("nz - 1") int z, @Index("nx") int x,
                                    @Length("nb * channels * nz * nx") float[] model,
                                    @Writes @Length("nb * (nz - 1) * nx") float[] rc, int channels, int ch, int nz,
                                    int nx) {
        int i = modelIndex(b, z, x, channels, ch, nz, nx);
        float upper = model[i];
        float lower = model[i + nx];
        rc[rcIndex(b, z, x, nz, nx)] = (lower - upper) / (lower + upper);
    }

    /**
     * dIp[z] = -2 Ip[z+1] drc[z] / (Ip[z] + Ip[z+1])^2 + 2 Ip[z-1] drc[z-1] / (Ip[z-1] + Ip[z])^2, terms with rc
     * indices outside [0, nz - 1) dropped, 0 <= z < nz; writes {@code dModel} at channel {@code ch} only.
     */
    public static void reflectivityVjp(int b, int z, int x, float[] model, float[] drc, float[] dModel, int channels,
                                       int ch, int nz, int nx) {
        int i = modelIndex(b, z, x, channels, ch, nz, nx);
        int r = rcIndex(b, z, x, nz, nx);
        float ip = model[i];
        float g = 0.0f;
        if (z < nz - 1) {
            float lower = model[i + nx];
            float s = ip + lower;
            g = g + drc[r] * (-2.0f * lower) / (s * s);
        }
        if (z > 0) {
            float upper = model[i - nx];
            float s = upper + ip;
            g = g + drc[r - nx] * (2.0f * upper) / (s * s);
        }
        dModel[i] = g;
    }

    /** drc[z] = 2 (Ip[z] dIp[z+1] - Ip[z+1] dIp[z]) / (Ip[z] + Ip[z+1])^2, dIp in {@code dModel}; writes drc only. */
    @Kernel(requires = {"channels >= 1 && ch >= 0 && ch < channels", "nz >= 2"},
            vectorRows = "SeismicVectors.reflectivityJvpRows")
    public static void reflectivityJvp(@Index("nb") int b, @Index("nz - 1") int z, @Index("nx") int x,
                                       @Length("nb * channels * nz * nx") float[] model,
                                       @Length("nb * channels * nz * nx") float[] dModel,
                                       @Writes @Length("nb * (nz - 1) * nx") float[] drc, int channels, int ch, int nz,
                                       int nx) {
        int i = modelIndex(b, z, x, channels, ch, nz, nx);
        float upper = model[i];
        float lower = model[i + nx];
        float s = upper + lower;
        drc[rcIndex(b, z, x, nz, nx)] = 2.0f * (upper * dModel[i + nx] - lower * dModel[i]) / (s * s);
    }

    /** Flat index of model point (b, ch, z, x) in {@code [nb][channels][nz][nx]}. */
    public static int modelIndex(int b, int z, int x, int channels, int ch, int nz, int nx) {
        return ((b * channels + ch) * nz + z) * nx + x;
    }

    /** Flat index of reflectivity point (b, z, x) in {@code [nb][nz - 1][nx]}. */
    public static int rcIndex(int b, int z, int x, int nz, int nx) {
        return (b * (nz - 1) + z) * nx + x;
    }

    /** d[z] = sum_k w[k] rc[z - k + c], c = (nw - 1) / 2, rc = 0 outside [0, nr), nw odd; writes d only. */
    @Kernel(requires = "nw % 2 == 1", vectorRows = "SeismicVectors.convolveDepthRows")
    public static void convolveDepth(@Index("nb") int b, @Index("nr") int z, @Index("nx") int x,
                                     @Length("nb * nr * nx") float[] rc, float[] wavelet,
                                     @Writes @Length("nb * nr * nx") float[] d, int nr, int nx,
                                     @Derived("wavelet.length") int nw) {
        int c = (nw - 1) / 2;
        int k0 = Math.max(0, z + c - (nr - 1));
        int k1 = Math.min(nw - 1, z + c);
        int base = b * nr * nx + x;
        float sum = 0.0f;
        for (int k = k0; k <= k1; k++) {
            sum = sum + wavelet[k] * rc[base + (z - k + c) * nx];
        }
        d[base + z * nx] = sum;
    }

    /** Adjoint of {@link #convolveDepth}: drc[z] = sum_k w[k] dd[z + k - c], dd = 0 outside [0, nr); writes drc. */
    @Kernel(requires = "nw % 2 == 1", vectorRows = "SeismicVectors.correlateDepthRows")
    public static void correlateDepth(@Index("nb") int b, @Index("nr") int z, @Index("nx") int x,
                                      @Length("nb * nr * nx") float[] dd, float[] wavelet,
                                      @Writes @Length("nb * nr * nx") float[] drc, int nr, int nx,
                                      @Derived("wavelet.length") int nw) {
        int c = (nw - 1) / 2;
        int k0 = Math.max(0, c - z);
        int k1 = Math.min(nw - 1, nr - 1 - z + c);
        int base = b * nr * nx + x;
        float sum = 0.0f;
        for (int k = k0; k <= k1; k++) {
            sum = sum + wavelet[k] * dd[base + (z + k - c) * nx];
        }
        drc[base + z * nx] = sum;
    }

    /**
     * Gradient of one model point in any channel c: {@link #reflectivityVjp} in the impedance channel ch, 0 in the
     * others (the data do not depend on them), dModel = (dr/dModel)^T drc. Writes dModel at (b, c, z, x) only: every
     * point of dModel is written.
     */
    @Kernel(requires = {"channels >= 1 && ch >= 0 && ch < channels", "nz >= 2"},
            vectorRows = "SeismicVectors.modelVjpRows")
    public static void modelVjp(@Index("nb") int b, @Index("channels") int c, @Index("nz") int z, @Index("nx") int x,
                                @Length("nb * channels * nz * nx") float[] model,
                                @Length("nb * (nz - 1) * nx") float[] drc,
                                @Writes @Length("nb * channels * nz * nx") float[] dModel, int channels, int ch, int nz,
                                int nx) {
        if (c == ch) {
            reflectivityVjp(b, z, x, model, drc, dModel, channels, ch, nz, nx);
        } else {
            dModel[((b * channels + c) * nz + z) * nx + x] = 0.0f;
        }
    }

    /**
     * Hard data y = S x: y[b, j] = x[b, idx[j]] for models {@code [nb][size]} and values {@code [nb][m]},
     * m = idx.length; writes y at (b, j) only.
     */
    @Kernel(requires = "KernelChecks.allWithin(idx, 0, size)")
    public static void gatherPoint(@Index("nb") int b, @Index("m") int j, int[] idx, @Length("nb * size") float[] x,
                                   @Writes @Length("nb * m") float[] y, int size, @Derived("idx.length") int m) {
        y[b * m + j] = x[b * size + idx[j]];
    }

    /**
     * Adjoint of {@link #gatherPoint}, x = S^T y, as a gather over the model: x[b, i] = y[b, slot[i]] where point i
     * is observed as value slot[i], and 0 where slot[i] = -1 (not observed); {@code slot} {@code [size]} is the
     * inverse of {@code idx}. Writes x at (b, i) only: every point of x is written.
     */
    @Kernel(requires = "KernelChecks.allWithin(slot, -1, m)")
    public static void scatterPoint(@Index("nb") int b, @Index("size") int i, int[] slot,
                                    @Length("nb * m") float[] y, @Writes @Length("nb * size") float[] x,
                                    @Derived("slot.length") int size, int m) {
        int j = slot[i];
        x[b * size + i] = j >= 0 ? y[b * m + j] : 0.0f;
    }
}
