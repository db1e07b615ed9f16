package dev.strata.forward.acoustic;

/**
 * The numerical-dispersion requirement: the slowest wave must be sampled by at least
 * {@code minPointsPerWavelength} grid points at the wavelet's highest useful frequency
 * f_max = {@code maxFrequencyFactor} x f_peak, i.e. vmin / (f_max h) &gt;= minPointsPerWavelength.
 *
 * @param maxFrequencyFactor     f_max / f_peak; a Ricker's amplitude spectrum at 2.5 f_peak is 3 % of its peak
 * @param minPointsPerWavelength points per shortest wavelength the 8th-order stencil needs
 */
public record DispersionRule(double maxFrequencyFactor, double minPointsPerWavelength) {

    /** f_max = 2.5 f_peak, at least 4 points per wavelength (about 10 at the peak frequency). */
    public static final DispersionRule DEFAULT = new DispersionRule(2.5, 4.0);

    public DispersionRule {
        if (!(maxFrequencyFactor >= 1) || Double.isInfinite(maxFrequencyFactor) || !(minPointsPerWavelength >= 2)
                || Double.isInfinite(minPointsPerWavelength)) {
            throw new IllegalArgumentException("dispersion rule needs maxFrequencyFactor >= 1 and "
                    + "minPointsPerWavelength >= 2 (Nyquist), got " + maxFrequencyFactor + " and "
                    + minPointsPerWavelength);
        }
    }
}
