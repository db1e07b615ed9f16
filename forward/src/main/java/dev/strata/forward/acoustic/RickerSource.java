package dev.strata.forward.acoustic;

/**
 * A Ricker wavelet fired at every shot's source point: w(t) = (1 - 2 pi^2 f^2 (t - t0)^2) exp(-pi^2 f^2 (t - t0)^2),
 * sampled at t = k dt (unlike {@link dev.strata.forward.seismic.RickerWavelet}, which is centred in a short window).
 *
 * @param peakFrequency f, the peak of the amplitude spectrum, in Hz; positive and finite
 * @param delay         t0, the time of the wavelet's central peak, in s; at least 1 / f so the wavelet starts
 *                      from (numerically) zero
 */
public record RickerSource(double peakFrequency, double delay) {

    /** Delay of {@link #withPeak}: 1.5 periods, so w(0) is about 1e-9 of the peak. */
    public static final double DEFAULT_DELAY_PERIODS = 1.5;

    public RickerSource {
        if (!(peakFrequency > 0) || Double.isInfinite(peakFrequency)) {
            throw new IllegalArgumentException("Ricker peak frequency must be positive and finite, got "
                    + peakFrequency + " Hz");
        }
        if (!(delay >= 1.0 / peakFrequency) || Double.isInfinite(delay)) {
            throw new IllegalArgumentException("Ricker delay must be at least one period 1 / f = "
                    + 1.0 / peakFrequency + " s, or the wavelet starts with a jump; got " + delay + " s");
        }
    }

    /** A Ricker wavelet of peak frequency f delayed by 1.5 / f. */
    public static RickerSource withPeak(double peakFrequency) {
        return new RickerSource(peakFrequency, DEFAULT_DELAY_PERIODS / peakFrequency);
    }

    /** w(t), dimensionless, peak 1 at t = delay. */
    public double amplitude(double t) {
        double a = Math.PI * peakFrequency * (t - delay);
        double a2 = a * a;
        return (1.0 - 2.0 * a2) * Math.exp(-a2);
    }

    /** w(k dt) for k = 0 .. nt - 1; a new array. */
    public float[] samples(TimeAxis time) {
        float[] w = new float[time.nt()];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) amplitude(k * time.dt());
        }
        return w;
    }
}
