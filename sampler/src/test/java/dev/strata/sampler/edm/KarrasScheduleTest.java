package dev.strata.sampler.edm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KarrasScheduleTest {
    @Test
    void levelsRunFromSigmaMaxToSigmaMinThenZero() {
        double[] s = KarrasSchedule.edm(18).sigmas();
        assertEquals(19, s.length);
        assertEquals(80.0, s[0], 1e-12);
        assertEquals(0.002, s[17], 1e-12);
        assertEquals(0.0, s[18]);
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i] < s[i - 1]);
        }
    }

    @Test
    void midpointFollowsRhoSpacing() {
        double[] s = new KarrasSchedule(3, 80, 0.002, 7).sigmas();
        double expected = Math.pow(0.5 * (Math.pow(80, 1 / 7.0) + Math.pow(0.002, 1 / 7.0)), 7);
        assertEquals(expected, s[1], 1e-12);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new KarrasSchedule(0, 80, 0.002, 7));
        assertThrows(IllegalArgumentException.class, () -> new KarrasSchedule(10, 0.001, 0.002, 7));
    }
}
