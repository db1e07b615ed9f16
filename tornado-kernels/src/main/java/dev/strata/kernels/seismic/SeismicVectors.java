package dev.strata.kernels.seismic;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API rows of the depth convolution {@link SeismicKernels#convolveDepth} and its adjoint
 * {@link SeismicKernels#correlateDepth}, named by their {@code @Kernel(vectorRows = ...)}: the same contract as the
 * generated row runners (a row is one (b, z) pair, b slower; arguments in task order). A row runs as whole vectors
 * along x, each summing the wavelet's taps in the body's order with the body's separate multiply and add, so it agrees
 * with the body bit for bit; the last vector ends at nx and may overlap the one before it (the overlapped points are
 * computed twice from the same inputs), and a row narrower than a vector runs the body itself.
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
}
