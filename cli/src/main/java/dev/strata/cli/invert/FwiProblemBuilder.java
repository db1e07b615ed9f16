package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.forward.acoustic.AcousticSetup;
import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.acoustic.Acquisition;
import dev.strata.forward.ClippedInput;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.acoustic.AbsorbingBoundary;
import dev.strata.forward.acoustic.DispersionRule;
import dev.strata.forward.acoustic.Grid;
import dev.strata.forward.acoustic.GridPoint;
import dev.strata.forward.acoustic.RickerSource;
import dev.strata.forward.acoustic.Shot;
import dev.strata.forward.acoustic.TimeAxis;
import dev.strata.forward.acoustic.VelocityRange;
import dev.strata.io.Observations;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Observations.ShotGathers;
import dev.strata.kernels.ComputeBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Full-waveform inversion: pressure shot gathers of the 2-D acoustic wave equation (8th order in space, the
 * recommended CPML on every side, or below a free surface), a velocity model on a square grid. The prior is centred on
 * the file's background (starting) model, or a constant velocity where there is none; models are clipped to the
 * velocity range the CFL and dispersion checks were made for ({@link ClippedInput}).
 */
final class FwiProblemBuilder {
    /** Prior spread of the velocity: this share of the background, at least {@link #MIN_SPREAD} m/s. */
    static final double RELATIVE_SPREAD = 0.1;
    static final double MIN_SPREAD = 100;

    private FwiProblemBuilder() {
    }

    /**
     * @param maxMemoryBytes memory budget of one gradient (shots per pass, then the checkpoint interval, chosen to
     *                       fit: {@link AcousticWaveOperator#withMemoryBudget}), or 0 for {@link #defaultBudget}
     */
    static PhysicalProblem build(Observations obs, ComputeBackend backend, long maxMemoryBytes) {
        ModelGrid g = obs.grid();
        ShotGathers s = SeismicProblemBuilder.require(obs.shots(), obs, "an /fwi group");
        if (g.channels() != 1 || !g.channelNames().getFirst().equals("velocity")) {
            throw new UserInputException("fwi needs one model channel named 'velocity', the grid has "
                    + g.channelNames() + "; fix: set /model channels to velocity");
        }
        if (Math.abs(g.dz() - g.dx()) > 1e-6 * g.dx()) {
            throw new UserInputException("fwi needs a square grid (dz = dx), got dz " + g.dz() + " m, dx " + g.dx()
                    + " m; fix: resample the model");
        }
        float[] background = obs.background() != null ? obs.background()
                : PriorDefaults.background(g, obs.wells());
        requirePositive("background velocity", background, g);
        float[] spread = new float[background.length];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = (float) Math.max(MIN_SPREAD, RELATIVE_SPREAD * background[i]);
        }
        VelocityRange range = velocityRange(background);
        double vmin = range.min();
        double vmax = range.max();
        if (obs.truth() != null) {
            requireInside(obs.truth(), range, g);
        }
        AcousticWaveOperator wave = budgeted(wave(obs, range, backend), maxMemoryBytes, defaultBudget());
        ForwardOperator op = new ClippedInput(wave, vmin, vmax);
        double[] sigma = new double[s.data().length];
        Arrays.fill(sigma, s.sigma());
        return new PhysicalProblem(obs, op, s.data(), sigma,
                List.of(new DataBlock("shots", 0, s.data().length)), background, spread, vmin, vmax);
    }

    /**
     * The budget of one gradient where none is given: a quarter of the JVM's largest heap. Passes of one model's shots
     * with memory for the whole run where that fits (nothing recomputed; a reverse step of a batch then runs its
     * forward passes and its adjoint passes apart), else fewer shots a pass or shorter checkpoint intervals.
     */
    static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * {@code wave} for a budget of {@code maxMemoryBytes} (0: {@code defaultBudget}); where one shot's checkpointed
     * gradient does not fit the default budget, {@code wave} as it is (all shots a pass, checkpoints about sqrt(nt)
     * apart), since no budget was asked for.
     */
    static AcousticWaveOperator budgeted(AcousticWaveOperator wave, long maxMemoryBytes, long defaultBudget) {
        if (maxMemoryBytes > 0) {
            return wave.withMemoryBudget(maxMemoryBytes);
        }
        return wave.bytesForGradient(1) <= defaultBudget ? wave.withMemoryBudget(defaultBudget) : wave;
    }

    /**
     * The acoustic operator of the survey in {@code obs} (its shots, receivers, time axis and source), checked for
     * models within {@code range}.
     */
    static AcousticWaveOperator wave(Observations obs, VelocityRange range, ComputeBackend backend) {
        ModelGrid g = obs.grid();
        ShotGathers s = obs.shots();
        Grid grid = new Grid(g.nz(), g.nx(), g.dx());
        List<GridPoint> receivers = new ArrayList<>();
        for (int r = 0; r < s.receiverCount(); r++) {
            receivers.add(point(s.receivers(), r, g, "receiver"));
        }
        List<Shot> shots = new ArrayList<>();
        for (int k = 0; k < s.shots(); k++) {
            shots.add(new Shot(point(s.sources(), k, g, "source"), receivers));
        }
        AbsorbingBoundary boundary = s.freeSurface() ? AbsorbingBoundary.RECOMMENDED.withFreeSurface()
                : AbsorbingBoundary.RECOMMENDED;
        AcousticSetup setup = new AcousticSetup(grid, new TimeAxis(s.nt(), s.dt()), RickerSource.withPeak(s.peakHz()),
                new Acquisition(shots), range, boundary, DispersionRule.DEFAULT);
        return new AcousticWaveOperator(setup, backend);
    }

    /**
     * Velocities the CFL and dispersion checks are made for, and models must stay within: 0.6 x the slowest and
     * 1.5 x the fastest background velocity.
     */
    static VelocityRange velocityRange(float[] background) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (float v : background) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new VelocityRange(0.6 * min, 1.5 * max);
    }

    private static void requirePositive(String what, float[] v, ModelGrid g) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                throw new UserInputException(what + " " + v[i] + " m/s at z " + (i / g.nx()) * g.dz() + " m, x "
                        + (i % g.nx()) * g.dx() + " m is not positive; fix: give velocities > 0");
            }
        }
    }

    /** The true model must lie in the range the simulation is checked for, or its data would be unstable. */
    private static void requireInside(float[] v, VelocityRange range, ModelGrid g) {
        for (int i = 0; i < v.length; i++) {
            if (!range.contains(v[i])) {
                throw new UserInputException("true velocity " + v[i] + " m/s at z " + (i / g.nx()) * g.dz()
                        + " m, x " + (i % g.nx()) * g.dx() + " m lies outside " + range.min() + " .. " + range.max()
                        + " m/s (0.6 x the slowest to 1.5 x the fastest background velocity); fix: check the model"
                        + " (negative or extreme values) or give a background closer to it");
            }
        }
    }

    private static GridPoint point(float[] zx, int i, ModelGrid g, String what) {
        GridPoint p = GridPoint.nearest(zx[2 * i], zx[2 * i + 1], g.dx());
        if (p.z() < 0 || p.z() >= g.nz() || p.x() < 0 || p.x() >= g.nx()) {
            throw new UserInputException(what + " " + i + " at z " + zx[2 * i] + " m, x " + zx[2 * i + 1]
                    + " m lies outside the model (" + (g.nz() - 1) * g.dz() + " m deep, " + (g.nx() - 1) * g.dx()
                    + " m wide); fix: correct the " + what + " positions");
        }
        return p;
    }
}
