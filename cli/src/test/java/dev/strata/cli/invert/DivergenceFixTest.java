package dev.strata.cli.invert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fix a run that left the models the physics accepts suggests names a setting the run could change. */
class DivergenceFixTest {

    @Test
    void dpsIsToldToTryCorrectedDpsOrASmallerStep() {
        assertEquals("use --guidance cdps, a smaller --zeta or more --steps", Inversion.divergenceFix("dps",
                "isotropic"));
    }

    @Test
    void correctedDpsWithTweedieIsToldToTryTheIsotropicCovariance() {
        assertEquals("use --covariance isotropic or more --steps", Inversion.divergenceFix("cdps", "tweedie"));
        assertEquals("use --covariance isotropic or more --steps", Inversion.divergenceFix("power", "tweedie"));
    }

    @Test
    void correctedDpsWithTheIsotropicCovarianceIsNotToldToUseItself() {
        assertEquals("use more --steps", Inversion.divergenceFix("cdps", "isotropic"));
    }
}
