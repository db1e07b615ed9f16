package dev.strata.sampler.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.oracle.levy.BenchmarkOperator;
import dev.strata.sampler.oracle.levy.IncrementLaw;
import dev.strata.sampler.oracle.levy.LevyPosterior;
import org.junit.jupiter.api.Test;

/**
 * The Levy rows can fail for the right reason: samplers of a wrong posterior miss the gold-standard bound on the
 * Laplace-increment, identity-operator case, which the posterior-denoiser EDM sampler and the Tweedie corrected DPS
 * meet.
 */
class LevyRowsTest {
    private static final LevyProcessCase CASE = LevyRows.standardCase(new IncrementLaw.Laplace(1),
            BenchmarkOperator.IDENTITY);

    private static void report(ValidationRow r) {
        System.out.printf("%s @ %s, n = %d: %s, MMSE gap %.4f (floor %.4f), %.1f s; %s%n", r.sampler(), r.oracle(),
                r.samples(), r.metrics(), r.extras().get("mmseGap"), r.extras().get("mmseGapFloor"), r.seconds(),
                r.bound().description());
    }

    @Test
    void gibbsRerunMeetsTheBoundItsMonteCarloErrorSets() {
        ValidationRow r = LevyRows.rerun(CASE);
        report(r);
        assertTrue(r.ok(), r.metrics().toString());
    }

    @Test
    void samplersOfAWrongPosteriorFailTheGoldStandardBound() {
        LevyPosterior gold = CASE.posterior();
        ValidationRow gauss = ValidationSuite.sampled("gaussian-prior-edm-heun-32", CASE.name(), EdmSampler.heun(
                CASE.gaussianPosterior(), LevyRows.schedule(32)), gold, 500, LevyRows.goldBound(500, gold),
                SpeedBasis.TARGET_GIVEN);
        LevyPosterior doubled = CASE.withNoise(2, 5);
        ValidationRow noisy = ValidationSuite.sampled("gibbs-noise-x2", CASE.name(), doubled, gold, doubled.pooled(),
                LevyRows.goldBound(doubled.ess().min(), gold), SpeedBasis.TARGET_GIVEN);
        for (ValidationRow r : new ValidationRow[] {gauss, noisy}) {
            report(r);
            assertFalse(r.ok(), r.sampler() + " passed: " + r.metrics());
            assertTrue(r.metrics().meanErr() > r.bound().maxMeanErr(), r.sampler() + " " + r.metrics());
        }
    }

    /** The exact posterior denoiser from the EDM default sigma_max = 80: |E[x | y]| ~ 145 makes the start wrong. */
    @Test
    void edmDefaultSigmaMaxFailsTheBoundThatTheLevyScheduleMeets() {
        ValidationRow wrong = LevyRows.posteriorDenoiserRow("edm-heun-32-sigma80", CASE, 300, 1,
                KarrasSchedule.edm(32));
        ValidationRow right = LevyRows.exact(CASE, 300);
        report(wrong);
        report(right);
        assertFalse(wrong.ok(), wrong.metrics().toString());
        assertTrue(right.ok(), right.metrics().toString());
    }

    /**
     * Corrected DPS with the Tweedie C_x0hat is approximate (a Gaussian stand-in for p(x0 | x_sigma)); at n = 150 its
     * error is below the bound's Monte Carlo resolution. An empirical finding at this n, not a proof of exactness.
     */
    @Test
    void tweedieCorrectedDpsMeetsTheGoldStandardBoundAtSmallN() {
        ValidationRow r = LevyRows.tweedie(CASE, 150, LevyRows.goldBound(150, CASE.posterior()));
        report(r);
        assertTrue(r.ok(), r.metrics().toString());
    }
}
