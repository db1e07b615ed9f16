package dev.strata.forward.acoustic;

import dev.strata.kernels.acoustic.AcousticKernels;
import java.util.List;
import java.util.Locale;

/**
 * The up-front checks of an acoustic setup. Each failure is an IllegalArgumentException that says what is wrong,
 * where, and how to fix it.
 */
public final class StabilityChecks {
    private StabilityChecks() {
    }

    /**
     * Largest Courant number v dt / h of leapfrog with the 8th-order Laplacian in 2-D:
     * sqrt(4 / (2 |c0 + 2 sum_m c_m (-1)^m|)) = 0.5546 (the h^2 Laplacian's largest eigenvalue magnitude is
     * 2 |...|, reached at the Nyquist wavenumber in both directions; leapfrog needs (v dt / h)^2 lambda &lt;= 4).
     */
    public static double maxCourantNumber() {
        return Math.sqrt(4.0 / (2.0 * AcousticKernels.nyquistSymbol()));
    }

    /** Courant number vmax dt / h. */
    public static double courantNumber(double vmax, double dt, double h) {
        return vmax * dt / h;
    }

    /** Points per shortest wavelength, vmin / (f_max h), f_max = factor x f_peak. */
    public static double pointsPerWavelength(double vmin, RickerSource source, DispersionRule rule, double h) {
        return vmin / (rule.maxFrequencyFactor() * source.peakFrequency() * h);
    }

    /** CFL: refuses vmax dt / h above {@link #maxCourantNumber()}. */
    public static void requireCfl(Grid grid, TimeAxis time, VelocityRange velocities) {
        double c = courantNumber(velocities.max(), time.dt(), grid.spacing());
        double cmax = maxCourantNumber();
        if (c > cmax) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "CFL condition violated: vmax dt / h = %.6g m/s x %.6g s / %.6g m = %.4f exceeds %.4f, the limit "
                            + "of leapfrog with the 8th-order Laplacian, so the simulation would blow up; use "
                            + "dt <= %.6g s (or a larger h, or a lower maximum velocity)",
                    velocities.max(), time.dt(), grid.spacing(), c, cmax, cmax * grid.spacing() / velocities.max()));
        }
    }

    /** Dispersion: refuses fewer than the rule's points per wavelength, and a wavelet above the time Nyquist. */
    public static void requireDispersion(Grid grid, TimeAxis time, RickerSource source, VelocityRange velocities,
                                         DispersionRule rule) {
        double fmax = rule.maxFrequencyFactor() * source.peakFrequency();
        double ppw = pointsPerWavelength(velocities.min(), source, rule, grid.spacing());
        if (ppw < rule.minPointsPerWavelength()) {
            double need = rule.minPointsPerWavelength();
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "numerical dispersion: vmin / (f_max h) = %.6g m/s / (%.6g Hz x %.6g m) = %.2f points per "
                            + "wavelength at f_max = %.3g x %.6g Hz peak, below the %.2f required; lower the peak "
                            + "frequency to <= %.4g Hz, or refine the grid to h <= %.4g m, or raise the minimum "
                            + "velocity to >= %.6g m/s",
                    velocities.min(), fmax, grid.spacing(), ppw, rule.maxFrequencyFactor(), source.peakFrequency(),
                    need, velocities.min() / (need * rule.maxFrequencyFactor() * grid.spacing()),
                    velocities.min() / (need * fmax), need * fmax * grid.spacing()));
        }
        double nyquist = 0.5 / time.dt();
        if (fmax >= nyquist) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the wavelet's highest useful frequency %.6g Hz (%.3g x %.6g Hz peak) is not below the time "
                            + "Nyquist frequency 1 / (2 dt) = %.6g Hz; use dt < %.6g s",
                    fmax, rule.maxFrequencyFactor(), source.peakFrequency(), nyquist, 0.5 / fmax));
        }
    }

    /** Every source and receiver must lie on the grid. */
    public static void requireInside(Grid grid, Acquisition acquisition) {
        List<Shot> shots = acquisition.shots();
        for (int s = 0; s < shots.size(); s++) {
            Shot shot = shots.get(s);
            requireInside(grid, shot.source(), "shot " + s + " source");
            for (int r = 0; r < shot.receivers().size(); r++) {
                requireInside(grid, shot.receivers().get(r), "shot " + s + " receiver " + r);
            }
        }
    }

    private static void requireInside(Grid grid, GridPoint p, String what) {
        if (!grid.contains(p)) {
            throw new IllegalArgumentException(what + " at " + p + " lies outside the " + grid.nz() + " x "
                    + grid.nx() + " model grid (z 0.." + (grid.nz() - 1) + ", x 0.." + (grid.nx() - 1)
                    + "); move it inside the model (the absorbing border is not part of it) or enlarge the grid");
        }
    }
}
