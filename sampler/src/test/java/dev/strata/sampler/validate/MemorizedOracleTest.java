package dev.strata.sampler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.mixture.MemorizedPosterior;
import dev.strata.sampler.oracle.PosteriorMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memorized rows are judged by an oracle computed independently of {@link MemorizedPosterior}
 * ({@link ReweightedExamples}): the two agree on the weights, the row meets the exact bound, and a memorized posterior
 * with a wrong likelihood (noise 0.25, the variance, instead of the std 0.5) fails it, which the old self-comparison could not.
 */
class MemorizedOracleTest {
    private static final MemorizedLinearCase CASE = MemorizedLinearCase.of(8, 8, 1000, 2, 0.5, 11);

    @Test
    void independentWeightsAgreeWithTheLibrarysWeights() {
        double[] library = CASE.posterior().weights();
        double[] independent = ((ReweightedExamples) CASE.reweighted()).weights();
        double tv = 0;
        for (int k = 0; k < library.length; k++) {
            tv += Math.abs(library[k] - independent[k]);
        }
        assertTrue(tv / 2 < 1e-5, "total variation " + tv / 2);
        assertEquals(CASE.posterior().effectiveSize(), ((ReweightedExamples) CASE.reweighted()).effectiveSize(), 1e-3);
    }

    @Test
    void memorizedExactRowIsJudgedByTheIndependentOracleAndMeetsTheExactBound() {
        assertNotSame(CASE.posterior(), CASE.reweighted());
        List<ValidationRow> rows = ValidationSuite.run(new ValidationSuite.Settings(true, "memorized-exact", null),
                r -> { });
        assertEquals(1, rows.size());
        assertEquals(Bound.exact(), rows.get(0).bound());
        assertTrue(rows.get(0).ok(), rows.get(0).metrics().toString());
    }

    @Test
    void memorizedPosteriorWithTheWrongNoiseFailsTheExactBound() {
        // noise 0.25: the variance s^2 = 0.25 passed where the std is expected
        MemorizedPosterior wrong = MemorizedPosterior.of("wrong-noise", CASE.prior(), CASE.operator(), CASE.data(), 0.25);
        PosteriorMetrics m = PosteriorMetrics.compare(wrong.sample(4000, 1), 4000, CASE.reweighted(), 8000, 2);
        System.out.println("memorized posterior with noise 0.25 against the noise-0.5 oracle: " + m);
        assertFalse(Bound.exact().holds(m), m.toString());
        PosteriorMetrics right = PosteriorMetrics.compare(CASE.posterior().sample(4000, 1), 4000, CASE.reweighted(),
                8000, 2);
        assertTrue(Bound.exact().holds(right), right.toString());
    }
}
