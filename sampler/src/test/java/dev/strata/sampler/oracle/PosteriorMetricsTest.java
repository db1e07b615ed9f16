package dev.strata.sampler.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.GaussianLinearProblem;
import org.junit.jupiter.api.Test;

class PosteriorMetricsTest {
    private final GaussianLinearProblem problem = new GaussianLinearProblem(7);

    @Test
    void exactDrawsScoreNearZeroErrorAndNinetyPercentCoverage() {
        DenseGaussian post = problem.posterior;
        PosteriorMetrics m = PosteriorMetrics.compare(post.sample(8000, 1), 8000, post, 8000, 2);
        assertTrue(m.meanErr() < 0.03 && m.stdErr() < 0.03, m.toString());
        assertEquals(0.9, m.coverage90(), 0.01);
    }

    @Test
    void samplesShiftedByOneStdHaveMeanErrorOne() {
        DenseGaussian post = problem.posterior;
        int n = 8000;
        float[] s = post.sample(n, 3);
        double[] sd = post.std();
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < sd.length; i++) {
                s[b * sd.length + i] += (float) sd[i];
            }
        }
        PosteriorMetrics m = PosteriorMetrics.compare(s, n, post, 8000, 4);
        assertEquals(1.0, m.meanErr(), 0.03);
        assertTrue(m.coverage90() < 0.8, m.toString());
    }

    @Test
    void samplesTwiceAsWideHaveStdErrorOne() {
        DenseGaussian post = problem.posterior;
        int n = 8000;
        float[] s = post.sample(n, 5);
        double[] mu = post.mean();
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < mu.length; i++) {
                s[b * mu.length + i] = (float) (mu[i] + 2 * (s[b * mu.length + i] - mu[i]));
            }
        }
        PosteriorMetrics m = PosteriorMetrics.compare(s, n, post, 8000, 6);
        assertEquals(1.0, m.stdErr(), 0.03);
        assertTrue(m.coverage90() > 0.99, m.toString());
    }
}
