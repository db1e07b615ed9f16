package dev.strata.forward.seismic;

/**
 * A centred Ricker wavelet, w(t) = (1 - 2 pi^2 f^2 t^2) exp(-pi^2 f^2 t^2), sampled at t = (k - c) dt for
 * k = 0 .. length - 1, c = (length - 1) / 2, so that w[c] = 1.
 *
 * @param peakFrequency f, where the amplitude spectrum peaks, in Hz; positive, below the Nyquist frequency 1 / (2 dt)
 * @param dt            sampling interval in s; positive
 * @param length        number of samples; odd and positive, so the wavelet has a centre sample
 * @see #symmetricSamples(double, double, int) for any length, even ones included (Seed 000, arXiv 2507.15809)
 */
public record RickerWavelet(double peakFrequency, double dt, int length) {

    /** Validates the parameters; throws IllegalArgumentException naming the one that is wrong. */
    public RickerWavelet {
        requireValid(peakFrequency, dt);
        if (length < 1 || length % 2 == 0) {
            throw new IllegalArgumentException("Ricker length must be odd and positive (a centred wavelet), got "
                    + length);
        }
    }

    /**
     * The wavelet sampled symmetrically about the middle of the window, w[k] = w((k - (L - 1) / 2) dt) with real
     * (L - 1) / 2, for any length L &gt;= 1. An odd L gives {@link #samples()} of {@code new RickerWavelet(f, dt, L)};
     * an even L (as Seed 000, arXiv 2507.15809, allows) puts the peak t = 0 half-way between samples L/2 - 1 and
     * L/2, so w[L/2 - 1] = w[L/2] &lt; 1. {@link ConvolutionalSeismic} places sample L/2 - 1 on the reflector.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static float[] symmetricSamples(double peakFrequency, double dt, int length) {
        requireValid(peakFrequency, dt);
        if (length < 1) {
            throw new IllegalArgumentException("Ricker length must be positive, got " + length);
        }
        return sample(peakFrequency, dt, length, (length - 1) / 2.0);
    }

    /** Checks f and dt: positive, finite, f below the Nyquist frequency 1 / (2 dt). */
    private static void requireValid(double peakFrequency, double dt) {
        if (!(peakFrequency > 0) || Double.isInfinite(peakFrequency)) {
            throw new IllegalArgumentException("Ricker peak frequency must be positive and finite, got "
                    + peakFrequency + " Hz");
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("Ricker sampling interval dt must be positive and finite, got " + dt
                    + " s");
        }
        if (peakFrequency * dt >= 0.5) {
            throw new IllegalArgumentException("Ricker peak frequency " + peakFrequency
                    + " Hz must be below the Nyquist frequency 1 / (2 dt) = " + 0.5 / dt + " Hz");
        }
    }

    /** Index of the centre sample, (length - 1) / 2, where t = 0. */
    public int centre() {
        return (length - 1) / 2;
    }

    /** The samples w[k] = w((k - centre()) dt); a new array of {@code length} on each call. */
    public float[] samples() {
        return sample(peakFrequency, dt, length, centre());
    }

    /** w[k] = (1 - 2 pi^2 f^2 t^2) exp(-pi^2 f^2 t^2) at t = (k - centre) dt, k = 0 .. length - 1. */
    private static float[] sample(double peakFrequency, double dt, int length, double centre) {
        float[] w = new float[length];
        double a = Math.PI * Math.PI * peakFrequency * peakFrequency;
        for (int k = 0; k < length; k++) {
            double t = (k - centre) * dt;
            double at2 = a * t * t;
            w[k] = (float) ((1 - 2 * at2) * Math.exp(-at2));
        }
        return w;
    }
}
