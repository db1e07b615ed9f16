package dev.strata.sampler.prior;

import dev.strata.sampler.linalg.MatrixProduct;

/**
 * The lowest {@code kz x kx} modes of the orthonormal 2-D DCT-II on an {@code nz x nx} grid:
 * phi_{k,l}(i, j) = a_k cos(pi (i + 1/2) k / nz) a_l cos(pi (j + 1/2) l / nx), a_0 = sqrt(1/n), a_k = sqrt(2/n).
 * With all modes kept it is an orthonormal basis; truncated, {@link #synthesize}{@code (}{@link #analyze}{@code )}
 * is the orthogonal projection onto the kept modes.
 */
public final class CosineBasis {
    private final int nz;
    private final int nx;
    private final int kz;
    private final int kx;
    private final MatrixProduct.Left czLeft; // Cz, the left factor of the analysis's first product
    private final MatrixProduct.Right cxTRight; // Cx^T, the right factor of its second
    private final MatrixProduct.Right cxRight; // Cx, the right factor of the synthesis's first product
    private final MatrixProduct.Left czTLeft; // Cz^T, the left factor of its second

    public CosineBasis(int nz, int nx, int kz, int kx) {
        if (kz < 1 || kz > nz || kx < 1 || kx > nx) {
            throw new IllegalArgumentException("modes " + kz + " x " + kx + " must lie in 1.." + nz + " x 1.." + nx);
        }
        this.nz = nz;
        this.nx = nx;
        this.kz = kz;
        this.kx = kx;
        double[] cz = matrix(kz, nz); // [kz][nz]
        double[] cx = matrix(kx, nx); // [kx][nx]
        this.czLeft = MatrixProduct.left(cz, 0, kz, nz);
        this.cxTRight = MatrixProduct.right(transposed(cx, kx, nx), 0, nx, kx);
        this.cxRight = MatrixProduct.right(cx, 0, kx, nx);
        this.czTLeft = MatrixProduct.left(transposed(cz, kz, nz), 0, nz, kz);
    }

    private static double[] transposed(double[] c, int rows, int columns) {
        double[] t = new double[columns * rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < columns; j++) {
                t[j * rows + r] = c[r * columns + j];
            }
        }
        return t;
    }

    private static double[] matrix(int k, int n) {
        double[] c = new double[k * n];
        for (int m = 0; m < k; m++) {
            double a = Math.sqrt((m == 0 ? 1.0 : 2.0) / n);
            for (int i = 0; i < n; i++) {
                c[m * n + i] = a * Math.cos(Math.PI * (i + 0.5) * m / n);
            }
        }
        return c;
    }

    public int modes() {
        return kz * kx;
    }

    public int modesZ() {
        return kz;
    }

    public int modesX() {
        return kx;
    }

    /** Coefficients y[k][l] = sum_ij phi_{k,l}(i,j) f[i][j] of one field at {@code f[off..off+nz*nx)}. */
    public double[] analyze(float[] f, int off) {
        double[] plane = new double[nz * nx];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = f[off + i];
        }
        return analyze(plane, 0);
    }

    /** As {@link #analyze(float[], int)} for a field in double: (Cz f) Cx^T ({@link MatrixProduct}). */
    public double[] analyze(double[] f, int off) {
        double[] t = MatrixProduct.of(czLeft, MatrixProduct.right(f, off, nz, nx));
        return MatrixProduct.of(MatrixProduct.left(t, 0, kz, nx), cxTRight);
    }

    /** Adds {@code scale * sum_{k,l} y[k][l] phi_{k,l}} to the field at {@code out[off..off+nz*nx)}. */
    public void synthesizeAdd(double[] y, double scale, float[] out, int off) {
        double[] f = synthesize(y);
        for (int i = 0; i < f.length; i++) {
            out[off + i] += (float) (scale * f[i]);
        }
    }

    /** As {@link #synthesizeAdd(double[], double, float[], int)} for a field in double. */
    public void synthesizeAdd(double[] y, double scale, double[] out, int off) {
        double[] f = synthesize(y);
        for (int i = 0; i < f.length; i++) {
            out[off + i] += scale * f[i];
        }
    }

    /** sum_{k,l} y[k][l] phi_{k,l} as a new nz x nx field: Cz^T (y Cx) ({@link MatrixProduct}). */
    private double[] synthesize(double[] y) {
        double[] t = MatrixProduct.of(MatrixProduct.left(y, 0, kz, kx), cxRight);
        return MatrixProduct.of(czTLeft, MatrixProduct.right(t, 0, kz, nx));
    }

    /** Mode indices (k, l) of coefficient m. */
    public int modeZ(int m) {
        return m / kx;
    }

    public int modeX(int m) {
        return m % kx;
    }
}
