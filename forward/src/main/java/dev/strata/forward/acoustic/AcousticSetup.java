package dev.strata.forward.acoustic;

/**
 * Everything but the velocity model that a 2-D acoustic simulation needs, checked when built: CFL
 * ({@link StabilityChecks#requireCfl}), dispersion ({@link StabilityChecks#requireDispersion}) and that every source
 * and receiver lies on the grid ({@link StabilityChecks#requireInside}). Each failure throws
 * IllegalArgumentException with the numbers and a fix.
 *
 * @param grid        the model grid
 * @param time        time sampling of simulation and data
 * @param source      the wavelet every shot fires
 * @param acquisition sources and receivers, by grid point
 * @param velocities  the velocity range the checks are made for; models must stay inside
 * @param boundary    absorbing boundary around the model, optionally with a {@link FreeSurface} on top
 * @param dispersion  the points-per-wavelength rule
 */
public record AcousticSetup(Grid grid, TimeAxis time, RickerSource source, Acquisition acquisition,
                           VelocityRange velocities, AbsorbingBoundary boundary, DispersionRule dispersion) {

    public AcousticSetup {
        if (grid == null || time == null || source == null || acquisition == null || velocities == null
                || boundary == null || dispersion == null) {
            throw new IllegalArgumentException("acoustic setup: no component may be null");
        }
        StabilityChecks.requireInside(grid, acquisition);
        if (boundary.freeSurface()) {
            FreeSurface.requireBelowSurface(acquisition);
        }
        StabilityChecks.requireCfl(grid, time, velocities);
        StabilityChecks.requireDispersion(grid, time, source, velocities, dispersion);
    }

    /**
     * A setup with the default sponge ({@link SpongeBoundary#DEFAULT}, kept for existing callers; it reflects 0.1 to
     * 0.5 of the direct wave, too much for reflection data: use {@link #withRecommendedBoundary()} or
     * {@link AbsorbingBoundary#RECOMMENDED}) and dispersion rule.
     */
    public static AcousticSetup of(Grid grid, TimeAxis time, RickerSource source, Acquisition acquisition,
                                   VelocityRange velocities) {
        return new AcousticSetup(grid, time, source, acquisition, velocities, SpongeBoundary.DEFAULT,
                DispersionRule.DEFAULT);
    }

    /**
     * The same setup with {@link CpmlBoundary#forWavelength} for its vmax, peak frequency and spacing (the accurate
     * choice for reflection data), keeping a free surface if this setup has one.
     */
    public AcousticSetup withRecommendedBoundary() {
        CpmlBoundary cpml = CpmlBoundary.forWavelength(velocities.max(), source.peakFrequency(), grid.spacing());
        return withBoundary(boundary.freeSurface() ? cpml.withFreeSurface() : cpml);
    }

    /** The same setup with another boundary (checked again). */
    public AcousticSetup withBoundary(AbsorbingBoundary b) {
        return new AcousticSetup(grid, time, source, acquisition, velocities, b, dispersion);
    }

    /** The same setup with another acquisition (checked again). */
    public AcousticSetup withAcquisition(Acquisition a) {
        return new AcousticSetup(grid, time, source, a, velocities, boundary, dispersion);
    }

    /** vmax dt / h for this setup. */
    public double courantNumber() {
        return StabilityChecks.courantNumber(velocities.max(), time.dt(), grid.spacing());
    }

    /** vmin / (f_max h) for this setup. */
    public double pointsPerWavelength() {
        return StabilityChecks.pointsPerWavelength(velocities.min(), source, dispersion, grid.spacing());
    }
}
