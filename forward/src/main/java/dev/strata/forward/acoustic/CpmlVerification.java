package dev.strata.forward.acoustic;

/**
 * {@code strata verify} for {@link AcousticWaveOperator} with a 10-point {@link CpmlBoundary}: the same grid, checks
 * and limits as {@link AcousticVerification}, on the CPML kernels and their transposes.
 */
public final class CpmlVerification extends AcousticVerification {

    public CpmlVerification() {
        super("acoustic.fwi.cpml", new CpmlBoundary(10, 1e-3));
    }
}
