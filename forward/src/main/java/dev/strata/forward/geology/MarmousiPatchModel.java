package dev.strata.forward.geology;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Velocity patches cut at random from a real section such as Marmousi and resampled onto {@code grid}; one channel,
 * velocity in m/s. Each patch covers a window of zoom * (nz dz) by zoom * (nx dx) metres of the source (zoom drawn
 * from {@code zoom}; the window is shrunk, keeping its shape, if it does not fit), at a uniform random position
 * inside the source, mirrored left-right with probability {@code flipProbability}, and sampled bilinearly at the
 * centres of the target cells ({@link VelocitySection#at}). Zoom &gt; 1 smooths the source, zoom &lt; 1 magnifies it.
 *
 * @param source          the section patches are cut from
 * @param grid            the target section (default 70 x 70 cells of 10 m)
 * @param zoom            window size relative to the target's extent, positive (default 0.75 to 1.5)
 * @param flipProbability chance of a left-right mirror, in [0, 1] (default 0.5)
 */
public record MarmousiPatchModel(VelocitySection source, SectionGrid grid, Interval zoom, double flipProbability)
        implements ModelGenerator {

    public MarmousiPatchModel {
        if (source == null || grid == null || zoom == null || !zoom.positive()) {
            throw new IllegalArgumentException("need a source, a grid and a positive zoom interval");
        }
        if (!(flipProbability >= 0 && flipProbability <= 1)) {
            throw new IllegalArgumentException("flip probability must be in [0, 1], got " + flipProbability);
        }
    }

    /** The defaults above: patches of {@code source} on {@code grid}. */
    public static MarmousiPatchModel of(VelocitySection source, SectionGrid grid) {
        return new MarmousiPatchModel(source, grid, new Interval(0.75, 1.5), 0.5);
    }

    @Override
    public List<Channel> channels() {
        return List.of(new Channel("velocity", "m/s"));
    }

    @Override
    public Record config() {
        return this;
    }

    @Override
    public float[] sample(SplittableRandom random) {
        SectionGrid from = source.grid();
        double s = zoom.draw(random);
        double fit = Math.max(1, Math.max(s * grid.depth() / from.depth(), s * grid.width() / from.width()));
        double windowZ = s * grid.depth() / fit;
        double windowX = s * grid.width() / fit;
        double z0 = (from.depth() - windowZ) * random.nextDouble();
        double x0 = (from.width() - windowX) * random.nextDouble();
        boolean flip = random.nextDouble() < flipProbability;
        double stepZ = windowZ / grid.nz();
        double stepX = windowX / grid.nx();
        float[] v = new float[grid.cells()];
        for (int iz = 0; iz < grid.nz(); iz++) {
            for (int ix = 0; ix < grid.nx(); ix++) {
                int column = flip ? grid.nx() - 1 - ix : ix;
                v[iz * grid.nx() + ix] = (float) source.at(z0 + (iz + 0.5) * stepZ, x0 + (column + 0.5) * stepX);
            }
        }
        return v;
    }
}
