package dev.strata.forward.darcy;

import java.util.SplittableRandom;

/**
 * Gaussian random fields of log-conductivity, the first family of seed 002 (arXiv 2512.22421), by the randomisation
 * (random cosine) method: with M wave vectors k_j drawn from the spectral density of the covariance and phases
 * phi_j uniform in [0, 2 pi),
 * <pre>
 *   m(x) = mean + stdDev sqrt(2 / M) sum_j cos(k_j . x + phi_j),   k_j ~ N(0, I / l^2),
 * </pre>
 * whose covariance is stdDev^2 exp(-|r|^2 / (2 l^2)) (squared exponential, correlation length l), exactly in the
 * mean over draws and approximately Gaussian for M of a few hundred. Positions are cell centres in metres. Seeded:
 * the same {@link SplittableRandom} state gives the same field.
 *
 * @param grid              where the field lives
 * @param mean              mean of m = ln K
 * @param stdDev            standard deviation of m, >= 0
 * @param correlationLength l in metres, positive
 * @param modes             M, >= 1
 */
public record GaussianRandomField(DarcyGrid grid, double mean, double stdDev, double correlationLength, int modes)
        implements LogConductivityField {

    public GaussianRandomField {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
        if (!Double.isFinite(mean) || !(stdDev >= 0) || Double.isInfinite(stdDev)) {
            throw new IllegalArgumentException("mean must be finite and stdDev finite and >= 0, got " + mean + ", "
                    + stdDev);
        }
        if (!(correlationLength > 0) || Double.isInfinite(correlationLength)) {
            throw new IllegalArgumentException("correlation length must be positive, got " + correlationLength);
        }
        if (modes < 1) {
            throw new IllegalArgumentException("modes must be >= 1, got " + modes);
        }
    }

    /** 256 modes, mean 0. */
    public static GaussianRandomField of(DarcyGrid grid, double stdDev, double correlationLength) {
        return new GaussianRandomField(grid, 0, stdDev, correlationLength, 256);
    }

    @Override
    public float[] sample(SplittableRandom random) {
        int nz = grid.nz();
        int nx = grid.nx();
        double h = grid.cellSize();
        double[] kz = new double[modes];
        double[] kx = new double[modes];
        double[] phase = new double[modes];
        for (int j = 0; j < modes; j++) {
            kz[j] = random.nextGaussian() / correlationLength;
            kx[j] = random.nextGaussian() / correlationLength;
            phase[j] = 2 * Math.PI * random.nextDouble();
        }
        double amplitude = stdDev * Math.sqrt(2.0 / modes);
        float[] m = new float[nz * nx];
        for (int iz = 0; iz < nz; iz++) {
            double z = (iz + 0.5) * h;
            for (int ix = 0; ix < nx; ix++) {
                double x = (ix + 0.5) * h;
                double s = 0;
                for (int j = 0; j < modes; j++) {
                    s += Math.cos(kz[j] * z + kx[j] * x + phase[j]);
                }
                m[iz * nx + ix] = (float) (mean + amplitude * s);
            }
        }
        return m;
    }
}
