package dev.strata.forward.geology;

import java.util.SplittableRandom;

/**
 * Standard (mean 0, variance 1) stationary Gaussian random fields on a {@link SectionGrid} with an anisotropic
 * {@link Covariance}, by the randomisation (random cosine) method, as {@code forward.darcy.GaussianRandomField} but
 * with any of the covariances of {@link Covariance} and separate lengths along z and x: with M wave vectors
 * (k_z, k_x) = s_j (g_z / lengthZ, g_x / lengthX), g ~ N(0, I), s_j from {@link Covariance} (1 for the squared
 * exponential), and phases phi_j uniform in [0, 2 pi),
 * <pre>
 *   g(z, x) = sqrt(2 / M) sum_j cos(k_z,j z + k_x,j x + phi_j),
 *   E[g(p) g(q)] = rho(sqrt((dz / lengthZ)^2 + (dx / lengthX)^2)),   dz, dx the offsets of p and q in metres.
 * </pre>
 * The covariance is exact in the mean over draws; the marginal is close to Gaussian for M of a few hundred.
 * Positions are cell centres in metres. Each cosine is split as cos(a) cos(b) - sin(a) sin(b) so a field costs
 * M (nz + nx) trigonometric calls and 2 M nz nx multiply-adds. Seeded: the same {@link SplittableRandom} state
 * gives the same field, bit for bit.
 *
 * @param covariance correlation function
 * @param lengthZ    correlation length along depth in metres, positive
 * @param lengthX    correlation length along x in metres, positive
 * @param modes      M, >= 1
 */
public record SpectralGaussianField(Covariance covariance, double lengthZ, double lengthX, int modes) {

    public SpectralGaussianField {
        if (covariance == null) {
            throw new IllegalArgumentException("covariance must not be null");
        }
        if (!(lengthZ > 0) || !(lengthX > 0) || Double.isInfinite(lengthZ) || Double.isInfinite(lengthX)) {
            throw new IllegalArgumentException("correlation lengths must be positive and finite, got " + lengthZ
                    + ", " + lengthX);
        }
        if (modes < 1) {
            throw new IllegalArgumentException("modes must be >= 1, got " + modes);
        }
    }

    /** One field, {@code [nz][nx]}, mean 0 and variance 1; advances {@code random}. */
    public float[] sample(SectionGrid grid, SplittableRandom random) {
        int nz = grid.nz();
        int nx = grid.nx();
        double[] cosZ = new double[modes * nz];
        double[] sinZ = new double[modes * nz];
        double[] cosX = new double[modes * nx];
        double[] sinX = new double[modes * nx];
        for (int j = 0; j < modes; j++) {
            double gz = random.nextGaussian();
            double gx = random.nextGaussian();
            double phase = 2 * Math.PI * random.nextDouble();
            double s = covariance.spectralScale(random);
            double kz = s * gz / lengthZ;
            double kx = s * gx / lengthX;
            for (int iz = 0; iz < nz; iz++) {
                double a = kz * (iz + 0.5) * grid.dz() + phase;
                cosZ[j * nz + iz] = Math.cos(a);
                sinZ[j * nz + iz] = Math.sin(a);
            }
            for (int ix = 0; ix < nx; ix++) {
                double b = kx * (ix + 0.5) * grid.dx();
                cosX[j * nx + ix] = Math.cos(b);
                sinX[j * nx + ix] = Math.sin(b);
            }
        }
        double amplitude = Math.sqrt(2.0 / modes);
        float[] g = new float[nz * nx];
        double[] row = new double[nx];
        for (int iz = 0; iz < nz; iz++) {
            java.util.Arrays.fill(row, 0);
            for (int j = 0; j < modes; j++) {
                double cz = cosZ[j * nz + iz];
                double sz = sinZ[j * nz + iz];
                int o = j * nx;
                for (int ix = 0; ix < nx; ix++) {
                    row[ix] += cz * cosX[o + ix] - sz * sinX[o + ix];
                }
            }
            for (int ix = 0; ix < nx; ix++) {
                g[iz * nx + ix] = (float) (amplitude * row[ix]);
            }
        }
        return g;
    }
}
