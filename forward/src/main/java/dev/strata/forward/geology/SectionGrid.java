package dev.strata.forward.geology;

import dev.strata.forward.Shapes;

/**
 * A regular 2-D section of {@code nz} rows (depth, z down, row 0 at the surface) by {@code nx} columns; fields on it
 * are flat row-major {@code [nz][nx]}, cell (iz, ix) centred at ((iz + 1/2) dz, (ix + 1/2) dx).
 *
 * @param nz rows, at least 1
 * @param nx columns, at least 1
 * @param dz row spacing in metres, positive
 * @param dx column spacing in metres, positive
 */
public record SectionGrid(int nz, int nx, double dz, double dx) {
    public SectionGrid {
        if (nz < 1 || nx < 1) {
            throw new IllegalArgumentException("a section needs nz >= 1 and nx >= 1, got " + nz + " x " + nx);
        }
        if (!(dz > 0) || !(dx > 0) || Double.isInfinite(dz) || Double.isInfinite(dx)) {
            throw new IllegalArgumentException("spacings must be positive and finite, got dz " + dz + ", dx " + dx);
        }
        Shapes.size(nz, nx);
    }

    /** Number of cells, nz nx. */
    public int cells() {
        return nz * nx;
    }

    /** Depth extent nz dz in metres. */
    public double depth() {
        return nz * dz;
    }

    /** Lateral extent nx dx in metres. */
    public double width() {
        return nx * dx;
    }
}
