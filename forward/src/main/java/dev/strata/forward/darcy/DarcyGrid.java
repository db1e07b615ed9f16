package dev.strata.forward.darcy;

import dev.strata.forward.Shapes;

/**
 * A regular grid of square cells, {@code nz} rows (depth, z down) by {@code nx} columns; fields on it are flat
 * row-major {@code [nz][nx]}.
 *
 * <p>With square cells the two-point transmissibility of a face, K times face length over centre distance, does not
 * depend on the cell size: {@code cellSize} only places cells in space (cell (iz, ix) has its centre at
 * ((iz + 1/2) cellSize, (ix + 1/2) cellSize)), for example for a correlation length in metres.
 *
 * @param nz       rows, at least 1
 * @param nx       columns, at least 1
 * @param cellSize cell edge in metres, positive
 */
public record DarcyGrid(int nz, int nx, double cellSize) {
    public DarcyGrid {
        if (nz < 1 || nx < 1) {
            throw new IllegalArgumentException("Darcy grid needs nz >= 1 and nx >= 1, got " + nz + " x " + nx);
        }
        if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be positive and finite, got " + cellSize);
        }
        Shapes.size(nz, nx);
    }

    /** Number of cells, nz nx. */
    public int cells() {
        return nz * nx;
    }

    /** Whether the cell lies on this grid. */
    public boolean contains(Cell c) {
        return c.iz() < nz && c.ix() < nx;
    }

    /** Flat index iz nx + ix of a cell; throws if the cell is off the grid. */
    public int index(Cell c) {
        if (!contains(c)) {
            throw new IllegalArgumentException("cell (" + c.iz() + ", " + c.ix() + ") outside the " + nz + " x " + nx
                    + " grid");
        }
        return c.iz() * nx + c.ix();
    }
}
