package dev.strata.forward.darcy;

/**
 * A cell of a {@link DarcyGrid}, by depth row and column index (0-based, z down).
 *
 * @param iz depth row, 0 at the top
 * @param ix column, 0 at the left
 */
public record Cell(int iz, int ix) {
    public Cell {
        if (iz < 0 || ix < 0) {
            throw new IllegalArgumentException("cell indices must be >= 0, got (" + iz + ", " + ix + ")");
        }
    }
}
