package dev.strata.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A plan keeps whichever way its own executions showed faster, after a warm-up on the team and a trial that runs
 * each way in a block, and tries again at doubling intervals; a plan whose executions take a millisecond on the team
 * never runs alone. The costs are faked: each way advances a clock by its
 * own amount.
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
        c.execute(ParallelChoice.FIRST_TRIAL + ParallelChoice.TRIALS);
        assertEquals(ParallelChoice.FIRST_TRIAL + ParallelChoice.TRIALS / 2, c.teamRuns, "warm-up, half the trial");
        assertFalse(c.choice.usesTeam());
        c.execute(100);
        assertEquals(ParallelChoice.TRIALS / 2 + 100, c.aloneRuns, "every execution after the trial alone");
    }

    @Test
    void workThatTheTeamSpeedsUpStaysOnTheTeam() {
        Costs c = new Costs(10, 30);
        c.execute(ParallelChoice.FIRST_TRIAL + ParallelChoice.TRIALS + 100);
        assertTrue(c.choice.usesTeam());
        assertEquals(ParallelChoice.TRIALS / 2, c.aloneRuns, "alone only in the trial");
    }

    @Test
    void longExecutionsOnTheTeamNeverRunAlone() {
        Costs c = new Costs(ParallelChoice.LONG_EXECUTION_NANOS, ParallelChoice.LONG_EXECUTION_NANOS);
        c.execute(ParallelChoice.FIRST_TRIAL + ParallelChoice.TRIALS + ParallelChoice.FIRST_INTERVAL * 4);
        assertTrue(c.choice.usesTeam());
        assertEquals(0, c.aloneRuns, "a trial of long executions ends after its team half");
        Costs shorter = new Costs(ParallelChoice.LONG_EXECUTION_NANOS - 1, ParallelChoice.LONG_EXECUTION_NANOS);
        shorter.execute(ParallelChoice.FIRST_TRIAL + ParallelChoice.TRIALS);
        assertEquals(ParallelChoice.TRIALS / 2, shorter.aloneRuns, "shorter ones still try alone");
    }

    @Test
    void aTrialTimesEachWayInABlockLeavingOutTheExecutionThatSwitches() {
        // the first execution after a switch pays for it (a parked worker, caches on the other core): were the two
        // ways alternated, every execution would switch and both would look equally slow
        long[] costs = {10, 20};
        boolean[] lastOnTeam = {true};
        long[] now = {0};
        ParallelChoice choice = new ParallelChoice(() -> now[0]);
        for (int i = 0; i < ParallelChoice.FIRST_TRIAL + ParallelChoice.TRIALS; i++) {
            choice.execute(() -> {
                now[0] += lastOnTeam[0] ? costs[0] : 100;
                lastOnTeam[0] = true;
            }, () -> {
                now[0] += lastOnTeam[0] ? 90 : costs[1];
                lastOnTeam[0] = false;
            });
        }
        assertTrue(choice.usesTeam(), "the team at 10 against 20 alone");
    }

    @Test
    void trialsComeAgainAtDoublingIntervalsAndSeeChangedCosts() {
        Costs c = new Costs(30, 10); // the first trial, say while the JIT compiled beside the team, goes alone
        c.execute(ParallelChoice.FIRST_TRIAL + ParallelChoice.TRIALS);
        assertFalse(c.choice.usesTeam());
        c.teamCost = 5;
        c.execute(ParallelChoice.FIRST_INTERVAL + ParallelChoice.TRIALS);
        assertTrue(c.choice.usesTeam(), "the second trial sees the new costs");
        int alone = c.aloneRuns;
        c.execute(100_000);
        int trials = c.aloneRuns - alone;
        assertTrue(trials > 0 && trials < 100_000 / 500, "a few trials in 100,000 executions: " + trials);
    }
}
