package dev.strata.cli.demo;

/**
 * Settings of the built-in demo: a seismic impedance inversion on an 80 x 100 section.
 *
 * @param nz            depth samples
 * @param nx            traces
 * @param samples       posterior samples drawn together as one batch
 * @param steps         EDM (Karras) noise levels
 * @param seed          seed of the synthetic truth, the noise and the sampler
 * @param peakHz        Ricker peak frequency
 * @param dt            sampling interval along depth, seconds (two-way time)
 * @param meanIp        prior mean of the acoustic impedance (m/s * g/cm^3)
 * @param stdIp         prior standard deviation of the impedance
 * @param corrZ         prior correlation length along depth, samples
 * @param corrX         prior correlation length along x, traces
 * @param noiseFraction data noise std as a share of the clean data's RMS
 * @param zeta          DPS step scale
 */
public record SeismicDemoConfig(int nz, int nx, int samples, int steps, long seed, double peakHz, double dt,
                                double meanIp, double stdIp, double corrZ, double corrX, double noiseFraction,
                                double zeta) {

    public SeismicDemoConfig {
        if (nz < 16 || nx < 4) {
            throw new IllegalArgumentException("demo grid must be at least 16 x 4, got " + nz + " x " + nx);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("--samples must be >= 2 to estimate a spread, got " + samples);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("--steps must be >= 2, got " + steps);
        }
        if (!(noiseFraction > 0)) {
            throw new IllegalArgumentException("noise fraction must be > 0, got " + noiseFraction);
        }
    }

    /** The default demo: 80 x 100, 30 Hz Ricker at 2 ms, smooth layered prior, 10 % noise. */
    public static SeismicDemoConfig defaults() {
        return new SeismicDemoConfig(80, 100, 16, 200, 2026, 30.0, 0.002, 7000.0, 700.0, 3.0, 25.0, 0.1, 30.0);
    }

    public SeismicDemoConfig withRun(int samples, int steps, long seed) {
        return new SeismicDemoConfig(nz, nx, samples, steps, seed, peakHz, dt, meanIp, stdIp, corrZ, corrX,
                noiseFraction, zeta);
    }

    public SeismicDemoConfig withZeta(double z) {
        return new SeismicDemoConfig(nz, nx, samples, steps, seed, peakHz, dt, meanIp, stdIp, corrZ, corrX,
                noiseFraction, z);
    }
}
