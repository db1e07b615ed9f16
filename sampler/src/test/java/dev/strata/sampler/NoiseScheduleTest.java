package dev.strata.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.vp.BetaSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both schedules give the levels a sampler visits: steps + 1 EDM sigmas, strictly decreasing to 0. */
class NoiseScheduleTest {

    @Test
    void levelsDecreaseToZeroForBothSchedules() {
        for (NoiseSchedule s : List.of(KarrasSchedule.edm(12), BetaSchedule.linear(50), BetaSchedule.cosine(50))) {
            double[] l = s.levels();
            assertEquals(s.steps() + 1, l.length, s.toString());
            assertEquals(0.0, l[l.length - 1], s.toString());
            for (int i = 1; i < l.length; i++) {
                assertTrue(l[i] < l[i - 1], s + ": level " + i + " does not decrease");
            }
        }
        assertEquals(80.0, KarrasSchedule.edm(12).levels()[0], 1e-9);
    }
}
