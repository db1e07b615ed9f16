package dev.strata.forward.seismic;

/**
 * A centred Ricker wavelet, w(t) = (1 - 2 pi^2 f^2 t^2) exp(-pi^2 f^2 t^2), sampled at t = (k - c) dt for
 * k = 0 .. length - 1, c = (length - 1) / 2, so that w[c] = 1.
 *
 * @param peakFrequency f, where the amplitude spectrum peaks, in Hz; positive, below the Nyquist frequency 1 / (2 dt)
 * @param dt            sampling interval in s; positive
 * @param length        number of samples; odd and positive, so the wavelet has a centre sample
 */
public record RickerWavelet(double peakFrequency, double dt, int length) {

    /** Validates the parameters; throws IllegalArgumentException naming the one that is wrong. */
    public RickerWavelet {
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
        if (length < 1 || length % 2 == 0) {
            throw new IllegalArgumentException("Ricker length must be odd and positive (a centred wavelet), got "
                    + length);
        }
    }

    /** Index of the centre sample, (length - 1) / 2, where t = 0. */
    public int centre() {
        return (length - 1) / 2;
    }

    /** The samples w[k] = w((k - centre()) dt); a new array of {@code length} on each call. */
    public float[] samples() {
        float[] w = new float[length];
        double a = Math.PI * Math.PI * peakFrequency * peakFrequency;
        int c = centre();
        for (int k = 0; k < length; k++) {
            double t = (k - c) * dt;
            double at2 = a * t * t;
            w[k] = (float) ((1 - 2 * at2) * Math.exp(-at2));
        }
        return w;
    }
}
