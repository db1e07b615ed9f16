package dev.strata.sampler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The power-scaled rows (seed 003) meet the exact bound: the CFG combination at lambda = alpha = 1, the tempered
 * likelihood (noise s / sqrt(2)) that samples p(y | x)^2 p(x) exactly, and with the predictor-corrector the prior
 * powers alpha = 2 and 0.5 and the joint lambda = 2, alpha = 0.5; the CFG row runs in CI's quick suite.
 */
class PowerScaledRowsTest {

    @Test
    void powerScaledRowsMeetTheExactBound() {
        List<ValidationRow> rows = ValidationSuite.run(new ValidationSuite.Settings(false, "power-", ""),
                r -> System.out.printf("%s @ %s: %s%n", r.sampler(), r.oracle(), r.metrics()));
        assertEquals(5, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.sampler().equals("power-pc-2-edm-euler-64")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.sampler().equals("power-pc-lambda-2-alpha-0.5-edm-euler-64")
                && r.oracle().equals("gaussian-linear-power-2-prior-power-0.5")), rows.toString());
        for (ValidationRow r : rows) {
            assertEquals(Bound.exact(), r.bound());
            assertTrue(r.ok(), r.sampler() + " " + r.metrics());
        }
        assertTrue(ValidationSuite.names(true).contains("power-cfg-1-1-edm-euler-64 @ gaussian-linear"));
    }
}
