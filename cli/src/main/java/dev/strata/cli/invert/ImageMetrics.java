package dev.strata.cli.invert;

/**
 * Agreement of an estimate with the true field (one channel, {@code [nz][nx]}): RMSE, relative L2 error, PSNR and
 * SSIM (Wang et al. 2004, 7 x 7 uniform windows, K1 = 0.01, K2 = 0.03, dynamic range L = that of the truth).
 */
public record ImageMetrics(double rmse, double relativeL2, double psnr, double ssim) {
    static final int WINDOW = 7;

    public static ImageMetrics of(float[] estimate, float[] truth, int offset, int nz, int nx) {
        int plane = nz * nx;
        double e2 = 0;
        double t2 = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = offset; i < offset + plane; i++) {
            double d = estimate[i] - truth[i];
            e2 += d * d;
            t2 += (double) truth[i] * truth[i];
            min = Math.min(min, truth[i]);
            max = Math.max(max, truth[i]);
        }
        double rmse = Math.sqrt(e2 / plane);
        double range = max - min;
        double psnr = range > 0 && rmse > 0 ? 20 * Math.log10(range / rmse) : Double.POSITIVE_INFINITY;
        return new ImageMetrics(rmse, t2 > 0 ? Math.sqrt(e2 / t2) : Double.NaN, psnr,
                ssim(estimate, truth, offset, nz, nx, range > 0 ? range : 1));
    }

    /** Mean SSIM over all 7 x 7 windows that fit inside the field (the whole field if it is smaller). */
    static double ssim(float[] a, float[] b, int offset, int nz, int nx, double range) {
        double c1 = Math.pow(0.01 * range, 2);
        double c2 = Math.pow(0.03 * range, 2);
        int wz = Math.min(WINDOW, nz);
        int wx = Math.min(WINDOW, nx);
        double total = 0;
        int windows = 0;
        for (int z0 = 0; z0 + wz <= nz; z0++) {
            for (int x0 = 0; x0 + wx <= nx; x0++) {
                double sa = 0;
                double sb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                for (int z = z0; z < z0 + wz; z++) {
                    for (int x = x0; x < x0 + wx; x++) {
                        double u = a[offset + z * nx + x];
                        double v = b[offset + z * nx + x];
                        sa += u;
                        sb += v;
                        saa += u * u;
                        sbb += v * v;
                        sab += u * v;
                    }
                }
                int m = wz * wx;
                double ma = sa / m;
                double mb = sb / m;
                double va = saa / m - ma * ma;
                double vb = sbb / m - mb * mb;
                double cov = sab / m - ma * mb;
                total += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
                windows++;
            }
        }
        return total / windows;
    }
}
