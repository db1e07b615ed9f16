package dev.strata.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A plan keeps whichever way its own executions showed faster, after a warm-up on the team and a trial that alternates
 * the two, and tries again once after {@link ParallelChoice#RECHECK} executions. The costs are faked: each way
 * advances a clock by its own amount.
 */
class ParallelChoiceTest {

    /** A fake clock and the two ways of running, each advancing the clock by its cost and counting its runs. */
    private static final class Costs {
        long now;
        long teamCost;
        long aloneCost;
        int teamRuns;
        int aloneRuns;
        final ParallelChoice choice = new ParallelChoice(() -> now);

        Costs(long teamCost, long aloneCost) {
            this.teamCost = teamCost;
            this.aloneCost = aloneCost;
        }

        void execute(int times) {
            for (int i = 0; i < times; i++) {
                choice.execute(() -> {
                    teamRuns++;
                    now += teamCost;
                }, () -> {
                    aloneRuns++;
                    now += aloneCost;
                });
            }
        }
    }

    @Test
    void smallWorkThatTheTeamSlowsDownRunsOnTheCallerAfterTheTrial() {
        Costs c = new Costs(30, 10);
        c.execute(ParallelChoice.WARM_UP + ParallelChoice.TRIALS);
        assertEquals(ParallelChoice.WARM_UP + ParallelChoice.TRIALS / 2, c.teamRuns, "warm-up and half the trial");
        assertFalse(c.choice.usesTeam());
        c.execute(100);
        assertEquals(ParallelChoice.TRIALS / 2 + 100, c.aloneRuns, "every execution after the trial alone");
    }

    @Test
    void workThatTheTeamSpeedsUpStaysOnTheTeam() {
        Costs c = new Costs(10, 30);
        c.execute(ParallelChoice.WARM_UP + ParallelChoice.TRIALS + 100);
        assertTrue(c.choice.usesTeam());
        assertEquals(ParallelChoice.TRIALS / 2, c.aloneRuns, "alone only in the trial");
    }

    @Test
    void theChoiceIsMadeAgainOnceAfterTheRecheckInterval() {
        Costs c = new Costs(10, 30);
        c.execute(ParallelChoice.WARM_UP + ParallelChoice.TRIALS);
        assertTrue(c.choice.usesTeam());
        c.teamCost = 50; // the team got slower (say the JIT compiled the tasks, so the region's overhead dominates)
        c.execute(ParallelChoice.RECHECK);
        assertFalse(c.choice.usesTeam(), "the second trial sees the new costs");
        int alone = c.aloneRuns;
        c.execute(10 * ParallelChoice.RECHECK);
        assertEquals(alone + 10 * ParallelChoice.RECHECK, c.aloneRuns, "no third trial");
    }
}
