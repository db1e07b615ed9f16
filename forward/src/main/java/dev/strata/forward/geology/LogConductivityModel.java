package dev.strata.forward.geology;

import dev.strata.forward.darcy.BimaterialField;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.GaussianRandomField;
import dev.strata.forward.darcy.LogConductivityField;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Log-conductivity training models for the Darcy problem (seed 002, arXiv 2512.22421): one channel m = ln K (K in
 * m/s) drawn from a {@link LogConductivityField} on its square-cell grid. The families are those of the Darcy
 * module: {@link #gaussian} reuses {@link GaussianRandomField} (squared-exponential covariance),
 * {@link #spectral} takes an exponential or Matern covariance through {@link SpectralLogConductivity}, and
 * {@link #bimaterial} reuses {@link BimaterialField}.
 *
 * @param field the family of fields
 */
public record LogConductivityModel(LogConductivityField field) implements ModelGenerator {

    /** Default Darcy grid: 64 x 64 cells of 10 m. */
    public static final DarcyGrid DEFAULT_GRID = new DarcyGrid(64, 64, 10);

    public LogConductivityModel {
        if (field == null) {
            throw new IllegalArgumentException("field must not be null");
        }
    }

    /** Squared-exponential Gaussian fields: mean 0, std 1, correlation length 40 m, 256 modes. */
    public static LogConductivityModel gaussian(DarcyGrid grid) {
        return new LogConductivityModel(new GaussianRandomField(grid, 0, 1, 40, 256));
    }

    /** Gaussian fields of another covariance: mean 0, std 1, correlation length 40 m along both axes, 256 modes. */
    public static LogConductivityModel spectral(DarcyGrid grid, Covariance covariance) {
        return new LogConductivityModel(new SpectralLogConductivity(grid, new Normal(0, 1),
                new SpectralGaussianField(covariance, 40, 40, 256)));
    }

    /** Two materials, ln K = 1 above and -1 below a smooth interface at mid-depth +- 20 %, 6 sine modes. */
    public static LogConductivityModel bimaterial(DarcyGrid grid) {
        return new LogConductivityModel(new BimaterialField(grid, 1, -1, 0.5, 0.2, 6));
    }

    @Override
    public SectionGrid grid() {
        DarcyGrid g = field.grid();
        return new SectionGrid(g.nz(), g.nx(), g.cellSize(), g.cellSize());
    }

    @Override
    public List<Channel> channels() {
        return List.of(new Channel("log_conductivity", "ln(m/s)"));
    }

    @Override
    public Record config() {
        return this;
    }

    @Override
    public float[] sample(SplittableRandom random) {
        return field.sample(random);
    }
}
