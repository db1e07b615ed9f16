package dev.strata.kernels.seismic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API rows of the depth convolution {@link SeismicKernels#convolveDepth} and its adjoint
 * {@link SeismicKernels#correlateDepth}, and of the reflectivity, its JVP and its VJP
 * ({@link SeismicKernels#modelVjp}), named by their {@code @Kernel(vectorRows = ...)}: the same contract as the
 * generated row runners (a row is one (b, z) pair, or (b, c, z) for the VJP, b slowest; arguments in task order). A
 * row runs as whole vectors along x, each doing the body's operations in the body's order (the convolution sums the
 * wavelet's taps with separate multiply and add), so it agrees with the body bit for bit; the last vector ends at nx
 * and may overlap the one before it (the overlapped points are computed twice from the same inputs), and a row
 * narrower than a vector runs the body itself.
 */
final class SeismicVectors {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private SeismicVectors() {
    }

    /** {@link SeismicKernels#convolveDepth} over rows [rowStart, rowEnd): d[z] = sum_k w[k] rc[z - k + c]. */
    static void convolveDepthRows(int rowStart, int rowEnd, float[] rc, float[] wavelet, float[] d, int nr, int nx,
                                  int nb) {
        depthRows(rowStart, rowEnd, rc, wavelet, d, nr, nx, true);
    }

    /** {@link SeismicKernels#correlateDepth} over rows [rowStart, rowEnd): drc[z] = sum_k w[k] dd[z + k - c]. */
    static void correlateDepthRows(int rowStart, int rowEnd, float[] dd, float[] wavelet, float[] drc, int nr, int nx,
                                   int nb) {
        depthRows(rowStart, rowEnd, dd, wavelet, drc, nr, nx, false);
    }

    /** The rows of the convolution ({@code convolve}) or of its adjoint, from {@code in} into {@code out}. */
    private static void depthRows(int rowStart, int rowEnd, float[] in, float[] wavelet, float[] out, int nr, int nx,
                                  boolean convolve) {
        int nw = wavelet.length;
        int c = (nw - 1) / 2;
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / nr;
            int z = row % nr;
            if (nx < SPECIES.length()) {
                for (int x = 0; x < nx; x++) {
                    if (convolve) {
                        SeismicKernels.convolveDepth(b, z, x, in, wavelet, out, nr, nx, nw);
                    } else {
                        SeismicKernels.correlateDepth(b, z, x, in, wavelet, out, nr, nx, nw);
                    }
                }
                continue;
            }
            int base = b * nr * nx;
            if (convolve) { // tap k reads row z - k + c, whose start moves back one row per tap
                sumRow(in, wavelet, out, base + (z + c) * nx, -nx, base + z * nx, Math.max(0, z + c - (nr - 1)),
                        Math.min(nw - 1, z + c), nx);
            } else { // tap k reads row z + k - c, whose start moves on one row per tap
                sumRow(in, wavelet, out, base + (z - c) * nx, nx, base + z * nx, Math.max(0, c - z),
                        Math.min(nw - 1, nr - 1 - z + c), nx);
            }
        }
    }

    /**
     * out[to + x] = sum over k in [k0, k1] of w[k] in[from + k step + x] for x in [0, nx), nx at least one vector:
     * whole vectors, the last one ending at nx.
     */
    private static void sumRow(float[] in, float[] w, float[] out, int from, int step, int to, int k0, int k1,
                               int nx) {
        int lanes = SPECIES.length();
        for (int x = 0; x < nx; x += lanes) {
            int at = Math.min(x, nx - lanes);
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int k = k0; k <= k1; k++) {
                sum = sum.add(FloatVector.fromArray(SPECIES, in, from + k * step + at).mul(w[k]));
            }
            sum.intoArray(out, to + at);
        }
    }

    /** {@link SeismicKernels#reflectivity} over rows [rowStart, rowEnd): rc = (Ip[z+1] - Ip[z]) / (Ip[z+1] + Ip[z]). */
    static void reflectivityRows(int rowStart, int rowEnd, float[] model, float[] rc, int channels, int ch, int nz,
                                 int nx, int nb) {
        reflectivityRows(rowStart, rowEnd, model, null, rc, channels, ch, nz, nx);
    }

    /**
     * {@link SeismicKernels#reflectivityJvp} over rows [rowStart, rowEnd):
     * drc = 2 (Ip[z] dIp[z+1] - Ip[z+1] dIp[z]) / (Ip[z] + Ip[z+1])^2.
     */
    static void reflectivityJvpRows(int rowStart, int rowEnd, float[] model, float[] dModel, float[] drc,
                                    int channels, int ch, int nz, int nx, int nb) {
        reflectivityRows(rowStart, rowEnd, model, dModel, drc, channels, ch, nz, nx);
    }

    /** The rows of the reflectivity ({@code dModel} null) or of its JVP in direction {@code dModel}, into out. */
    private static void reflectivityRows(int rowStart, int rowEnd, float[] model, float[] dModel, float[] out,
                                         int channels, int ch, int nz, int nx) {
        int lanes = SPECIES.length();
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / (nz - 1);
            int z = row % (nz - 1);
            if (nx < lanes) {
                for (int x = 0; x < nx; x++) {
                    if (dModel == null) {
                        SeismicKernels.reflectivity(b, z, x, model, out, channels, ch, nz, nx);
                    } else {
                        SeismicKernels.reflectivityJvp(b, z, x, model, dModel, out, channels, ch, nz, nx);
                    }
                }
                continue;
            }
            int i0 = SeismicKernels.modelIndex(b, z, 0, channels, ch, nz, nx);
            int r0 = SeismicKernels.rcIndex(b, z, 0, nz, nx);
            for (int x = 0; x < nx; x += lanes) {
                int at = Math.min(x, nx - lanes);
                FloatVector upper = FloatVector.fromArray(SPECIES, model, i0 + at);
                FloatVector lower = FloatVector.fromArray(SPECIES, model, i0 + nx + at);
                if (dModel == null) {
                    lower.sub(upper).div(lower.add(upper)).intoArray(out, r0 + at);
                } else {
                    FloatVector s = upper.add(lower);
                    upper.mul(FloatVector.fromArray(SPECIES, dModel, i0 + nx + at))
                            .sub(lower.mul(FloatVector.fromArray(SPECIES, dModel, i0 + at)))
                            .mul(2.0f).div(s.mul(s)).intoArray(out, r0 + at);
                }
            }
        }
    }

    /**
     * {@link SeismicKernels#modelVjp} over rows [rowStart, rowEnd): in the impedance channel
     * dIp[z] = -2 Ip[z+1] drc[z] / (Ip[z] + Ip[z+1])^2 + 2 Ip[z-1] drc[z-1] / (Ip[z-1] + Ip[z])^2 (terms outside the
     * reflectivity's rows dropped), 0 in the other channels.
     */
    static void modelVjpRows(int rowStart, int rowEnd, float[] model, float[] drc, float[] dModel, int channels, int ch,
                             int nz, int nx, int nb) {
        int lanes = SPECIES.length();
        for (int row = rowStart; row < rowEnd; row++) {
            int z = row % nz;
            int c = (row / nz) % channels;
            int b = row / (nz * channels);
            int i0 = SeismicKernels.modelIndex(b, z, 0, channels, c, nz, nx);
            if (c != ch) {
                java.util.Arrays.fill(dModel, i0, i0 + nx, 0.0f);
            } else if (nx < lanes) {
                for (int x = 0; x < nx; x++) {
                    SeismicKernels.reflectivityVjp(b, z, x, model, drc, dModel, channels, ch, nz, nx);
                }
            } else {
                int r0 = SeismicKernels.rcIndex(b, z, 0, nz, nx);
                for (int x = 0; x < nx; x += lanes) {
                    int at = Math.min(x, nx - lanes);
                    vjpVector(model, drc, dModel, i0 + at, r0 + at, z, nz, nx);
                }
            }
        }
    }

    /** One vector of {@link #modelVjpRows} at model index i and reflectivity index r: the body's two terms in order. */
    private static void vjpVector(float[] model, float[] drc, float[] dModel, int i, int r, int z, int nz, int nx) {
        FloatVector ip = FloatVector.fromArray(SPECIES, model, i);
        FloatVector g = FloatVector.zero(SPECIES);
        if (z < nz - 1) {
            FloatVector lower = FloatVector.fromArray(SPECIES, model, i + nx);
            FloatVector s = ip.add(lower);
            g = g.add(FloatVector.fromArray(SPECIES, drc, r).mul(lower.mul(-2.0f)).div(s.mul(s)));
        }
        if (z > 0) {
            FloatVector upper = FloatVector.fromArray(SPECIES, model, i - nx);
            FloatVector s = upper.add(ip);
            g = g.add(FloatVector.fromArray(SPECIES, drc, r - nx).mul(upper.mul(2.0f)).div(s.mul(s)));
        }
        g.intoArray(dModel, i);
    }
}
