package dev.strata.forward.geology;

import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.LogConductivityField;
import java.util.SplittableRandom;

/**
 * Gaussian log-conductivity fields m = ln K with any {@link Covariance} (exponential and Matern as well as the
 * squared exponential of {@code darcy.GaussianRandomField}): m = mu + sigma g, g a standard field of {@code field}.
 *
 * @param grid            the Darcy grid
 * @param logConductivity mu and sigma of ln K (K in m/s)
 * @param field           covariance, correlation lengths in metres and modes of g
 */
public record SpectralLogConductivity(DarcyGrid grid, Normal logConductivity, SpectralGaussianField field)
        implements LogConductivityField {

    public SpectralLogConductivity {
        if (grid == null || logConductivity == null || field == null) {
            throw new IllegalArgumentException("grid, logConductivity and field must not be null");
        }
    }

    @Override
    public float[] sample(SplittableRandom random) {
        float[] g = field.sample(new SectionGrid(grid.nz(), grid.nx(), grid.cellSize(), grid.cellSize()), random);
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) logConductivity.at(g[i]);
        }
        return g;
    }
}
