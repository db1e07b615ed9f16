package dev.strata.forward.seismic;

/**
 * A slow, obviously correct convolutional seismic model in double, written from the equations and numpy's
 * definition, to check {@link ConvolutionalSeismic} against: no shared code with the kernels.
 */
final class ReferenceSeismic {
    private ReferenceSeismic() {
    }

    /**
     * numpy.convolve(r, w, mode='same') for w no longer than r, written out: the full convolution
     * full[m] = sum_j r[j] w[m - j], m = 0 .. R + L - 2, then the R samples starting at {@code c}; numpy takes
     * c = floor((L - 1) / 2).
     */
    static double[] sameConvolution(double[] r, float[] w, int c) {
        double[] full = new double[r.length + w.length - 1];
        for (int j = 0; j < r.length; j++) {
            for (int k = 0; k < w.length; k++) {
                full[j + k] += r[j] * w[k];
            }
        }
        double[] same = new double[r.length];
        for (int z = 0; z < r.length; z++) {
            int m = z + c;
            same[z] = m < full.length ? full[m] : 0;
        }
        return same;
    }

    /** numpy's centre, floor((L - 1) / 2). */
    static int numpyCentre(int length) {
        return (length - 1) / 2;
    }

    /**
     * Data {@code [rows][nx]} of one model {@code [channels][nz][nx]}: r[z] = (Ip[z+1] - Ip[z]) / (Ip[z+1] + Ip[z])
     * for z &lt; nz - 1, r = 0 below (rows = nz - 1 or nz), each trace convolved by {@link #sameConvolution}.
     */
    static double[] data(float[] model, int ch, int nz, int nx, int rows, float[] w) {
        double[] d = new double[rows * nx];
        for (int x = 0; x < nx; x++) {
            double[] r = new double[rows];
            for (int z = 0; z < nz - 1; z++) {
                double upper = model[(ch * nz + z) * nx + x];
                double lower = model[(ch * nz + z + 1) * nx + x];
                r[z] = (lower - upper) / (lower + upper);
            }
            double[] trace = sameConvolution(r, w, numpyCentre(w.length));
            for (int z = 0; z < rows; z++) {
                d[z * nx + x] = trace[z];
            }
        }
        return d;
    }
}
