package dev.strata.cli.invert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Simulation-based calibration against synthetic truths on a Darcy problem small enough for a test (12 x 12 cells,
 * 24 cases of 41 samples, pCN chains of 300 + 41 x 20 iterations): pCN meets the exact bound, and the same draws
 * with their spread halved miss it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TruthCalibrationTest {
    private static final CalibrationProblem DARCY = new CalibrationProblem("darcy", 12, 12, 10, 10, 0.5, 24, 41, 7);
    private static final int BURN_IN = 300;
    private static final int THIN = 20;

    private ComputeBackend backend;
    private SyntheticTruths truths;
    private CaseSampling.CaseDraws chains;

    @BeforeAll
    void cases() {
        backend = ComputeBackends.open("jvm");
        truths = SyntheticTruths.of(DARCY, backend);
    }

    @AfterAll
    void close() {
        backend.close();
    }

    /** pCN's draws on the cases, run once and shared by the tests that judge them as they are or shrunk. */
    private CaseSampling pcn() {
        return (cases, samples, seed) -> {
            if (chains == null) {
                chains = new CaseChains(truths.prior(), BURN_IN, THIN, 0.1).sample(cases, samples, seed);
            }
            return chains;
        };
    }

    private static String describe(CalibrationRow r) {
        TruthCoverage c = r.coverage();
        return r.sampler() + ": coverage " + Arrays.toString(c.mean()) + " +- " + Arrays.toString(c.standardError())
                + ", exact draws give " + Arrays.toString(c.expected()) + ", spread " + c.spreadRatio() + ", "
                + c.figures() + "; bound " + r.bound().description();
    }

    @Test
    void pcnIsCalibratedOnDarcySyntheticTruths() {
        CalibrationRow r = CalibrationRows.row("pcn", truths, pcn(), CalibrationRows.EXACT);
        assertTrue(r.ok(), describe(r));
        assertTrue(r.coverage().spreadRatio() < 0.95, "the heads must narrow the prior: " + describe(r));
    }

    @Test
    void overconfidentSamplerFailsCalibration() {
        CalibrationRow r = CalibrationRows.row("pcn-spread-halved", truths, new ShrunkSpread(pcn(), 0.5),
                CalibrationRows.EXACT);
        assertFalse(r.ok(), describe(r));
        int level90 = 2;
        TruthCoverage c = r.coverage();
        assertTrue(c.mean()[level90] < c.expected()[level90] - 3 * c.standardError()[level90] - 0.02, describe(r));
    }

    @Test
    void priorDrawsCoverTruthsAtTheFiniteSampleRate() {
        // the unguided sampler over the prior's exact denoiser ignores the data: its draws come from the distribution
        // the truths were drawn from, so they cover them at (1 - 2t)(S - 1)/(S + 1) on average
        CalibrationRow r = CalibrationRows.row("prior", truths, CalibrationRows.guided(truths, "none", 32, backend),
                CalibrationRows.EXACT);
        assertTrue(r.ok(), describe(r));
        assertTrue(r.coverage().spreadRatio() > 0.9, "EDM Euler at 32 steps keeps most of the prior's spread: "
                + describe(r));
    }

    @Test
    void casesShareTheirLikelihoodAndDependOnlyOnSeedAndIndex() {
        SyntheticTruths.SyntheticCase a = truths.draw(3);
        SyntheticTruths.SyntheticCase again = SyntheticTruths.of(DARCY, backend).draw(3);
        SyntheticTruths.SyntheticCase b = truths.draw(4);
        assertArrayEquals(a.truth(), again.truth());
        assertArrayEquals(a.problem().data(), again.problem().data());
        assertFalse(Arrays.equals(a.truth(), b.truth()));
        assertArrayEquals(a.problem().physical().sigma(), b.problem().physical().sigma(),
                "the noise must not depend on the truth, or the sampler's likelihood is not the data's");
    }
}
