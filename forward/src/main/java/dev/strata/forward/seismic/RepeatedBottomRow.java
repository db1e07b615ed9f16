package dev.strata.forward.seismic;

/**
 * The linear map P that takes the impedance channel of models {@code [n][channels][nz][nx]} to impedance alone,
 * {@code [n][nz + 1][nx]}, with the bottom row repeated: (P x)[z] = Ip[min(z, nz - 1)]. Then
 * r[nz - 1] = (Ip[nz-1] - Ip[nz-1]) / (2 Ip[nz-1]) = 0 exactly, so {@link SeismicConvention#SAME_ROWS} on nz rows is
 * {@link SeismicConvention#DIFFERENCE_ROWS} on P x, with J = J' P and J^T = P^T J'^T. Inputs are not modified.
 */
final class RepeatedBottomRow {
    private final int channels;
    private final int ch;
    private final int nz;
    private final int nx;

    RepeatedBottomRow(int channels, int ch, int nz, int nx) {
        this.channels = channels;
        this.ch = ch;
        this.nz = nz;
        this.nx = nx;
    }

    /** P x: the impedance rows 0 .. nz - 1 of each model, then row nz - 1 again; a new {@code [n][nz+1][nx]}. */
    float[] extend(float[] x, int n) {
        int plane = nz * nx;
        float[] p = new float[n * (plane + nx)];
        for (int b = 0; b < n; b++) {
            int from = (b * channels + ch) * plane;
            int to = b * (plane + nx);
            System.arraycopy(x, from, p, to, plane);
            System.arraycopy(x, from + plane - nx, p, to + plane, nx);
        }
        return p;
    }

    /**
     * P^T g for g {@code [n][nz+1][nx]}: row z of g into impedance row z for z &lt; nz, plus row nz added to row
     * nz - 1; 0 in the other channels; a new {@code [n][channels][nz][nx]}.
     */
    float[] fold(float[] g, int n) {
        int plane = nz * nx;
        float[] dx = new float[n * channels * plane];
        for (int b = 0; b < n; b++) {
            int from = b * (plane + nx);
            int to = (b * channels + ch) * plane;
            System.arraycopy(g, from, dx, to, plane);
            for (int i = 0; i < nx; i++) {
                dx[to + plane - nx + i] += g[from + plane + i];
            }
        }
        return dx;
    }
}
