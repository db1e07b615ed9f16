package dev.strata.forward.darcy;

import java.util.SplittableRandom;

/**
 * Two-material log-conductivity fields, the second family of seed 002 (arXiv 2512.22421): an upper and a lower
 * material separated by a smooth random interface z = d(x),
 * <pre>
 *   d(x) = nz (depth + amplitude sum_j a_j sin(j pi x / nx + phi_j) / j / sum_j 1 / j),
 *          a_j uniform in [-1, 1], phi_j uniform in [0, 2 pi),  j = 1 .. modes,
 * </pre>
 * so |d / nz - depth| &lt;= amplitude and the 1/j decay keeps the interface smooth. A cell whose centre lies above
 * d(x) takes {@code upper}, the others {@code lower}. Seeded: the same {@link SplittableRandom} state gives the same
 * field.
 *
 * @param grid      where the field lives
 * @param upper     m = ln K above the interface
 * @param lower     m = ln K below it
 * @param depth     mean interface depth as a fraction of nz, in [0, 1]
 * @param amplitude largest departure from that depth, as a fraction of nz, >= 0
 * @param modes     sine modes of the interface, >= 1
 */
public record BimaterialField(DarcyGrid grid, double upper, double lower, double depth, double amplitude,
                              int modes) implements LogConductivityField {

    public BimaterialField {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
        if (!Double.isFinite(upper) || !Double.isFinite(lower)) {
            throw new IllegalArgumentException("material values must be finite, got " + upper + ", " + lower);
        }
        if (!(depth >= 0 && depth <= 1) || !(amplitude >= 0) || Double.isInfinite(amplitude)) {
            throw new IllegalArgumentException("depth must be in [0, 1] and amplitude >= 0, got " + depth + ", "
                    + amplitude);
        }
        if (modes < 1) {
            throw new IllegalArgumentException("modes must be >= 1, got " + modes);
        }
    }

    /** Interface depth in rows (fractional), {@code [nx]}, for the next draw; advances {@code random}. */
    public double[] interfaceDepth(SplittableRandom random) {
        int nx = grid.nx();
        double[] a = new double[modes];
        double[] phase = new double[modes];
        double norm = 0;
        for (int j = 0; j < modes; j++) {
            a[j] = 2 * random.nextDouble() - 1;
            phase[j] = 2 * Math.PI * random.nextDouble();
            norm += 1.0 / (j + 1);
        }
        double[] d = new double[nx];
        for (int ix = 0; ix < nx; ix++) {
            double s = 0;
            for (int j = 0; j < modes; j++) {
                s += a[j] * Math.sin((j + 1) * Math.PI * (ix + 0.5) / nx + phase[j]) / (j + 1);
            }
            d[ix] = grid.nz() * (depth + amplitude * s / norm);
        }
        return d;
    }

    @Override
    public float[] sample(SplittableRandom random) {
        int nz = grid.nz();
        int nx = grid.nx();
        double[] d = interfaceDepth(random);
        float[] m = new float[nz * nx];
        for (int iz = 0; iz < nz; iz++) {
            for (int ix = 0; ix < nx; ix++) {
                m[iz * nx + ix] = (float) (iz + 0.5 < d[ix] ? upper : lower);
            }
        }
        return m;
    }
}
