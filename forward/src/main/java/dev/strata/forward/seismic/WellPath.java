package dev.strata.forward.seismic;

import java.util.Arrays;

/**
 * A well's trajectory as log stations: point p at depth z[p] and lateral position x[p], in metres from the centre
 * of grid cell (0, 0); vertical when every x is the same, deviated otherwise. {@link WellGrid} snaps each point to
 * the nearest cell; {@link HardDataOperator#alongWells} observes the cells a well passes, each once.
 *
 * @param name a label for messages and residuals; not blank
 * @param z    depths in metres, at least one; copied
 * @param x    lateral positions in metres, as many as depths; copied
 */
public record WellPath(String name, double[] z, double[] x) {

    /** Validates and copies; throws IllegalArgumentException naming the well. */
    public WellPath {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a well path needs a name");
        }
        if (z == null || x == null || z.length == 0 || z.length != x.length) {
            throw new IllegalArgumentException("well " + name + " needs as many x positions as depths, at least one, got "
                    + (z == null ? "null" : z.length) + " depths and " + (x == null ? "null" : x.length) + " x");
        }
        z = z.clone();
        x = x.clone();
    }

    /** A vertical well at lateral position {@code x} through the given depths. */
    public static WellPath vertical(String name, double x, double... z) {
        double[] xs = new double[z == null ? 0 : z.length];
        Arrays.fill(xs, x);
        return new WellPath(name, z, xs);
    }

    /** Number of points. */
    public int points() {
        return z.length;
    }

    /** The depths, a copy. */
    @Override
    public double[] z() {
        return z.clone();
    }

    /** The lateral positions, a copy. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** Depth of point p in metres. */
    public double z(int p) {
        return z[p];
    }

    /** Lateral position of point p in metres. */
    public double x(int p) {
        return x[p];
    }
}
