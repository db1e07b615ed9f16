package dev.strata.io;

import java.util.List;

/**
 * What a user observed, as stored in a Strata observation file ({@link ObservationFile}): the model grid, the data of
 * each kind with its geometry and noise model, and, for synthetic tests, the true model. Plain data with shape
 * checks only; the physics (operators, stability) is checked where the operators are built. Positions are in metres
 * from the top-left corner of the model grid (z down, x right). Arrays are held, not copied.
 *
 * @param problem one of {@code seismic}, {@code wells}, {@code seismic+wells}, {@code fwi}, {@code darcy}
 * @param grid    the model grid
 * @param seismic full-stack section, or null
 * @param wells   well logs (empty if none)
 * @param shots   shot gathers, or null
 * @param heads   hydraulic head measurements, or null
 * @param truth      the true model {@code [channels][nz][nx]} in physical units, or null (real data)
 * @param background a smooth prior mean / starting model {@code [channels][nz][nx]}, physical units, or null
 */
public record Observations(String problem, ModelGrid grid, SeismicSection seismic, List<WellLog> wells,
                           ShotGathers shots, HeadData heads, float[] truth, float[] background) {

    public Observations {
        wells = List.copyOf(wells);
        for (float[] model : new float[][] {truth, background}) {
            if (model != null) {
                requireLength(model == truth ? "true model" : "background model", model, grid.size());
            }
        }
    }

    /**
     * The model grid.
     *
     * @param channelNames one name per channel, e.g. {@code facies, impedance}
     * @param units        one unit per channel, e.g. {@code 1, m/s*g/cm3}
     */
    public record ModelGrid(int nz, int nx, double dz, double dx, List<String> channelNames, List<String> units) {
        public ModelGrid {
            channelNames = List.copyOf(channelNames);
            units = List.copyOf(units);
            if (nz < 2 || nx < 1) {
                throw new IllegalArgumentException("model grid must be at least 2 x 1, got " + nz + " x " + nx);
            }
            if (!(dz > 0 && dx > 0 && Double.isFinite(dz) && Double.isFinite(dx))) {
                throw new IllegalArgumentException("grid spacings must be positive and finite, got dz " + dz
                        + ", dx " + dx);
            }
            if (channelNames.isEmpty() || channelNames.size() != units.size()) {
                throw new IllegalArgumentException("need one unit per channel, got channels " + channelNames
                        + " and units " + units);
            }
        }

        public int channels() {
            return channelNames.size();
        }

        public int size() {
            return channels() * nz * nx;
        }

        /** Index of the channel called {@code name}, or -1. */
        public int channel(String name) {
            return channelNames.indexOf(name);
        }
    }

    /**
     * A full-stack seismic section by the convolutional model (seed 000).
     *
     * @param data             {@code [rows][nx]}; rows = nz (same-rows convention) or nz - 1
     * @param wavelet          the wavelet, any length
     * @param dt               sample interval in seconds
     * @param sameRows         seed 000's convention: as many data rows as model rows
     * @param noiseA           sigma_d = a + b |d|: the constant part
     * @param noiseB           sigma_d = a + b |d|: the relative part
     */
    public record SeismicSection(float[] data, int rows, int nx, float[] wavelet, double dt, boolean sameRows,
                                 double noiseA, double noiseB) {
        public SeismicSection {
            requireLength("seismic data", data, (long) rows * nx);
            if (wavelet.length < 1) {
                throw new IllegalArgumentException("seismic wavelet is empty");
            }
            if (!(noiseA >= 0 && noiseB >= 0 && noiseA + noiseB > 0) || !Double.isFinite(noiseA + noiseB)) {
                throw new IllegalArgumentException("seismic noise sigma_d = a + b|d| needs a, b >= 0, finite, not both"
                        + " 0; got a " + noiseA + ", b " + noiseB);
            }
        }
    }

    /**
     * A well log: values of some model channels at points along a (vertical or deviated) path.
     *
     * @param name     well name
     * @param zM       depth of each point, metres
     * @param xM       lateral position of each point, metres
     * @param channels names of the logged channels
     * @param values   {@code [points][channels]}
     * @param sigma    noise standard deviation of each logged channel, in its units
     */
    public record WellLog(String name, float[] zM, float[] xM, List<String> channels, float[] values,
                          double[] sigma) {
        public WellLog {
            channels = List.copyOf(channels);
            if (zM.length == 0 || zM.length != xM.length) {
                throw new IllegalArgumentException("well " + name + ": need as many x as z positions, at least one;"
                        + " got " + zM.length + " and " + xM.length);
            }
            requireLength("well " + name + " values", values, (long) zM.length * channels.size());
            if (sigma.length != channels.size()) {
                throw new IllegalArgumentException("well " + name + ": need one sigma per logged channel "
                        + channels + ", got " + sigma.length);
            }
            for (double s : sigma) {
                requirePositive("well " + name + " sigma", s);
            }
        }

        public int points() {
            return zM.length;
        }
    }

    /**
     * Pressure shot gathers of a 2-D acoustic survey.
     *
     * @param data        {@code [shots][nt][receivers]}
     * @param sources     {@code [shots][2]}: z, x in metres
     * @param receivers   {@code [receivers][2]}: z, x in metres
     * @param dt          sample interval, seconds
     * @param peakHz      Ricker peak frequency of the source
     * @param sigma       noise standard deviation of the data
     * @param freeSurface whether the top of the model is a free surface
     */
    public record ShotGathers(float[] data, int shots, int nt, int receiverCount, float[] sources, float[] receivers,
                              double dt, double peakHz, double sigma, boolean freeSurface) {
        public ShotGathers {
            requireLength("shot data", data, (long) shots * nt * receiverCount);
            requireLength("source positions", sources, 2L * shots);
            requireLength("receiver positions", receivers, 2L * receiverCount);
            requirePositive("shot dt", dt);
            requirePositive("peak frequency", peakHz);
            requirePositive("shot noise sigma", sigma);
        }
    }

    /**
     * Hydraulic heads of a steady Darcy flow, with the boundary conditions and wells that drive it.
     *
     * @param heads     observed heads, metres
     * @param positions {@code [heads][2]}: z, x in metres
     * @param wells     {@code [wells][3]}: z, x in metres and the injection rate (negative: pumping)
     * @param sides     top, bottom, left, right: {@code no-flow} or {@code head:VALUE}
     * @param sigma     noise standard deviation of the heads, metres
     */
    public record HeadData(float[] heads, float[] positions, float[] wells, List<String> sides, double sigma) {
        public HeadData {
            sides = List.copyOf(sides);
            requireLength("head positions", positions, 2L * heads.length);
            if (wells.length % 3 != 0) {
                throw new IllegalArgumentException("wells need z, x, rate per well, got " + wells.length + " values");
            }
            if (sides.size() != 4) {
                throw new IllegalArgumentException("need 4 boundary conditions (top, bottom, left, right), got "
                        + sides);
            }
            requirePositive("head noise sigma", sigma);
        }
    }

    static void requireLength(String what, float[] a, long expected) {
        if (a.length != expected) {
            throw new IllegalArgumentException(what + " has " + a.length + " values, expected " + expected);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new IllegalArgumentException(what + " holds a non-finite value (" + a[i] + ") at flat index "
                        + i);
            }
        }
    }

    static void requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }
}
