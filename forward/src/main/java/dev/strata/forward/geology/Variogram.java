package dev.strata.forward.geology;

import java.util.stream.IntStream;

/**
 * The experimental semivariogram of one channel along one axis, pooled over a batch of models and normalised by the
 * batch variance sigma^2 (about the batch mean):
 * <pre>
 *   gamma(h) = 1 / (2 N(h) sigma^2) sum over models and pairs (v(p + h e) - v(p))^2,   h = 1 .. maxLag cells,
 * </pre>
 * so gamma rises from 0 towards 1 (the sill) for a stationary field. Its {@linkplain #range() range} is the
 * practical range: the first lag where gamma reaches 0.95, interpolated linearly between lags (gamma(0) = 0), in
 * metres. For a field with correlation rho and length l that is the r where rho(r / l) = 0.05, e.g. 2.448 l for the
 * squared exponential and 3 l for the exponential ({@link Covariance#practicalRange()}).
 *
 * @param spacing cell spacing along the axis in metres
 * @param gamma   gamma(h) for h = 0 .. maxLag ({@code gamma[0] = 0}); the record keeps the array
 */
public record Variogram(double spacing, double[] gamma) {

    /** Level of the normalised variogram read as the practical range. */
    public static final double RANGE_LEVEL = 1 - Covariance.PRACTICAL_RANGE_CORRELATION;

    /** The axis a variogram runs along. */
    public enum Axis { Z, X }

    /**
     * Measures gamma along {@code axis} up to half the grid length (at least one lag).
     *
     * @param models   {@code [n][channels][nz][nx]}, not modified
     * @param n        models in the batch
     * @param channels channels per model
     * @param channel  which channel
     * @param grid     the section
     * @param variance sigma^2 of the channel over the batch; positive
     */
    public static Variogram measure(float[] models, int n, int channels, int channel, SectionGrid grid, Axis axis,
                                    double variance) {
        int nz = grid.nz();
        int nx = grid.nx();
        int strideLag = axis == Axis.Z ? nx : 1;
        int length = axis == Axis.Z ? nz : nx;
        int maxLag = Math.max(1, length / 2);
        double[] sums = IntStream.range(0, n).parallel().mapToObj(b -> {
            double[] s = new double[maxLag + 1];
            int base = (b * channels + channel) * nz * nx;
            for (int h = 1; h <= maxLag && h < length; h++) {
                int zEnd = axis == Axis.Z ? nz - h : nz;
                int xEnd = axis == Axis.Z ? nx : nx - h;
                double acc = 0;
                for (int iz = 0; iz < zEnd; iz++) {
                    int row = base + iz * nx;
                    for (int ix = 0; ix < xEnd; ix++) {
                        double d = models[row + ix + h * strideLag] - models[row + ix];
                        acc += d * d;
                    }
                }
                s[h] = acc;
            }
            return s;
        }).reduce(new double[maxLag + 1], (a, c) -> {
            double[] r = a.clone();
            for (int h = 0; h < r.length; h++) {
                r[h] += c[h];
            }
            return r;
        });
        double[] gamma = new double[maxLag + 1];
        for (int h = 1; h <= maxLag && h < length; h++) {
            long pairs = (long) n * (axis == Axis.Z ? (nz - h) * nx : nz * (nx - h));
            gamma[h] = variance > 0 ? sums[h] / (2.0 * pairs * variance) : 0;
        }
        return new Variogram(axis == Axis.Z ? grid.dz() : grid.dx(), gamma);
    }

    /**
     * The practical range in metres: the first lag where gamma reaches {@link #RANGE_LEVEL}, linearly interpolated;
     * {@code NaN} if gamma stays below it up to the largest lag measured.
     */
    public double range() {
        for (int h = 1; h < gamma.length; h++) {
            if (gamma[h] >= RANGE_LEVEL) {
                double t = (RANGE_LEVEL - gamma[h - 1]) / (gamma[h] - gamma[h - 1]);
                return (h - 1 + t) * spacing;
            }
        }
        return Double.NaN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variogram v && spacing == v.spacing && java.util.Arrays.equals(gamma, v.gamma);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(spacing) + java.util.Arrays.hashCode(gamma);
    }

    @Override
    public String toString() {
        return "Variogram[spacing " + spacing + ", range " + range() + "]";
    }
}
