package dev.strata.forward.geology;

import java.util.SplittableRandom;

/**
 * Stationary correlation functions rho(r) of a unit-variance Gaussian field, r the distance in correlation lengths
 * (anisotropy is handled by scaling each axis by its own length before), with the spectral density each is sampled
 * from in {@link SpectralGaussianField}:
 * <pre>
 *   SQUARED_EXPONENTIAL  rho = exp(-r^2 / 2)                               k ~ N(0, I)
 *   EXPONENTIAL          rho = exp(-r)                    (Matern 1/2)     k ~ Student-t, 1 degree of freedom
 *   MATERN_3_2           rho = (1 + sqrt3 r) exp(-sqrt3 r)                 k ~ Student-t, 3 degrees of freedom
 *   MATERN_5_2           rho = (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r)     k ~ Student-t, 5 degrees of freedom
 * </pre>
 * The Matern spectral density (2 nu + |k|^2)^-(nu + d/2) is the bivariate Student-t density with 2 nu degrees of
 * freedom, so k = z / sqrt(chi2 / (2 nu)) with z ~ N(0, I) and chi2 a sum of 2 nu squared standard normals.
 */
public enum Covariance {
    SQUARED_EXPONENTIAL(0),
    EXPONENTIAL(1),
    MATERN_3_2(3),
    MATERN_5_2(5);

    /** The correlation at which the practical range is read, as in geostatistics (variogram at 95 % of the sill). */
    public static final double PRACTICAL_RANGE_CORRELATION = 0.05;

    private final int degreesOfFreedom; // 2 nu; 0 for the Gaussian spectrum

    Covariance(int degreesOfFreedom) {
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /** rho(r) for r >= 0 in correlation lengths. */
    public double correlation(double r) {
        return switch (this) {
            case SQUARED_EXPONENTIAL -> Math.exp(-0.5 * r * r);
            case EXPONENTIAL -> Math.exp(-r);
            case MATERN_3_2 -> (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r);
            case MATERN_5_2 -> (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r);
        };
    }

    /**
     * The practical range in correlation lengths: the r where rho(r) falls to {@value #PRACTICAL_RANGE_CORRELATION},
     * i.e. where the normalised variogram 1 - rho reaches 0.95 (2.448 for the squared exponential, ln 20 = 2.996 for
     * the exponential). Found by bisection; rho is decreasing in r.
     */
    public double practicalRange() {
        double lo = 0;
        double hi = 1;
        while (correlation(hi) > PRACTICAL_RANGE_CORRELATION) {
            hi *= 2;
        }
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (correlation(mid) > PRACTICAL_RANGE_CORRELATION) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The factor s that turns a standard normal pair z into a wave vector k = s z (per unit correlation length) drawn
     * from this covariance's spectral density; advances {@code random} ({@code 2 nu} normals for Matern, none for the
     * squared exponential).
     */
    double spectralScale(SplittableRandom random) {
        if (degreesOfFreedom == 0) {
            return 1;
        }
        double chi2 = 0;
        for (int i = 0; i < degreesOfFreedom; i++) {
            double g = random.nextGaussian();
            chi2 += g * g;
        }
        return 1 / Math.sqrt(chi2 / degreesOfFreedom);
    }
}
