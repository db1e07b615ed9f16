package dev.strata.forward.acoustic;

/**
 * Time sampling of the wave simulation and of the recorded data: samples at t = k dt, k = 0 .. nt - 1.
 *
 * @param nt number of time samples (and of leapfrog steps), at least 2
 * @param dt time step in s; positive and finite
 */
public record TimeAxis(int nt, double dt) {

    public TimeAxis {
        if (nt < 2) {
            throw new IllegalArgumentException("time axis needs nt >= 2 samples, got " + nt);
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("time step dt must be positive and finite, got " + dt + " s");
        }
    }

    /** Time of the last sample, (nt - 1) dt, in s. */
    public double duration() {
        return (nt - 1) * dt;
    }
}
