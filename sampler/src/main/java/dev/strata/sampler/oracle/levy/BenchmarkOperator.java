package dev.strata.sampler.oracle.levy;

/**
 * The linear operators of the Levy benchmark cases (after Zach et al., ICLR 2026), as dense m x d matrices:
 * identity (denoising); a 'same'-size Gaussian blur, kernel exp(-j^2 / 2) on j = -3..3 normalised to sum 1, zero
 * outside the signal (deconvolution); keeping every 4th sample from the first (imputation).
 */
public enum BenchmarkOperator {
    IDENTITY("identity"),
    BLUR("blur"),
    SUBSAMPLE("sub4");

    private static final int HALF_WIDTH = 3;
    private static final double KERNEL_STD = 1;
    private static final int STRIDE = 4;

    private final String label;

    BenchmarkOperator(String label) {
        this.label = label;
    }

    /** Short name for reports. */
    public String label() {
        return label;
    }

    /** m, the rows of the matrix for signals of length d. */
    public int rows(int d) {
        return this == SUBSAMPLE ? (d + STRIDE - 1) / STRIDE : d;
    }

    /** The matrix, m x d row-major. */
    public double[] matrix(int d) {
        int m = rows(d);
        double[] a = new double[m * d];
        switch (this) {
            case IDENTITY -> {
                for (int i = 0; i < d; i++) {
                    a[i * d + i] = 1;
                }
            }
            case BLUR -> {
                double[] k = new double[2 * HALF_WIDTH + 1];
                double total = 0;
                for (int j = -HALF_WIDTH; j <= HALF_WIDTH; j++) {
                    k[j + HALF_WIDTH] = Math.exp(-j * j / (2 * KERNEL_STD * KERNEL_STD));
                    total += k[j + HALF_WIDTH];
                }
                for (int i = 0; i < d; i++) {
                    for (int j = -HALF_WIDTH; j <= HALF_WIDTH; j++) {
                        if (i + j >= 0 && i + j < d) {
                            a[i * d + i + j] = k[j + HALF_WIDTH] / total;
                        }
                    }
                }
            }
            case SUBSAMPLE -> {
                for (int r = 0; r < m; r++) {
                    a[r * d + r * STRIDE] = 1;
                }
            }
        }
        return a;
    }
}
