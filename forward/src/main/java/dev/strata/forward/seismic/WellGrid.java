package dev.strata.forward.seismic;

/**
 * The model grid seen from the wells: nz x nx cells with centres at depth iz dz and lateral position ix dx, in
 * metres. A point snaps to the nearest centre, iz = round(z / dz), ix = round(x / dx) (halves round up), so the grid
 * holds depths in [-dz/2, (nz - 1/2) dz) and x in [-dx/2, (nx - 1/2) dx).
 *
 * @param nz depth cells, at least 1
 * @param nx lateral cells, at least 1
 * @param dz cell height in metres, positive and finite
 * @param dx cell width in metres, positive and finite
 */
public record WellGrid(int nz, int nx, double dz, double dx) {

    /** Validates the grid. */
    public WellGrid {
        if (nz < 1 || nx < 1 || !(dz > 0) || !(dx > 0) || Double.isInfinite(dz) || Double.isInfinite(dx)) {
            throw new IllegalArgumentException("a well grid needs nz, nx >= 1 and positive finite dz, dx, got nz "
                    + nz + ", nx " + nx + ", dz " + dz + ", dx " + dx);
        }
    }

    /**
     * Row-major index iz nx + ix of the cell nearest to point p of the well.
     *
     * @throws IllegalArgumentException if the point lies outside the grid; the message names the well, the point and
     *                                  the extent
     */
    public int cellOf(WellPath well, int p) {
        double fz = well.z(p) / dz;
        double fx = well.x(p) / dx;
        if (!(fz >= -0.5 && fz < nz - 0.5 && fx >= -0.5 && fx < nx - 0.5)) {
            throw new IllegalArgumentException("well " + well.name() + " point " + p + " at depth " + well.z(p)
                    + " m, x " + well.x(p) + " m lies outside the grid of " + nz + " x " + nx + " cells: depth must be"
                    + " in [" + (-0.5 * dz) + ", " + ((nz - 0.5) * dz) + ") m and x in [" + (-0.5 * dx) + ", "
                    + ((nx - 0.5) * dx) + ") m");
        }
        return (int) Math.round(fz) * nx + (int) Math.round(fx);
    }
}
