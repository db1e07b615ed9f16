package dev.strata.sampler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.oracle.PosteriorMetrics;
import org.junit.jupiter.api.Test;

/** The MCMC bound widens as ESS falls, down to a floor below which a row fails whatever its figures. */
class MonteCarloBoundTest {

    @Test
    void boundIsThreeOverRootEssAboveTheFloor() {
        Bound b = Bound.monteCarlo(400);
        assertEquals(0.15, b.maxMeanErr(), 1e-12);
        assertEquals(0.15, b.maxStdErr(), 1e-12);
        assertEquals(0.05, 0.9 - b.minCoverage(), 1e-12);
        assertTrue(b.holds(new PosteriorMetrics(0.14, 0.14, 0.9)));
        assertFalse(b.holds(new PosteriorMetrics(0.16, 0.14, 0.9)));
        assertTrue(b.description().contains("ESSmin>=100"), b.description());
    }

    /** ESS_min = 25 would have allowed meanErr 0.6 without the floor; a perfect row with it must fail. */
    @Test
    void chainBelowTheEssFloorFailsEvenWithPerfectFigures() {
        Bound b = Bound.monteCarlo(25);
        assertFalse(b.holds(new PosteriorMetrics(0, 0, 0.9)));
        assertFalse(b.holds(new PosteriorMetrics(0.5, 0.5, 0.9)), "the unfloored bound 3/sqrt(25) = 0.6 let this pass");
        assertTrue(b.description().contains("below the floor 100"), b.description());
        assertFalse(Bound.monteCarlo(Double.NaN).holds(new PosteriorMetrics(0, 0, 0.9)));
        assertTrue(Bound.monteCarlo(Bound.MIN_ESS).holds(new PosteriorMetrics(0.29, 0.29, 0.9)));
    }

    /** The gold-standard bound: 3 sqrt(1/ESS_s + 1/ESS_g) on meanErr, scaled by the kurtosis factor on stdErr. */
    @Test
    void goldStandardBoundFollowsBothMonteCarloErrorsAndRefusesAnUnconvergedReference() {
        Bound b = Bound.goldStandard(500, 5000, 1.001, 0.5);
        double e = 3 * Math.sqrt(1.0 / 500 + 1.0 / 5000);
        assertEquals(e, b.maxMeanErr(), 1e-12);
        assertEquals(e * Math.sqrt(0.5), b.maxStdErr(), 1e-12);
        assertEquals(3 * Math.sqrt(0.095 / 500 + 0.09 / 5000), 0.9 - b.minCoverage(), 1e-12);
        assertTrue(b.holds(new PosteriorMetrics(0.9 * e, 0.05, 0.9)));
        assertFalse(b.holds(new PosteriorMetrics(1.1 * e, 0.05, 0.9)));
        assertFalse(b.holds(new PosteriorMetrics(0.05, 0.75 * e, 0.9)));
        assertFalse(Bound.goldStandard(500, 300, 1.001, 0.5).holds(new PosteriorMetrics(0, 0, 0.9)));
        assertFalse(Bound.goldStandard(500, 5000, 1.05, 0.5).holds(new PosteriorMetrics(0, 0, 0.9)));
    }
}
