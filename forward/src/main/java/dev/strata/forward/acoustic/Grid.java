package dev.strata.forward.acoustic;

/**
 * A regular 2-D grid of {@code nz x nx} points with the same spacing in depth and x. Fields on it are flat, row-major
 * {@code [nz][nx]}: depth is the slow index, row 0 is the surface, point (z, x) sits at depth z h and offset x h.
 *
 * @param nz      points in depth, at least 1
 * @param nx      points in x, at least 1
 * @param spacing h, the distance between neighbouring points in m; positive and finite
 */
public record Grid(int nz, int nx, double spacing) {

    public Grid {
        if (nz < 1 || nx < 1) {
            throw new IllegalArgumentException("grid needs nz >= 1 and nx >= 1, got " + nz + " x " + nx);
        }
        if ((long) nz * nx > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid " + nz + " x " + nx + " is too large for one array");
        }
        if (!(spacing > 0) || Double.isInfinite(spacing)) {
            throw new IllegalArgumentException("grid spacing must be positive and finite, got " + spacing + " m");
        }
    }

    /** Number of points, nz nx. */
    public int size() {
        return nz * nx;
    }

    /** Whether (z, x) is a point of the grid. */
    public boolean contains(GridPoint p) {
        return p.z() >= 0 && p.z() < nz && p.x() >= 0 && p.x() < nx;
    }

    @Override
    public String toString() {
        return nz + " x " + nx + " grid, h = " + spacing + " m";
    }
}
