package dev.strata.cli;

import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.geology.Covariance;
import dev.strata.forward.geology.FaciesImpedanceModel;
import dev.strata.forward.geology.LayeredVelocityModel;
import dev.strata.forward.geology.LogConductivityModel;
import dev.strata.forward.geology.MarmousiPatchModel;
import dev.strata.forward.geology.ModelGenerator;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.forward.geology.VelocitySection;
import dev.strata.io.RawGrid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The problems {@code strata datagen} makes training sets for, their families and default grids, and how a
 * command line's choices become a {@link ModelGenerator}.
 */
public enum DatagenProblem {
    SEISMIC(new SectionGrid(80, 100, 1, 10), List.of("facies-impedance")),
    FWI(new SectionGrid(70, 70, 10, 10), List.of("layered", "faulted", "marmousi")),
    DARCY(new SectionGrid(64, 64, 10, 10), List.of("grf", "bimaterial"));

    private final SectionGrid defaultGrid;
    private final List<String> families;

    DatagenProblem(SectionGrid defaultGrid, List<String> families) {
        this.defaultGrid = defaultGrid;
        this.families = families;
    }

    /** The lower-case name used on the command line and in the file. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family used when none is given. */
    String defaultFamily() {
        return families.getFirst();
    }

    static DatagenProblem parse(String text) {
        for (DatagenProblem p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new UserInputException("--problem '" + text + "' is not known; use seismic, fwi or darcy");
    }

    /** The requested section: defaults of this problem overridden by the options given (null = not given). */
    SectionGrid grid(Integer nz, Integer nx, Double dz, Double dx) {
        requirePositive("--nz", nz);
        requirePositive("--nx", nx);
        requirePositive("--dz", dz);
        requirePositive("--dx", dx);
        double z = dz != null ? dz : dx != null && this == DARCY ? dx : defaultGrid.dz();
        double x = dx != null ? dx : dz != null && this == DARCY ? dz : defaultGrid.dx();
        if (this == DARCY && z != x) {
            throw new UserInputException("darcy needs square cells, got --dz " + z + " and --dx " + x
                    + "; give one of them or equal values");
        }
        return new SectionGrid(nz != null ? nz : defaultGrid.nz(), nx != null ? nx : defaultGrid.nx(), z, x);
    }

    /**
     * The generator of {@code family} (null for the default) on {@code grid}.
     *
     * @param marmousi  the velocity file for the marmousi family (a RawGrid {@code .f32} with sidecar), else null
     * @param covariance covariance name for the darcy grf family (null for the squared exponential)
     */
    ModelGenerator generator(String family, SectionGrid grid, Path marmousi, String covariance) {
        String f = family == null ? defaultFamily() : family;
        if (!families.contains(f)) {
            throw new UserInputException("--family '" + f + "' is not a family of " + id() + "; use one of "
                    + String.join(", ", families));
        }
        if (marmousi != null && !f.equals("marmousi")) {
            throw new UserInputException("--marmousi is only used with --problem fwi --family marmousi");
        }
        if (covariance != null && !f.equals("grf")) {
            throw new UserInputException("--covariance is only used with --problem darcy --family grf");
        }
        DarcyGrid darcy = this == DARCY ? new DarcyGrid(grid.nz(), grid.nx(), grid.dz()) : null;
        return switch (f) {
            case "facies-impedance" -> FaciesImpedanceModel.defaults(grid);
            case "layered" -> LayeredVelocityModel.layered(grid);
            case "faulted" -> LayeredVelocityModel.faulted(grid);
            case "marmousi" -> MarmousiPatchModel.of(section(marmousi), grid);
            case "grf" -> covariance == null ? LogConductivityModel.gaussian(darcy)
                    : LogConductivityModel.spectral(darcy, covariance(covariance));
            case "bimaterial" -> LogConductivityModel.bimaterial(darcy);
            default -> throw new IllegalStateException("family " + f + " has no generator");
        };
    }

    private static VelocitySection section(Path file) {
        if (file == null) {
            throw new UserInputException("--family marmousi needs --marmousi PATH, a float32 velocity file with a"
                    + " JSON sidecar, e.g. shared/data/marmousi2_denise_174x500.f32");
        }
        try {
            RawGrid g = RawGrid.read(file);
            return new VelocitySection(file.getFileName().toString(), new SectionGrid(g.nz(), g.nx(), g.dz(), g.dx()),
                    g.values());
        } catch (IOException e) {
            throw new UserInputException("cannot read --marmousi " + file + ": " + e.getMessage(), e);
        }
    }

    private static Covariance covariance(String name) {
        for (Covariance c : Covariance.values()) {
            if (c.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name)) {
                return c;
            }
        }
        throw new UserInputException("--covariance '" + name + "' is not known; use squared-exponential,"
                + " exponential, matern-3-2 or matern-5-2");
    }

    private static void requirePositive(String option, Number value) {
        if (value != null && !(value.doubleValue() > 0 && Double.isFinite(value.doubleValue()))) {
            throw new UserInputException(option + " must be positive, got " + value);
        }
    }
}
