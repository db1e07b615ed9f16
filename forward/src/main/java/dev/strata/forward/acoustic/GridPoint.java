package dev.strata.forward.acoustic;

/**
 * A point of a {@link Grid} by index: depth index z, lateral index x. Sources and receivers sit on grid points;
 * positions in metres are snapped to the nearest point ({@link #nearest}), so an off-grid receiver is recorded up to
 * h / sqrt(2) away from where it was asked for (no interpolation).
 *
 * @param z depth index
 * @param x lateral index
 */
public record GridPoint(int z, int x) {

    /** The grid point nearest to depth {@code zMetres} and offset {@code xMetres} (rounding half up). */
    public static GridPoint nearest(double zMetres, double xMetres, double spacing) {
        if (!Double.isFinite(zMetres) || !Double.isFinite(xMetres)) {
            throw new IllegalArgumentException("position must be finite, got (" + zMetres + ", " + xMetres + ") m");
        }
        return new GridPoint((int) Math.floor(zMetres / spacing + 0.5), (int) Math.floor(xMetres / spacing + 0.5));
    }

    /** Distance to {@code other} in m on a grid of spacing h. */
    public double distance(GridPoint other, double spacing) {
        return spacing * Math.hypot(z - other.z, x - other.x);
    }

    @Override
    public String toString() {
        return "(z " + z + ", x " + x + ")";
    }
}
