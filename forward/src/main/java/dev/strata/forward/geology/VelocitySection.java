package dev.strata.forward.geology;

/**
 * A real velocity section to cut training patches from (e.g. Marmousi, read by {@code io.RawGrid}): {@code [nz][nx]}
 * row-major, row 0 at the surface, in m/s. Holds the array it is given (no copy) and never modifies it.
 */
public final class VelocitySection {
    private final String name;
    private final SectionGrid grid;
    private final float[] values;

    /**
     * @param name   where it comes from, for the generator description, e.g. the file name
     * @param grid   its size and spacing
     * @param values {@code [nz][nx]} velocities in m/s, positive and finite
     */
    public VelocitySection(String name, SectionGrid grid, float[] values) {
        if (name == null || grid == null || values == null || values.length != grid.cells()) {
            throw new IllegalArgumentException("a velocity section needs a name, a grid and nz nx values");
        }
        for (float v : values) {
            if (!(v > 0) || Float.isInfinite(v)) {
                throw new IllegalArgumentException("velocity section " + name + " holds " + v
                        + "; velocities must be positive and finite");
            }
        }
        this.name = name;
        this.grid = grid;
        this.values = values;
    }

    public String name() {
        return name;
    }

    public SectionGrid grid() {
        return grid;
    }

    /**
     * The velocity at depth z and lateral position x in metres, bilinear between cell centres and constant beyond
     * the outermost centres.
     */
    public double at(double z, double x) {
        double fz = Math.clamp(z / grid.dz() - 0.5, 0, grid.nz() - 1);
        double fx = Math.clamp(x / grid.dx() - 0.5, 0, grid.nx() - 1);
        int iz = Math.min((int) fz, Math.max(0, grid.nz() - 2));
        int ix = Math.min((int) fx, Math.max(0, grid.nx() - 2));
        int iz1 = Math.min(iz + 1, grid.nz() - 1);
        int ix1 = Math.min(ix + 1, grid.nx() - 1);
        double tz = fz - iz;
        double tx = fx - ix;
        int nx = grid.nx();
        double top = (1 - tx) * values[iz * nx + ix] + tx * values[iz * nx + ix1];
        double bottom = (1 - tx) * values[iz1 * nx + ix] + tx * values[iz1 * nx + ix1];
        return (1 - tz) * top + tz * bottom;
    }

    @Override
    public String toString() {
        return name + " (" + grid.nz() + " x " + grid.nx() + ", dz " + grid.dz() + " m, dx " + grid.dx() + " m)";
    }
}
