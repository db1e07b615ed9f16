package dev.strata.sampler.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation rows of the Tweedie posterior-denoiser guidance (n = 4000) meet the exact samplers' bound. */
class PosteriorDenoiserRowsTest {

    @Test
    void tweedieRowsMeetTheExactBound() {
        List<ValidationRow> rows = ValidationSuite.run(new ValidationSuite.Settings(false, "tmpd-", "gaussian-linear"),
                r -> System.out.printf("%s @ %s: %s%n", r.sampler(), r.oracle(), r.metrics()));
        assertEquals(2, rows.size());
        for (ValidationRow r : rows) {
            assertEquals(Bound.exact(), r.bound());
            assertTrue(r.ok(), r.sampler() + " " + r.metrics());
        }
        assertTrue(ValidationSuite.names(true).contains("tmpd-tweedie-edm-heun-32 @ gaussian-linear"));
    }
}
