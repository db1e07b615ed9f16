package dev.strata.kernels.seismic;

/**
 * Per-point bodies of the 1-D convolutional seismic model: reflectivity of acoustic impedance along depth, then a
 * "same"-size convolution of each trace with a centred odd-length wavelet; and of hard data (values at selected
 * points, e.g. well logs) and its adjoint. Launchers: {@link SeismicLaunchers}.
 *
 * <p>Models are flat row-major {@code [nb][channels][nz][nx]} with the impedance Ip in channel {@code ch};
 * reflectivity and data are {@code [nb][nr][nx]} with {@code nr = nz - 1} (depth slower than x). Each body writes
 * exactly one output element at {@code (b, z, x)} and reads only its inputs (every adjoint is written as a gather),
 * so all points may run in parallel without races. Inputs are not modified. The bodies do not check sizes or the
 * sign of Ip: callers validate once, before launching.
 */
public final class SeismicKernels {
    private SeismicKernels() {
    }

    /** rc[b, z, x] = (Ip[z+1] - Ip[z]) / (Ip[z+1] + Ip[z]), 0 <= z < nz - 1; writes {@code rc} only. */
    public static void reflectivity(int b, int z, int x, float[] model, float[] rc, int channels, int ch, int nz,
                                    int nx) {
        int i = ((b * channels + ch) * nz + z) * nx + x;
        float upper = model[i];
        float lower = model[i + nx];
        rc[(b * (nz - 1) + z) * nx + x] = (lower - upper) / (lower + upper);
    }

    /**
     * dIp[z] = -2 Ip[z+1] drc[z] / (Ip[z] + Ip[z+1])^2 + 2 Ip[z-1] drc[z-1] / (Ip[z-1] + Ip[z])^2, terms with rc
     * indices outside [0, nz - 1) dropped, 0 <= z < nz; writes {@code dModel} at channel {@code ch} only.
     */
    public static void reflectivityVjp(int b, int z, int x, float[] model, float[] drc, float[] dModel, int channels,
                                       int ch, int nz, int nx) {
        int i = ((b * channels + ch) * nz + z) * nx + x;
        int r = (b * (nz - 1) + z) * nx + x;
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
    public static void reflectivityJvp(int b, int z, int x, float[] model, float[] dModel, float[] drc, int channels,
                                       int ch, int nz, int nx) {
        int i = ((b * channels + ch) * nz + z) * nx + x;
        float upper = model[i];
        float lower = model[i + nx];
        float s = upper + lower;
        drc[(b * (nz - 1) + z) * nx + x] = 2.0f * (upper * dModel[i + nx] - lower * dModel[i]) / (s * s);
    }

    /** d[z] = sum_k w[k] rc[z - k + c], c = (nw - 1) / 2, rc = 0 outside [0, nr), nw odd; writes d only. */
    public static void convolveDepth(int b, int z, int x, float[] rc, float[] wavelet, float[] d, int nr, int nx,
                                     int nw) {
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
    public static void correlateDepth(int b, int z, int x, float[] dd, float[] wavelet, float[] drc, int nr, int nx,
                                      int nw) {
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
     * others (the data do not depend on them). Writes dModel at (b, c, z, x) only: every point of dModel is written.
     */
    public static void modelVjp(int b, int c, int z, int x, float[] model, float[] drc, float[] dModel, int channels,
                                int ch, int nz, int nx) {
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
    public static void gatherPoint(int b, int j, int[] idx, float[] x, float[] y, int size, int m) {
        y[b * m + j] = x[b * size + idx[j]];
    }

    /**
     * Adjoint of {@link #gatherPoint}, x = S^T y, as a gather over the model: x[b, i] = y[b, slot[i]] where point i
     * is observed as value slot[i], and 0 where slot[i] = -1 (not observed); {@code slot} {@code [size]} is the
     * inverse of {@code idx}. Writes x at (b, i) only: every point of x is written.
     */
    public static void scatterPoint(int b, int i, int[] slot, float[] y, float[] x, int size, int m) {
        int j = slot[i];
        x[b * size + i] = j >= 0 ? y[b * m + j] : 0.0f;
    }
}
