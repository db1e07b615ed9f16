package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Gaussian;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conditional network trained with classifier-free-guidance dropout answers both questions. Models are white
 * Gaussian fields x0 = a + e (a ~ N(0, I), e ~ N(0, tau^2 I)), each conditioned on its a: y = a. With x = x0 + sigma eps
 * the exact denoisers are E[x0 | x, y] = y + tau^2 / (tau^2 + sigma^2) (x - y) and, for the null condition,
 * E[x0 | x] = (1 + tau^2) / (1 + tau^2 + sigma^2) x. Dropout 0.5 here (not the usual 0.1-0.2) so that a short run
 * trains both.
 */
class ConditionalNetworkTest {
    private static final int N = 64;
    private static final int CELLS = 64;
    private static final double SIGMA = 1;
    private static final double TAU = 0.1;

    @TempDir
    Path tmp;

    private static ScoreMatchingTrainer.Data gaussianFields() {
        float[] models = new float[N * CELLS];
        float[] conditions = new float[N * CELLS];
        Gaussian a = new Gaussian(5);
        Gaussian g = new Gaussian(6);
        for (int i = 0; i < N * CELLS; i++) {
            conditions[i] = (float) a.next();
            models[i] = (float) (conditions[i] + TAU * g.next());
        }
        return new ScoreMatchingTrainer.Data(models, N, new int[] {1, 8, 8}, conditions);
    }

    private NetworkDenoiser trained(double dropout) throws Exception {
        ScoreMatchingTrainer.Settings s = new ScoreMatchingTrainer.Settings(
                new SmallUNet.Config(1, ScoreMatchingTrainer.MIN_WIDTH, 2, 4, 8, 8, 1), 1.0, 0.0, 0.8, 150, 16, 4e-3,
                0.0, 0.9, 1000, 11, dropout);
        ScoreMatchingTrainer.Result r = ScoreMatchingTrainer.train(s, gaussianFields(), tmp.resolve("s" + dropout),
                false, (done, total, loss) -> { });
        return new NetworkDenoiser(new int[] {1, 8, 8}, new EdmPreconditioning(1.0), s.net(), r.emaWeights());
    }

    /** A query: noisy fields x = y + tau e + sigma eps of a fresh condition y for a batch of {@code n}. */
    private record Query(float[] x, float[] y) {
        static Query of(int n) {
            Gaussian a = new Gaussian(9);
            Gaussian g = new Gaussian(10);
            float[] x = new float[n * CELLS];
            float[] s = new float[CELLS];
            for (int i = 0; i < CELLS; i++) {
                s[i] = (float) a.next();
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (s[i % CELLS] + Math.hypot(TAU, SIGMA) * g.next());
            }
            return new Query(x, s);
        }

        /** The exact E[x0 | x, y], or E[x0 | x] when {@code conditional} is false. */
        float[] exact(boolean conditional) {
            double kappa = TAU * TAU / (TAU * TAU + SIGMA * SIGMA);
            double shrink = (1 + TAU * TAU) / (1 + TAU * TAU + SIGMA * SIGMA);
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                double c = y[i % CELLS];
                out[i] = (float) (conditional ? c + kappa * (x[i] - c) : shrink * x[i]);
            }
            return out;
        }
    }

    /** RMS of a - b. */
    private static double rms(float[] a, float[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            e += d * d;
        }
        return Math.sqrt(e / a.length);
    }

    @Test
    void conditionalAndNullConditionMatchTheirExactDenoisers() throws Exception {
        int n = 8;
        Query q = Query.of(n);
        try (NetworkDenoiser d = trained(0.5)) {
            double conditional = rms(d.denoise(q.x(), SIGMA, q.y(), n), q.exact(true));
            double prior = rms(d.denoise(q.x(), SIGMA, n), q.exact(false));
            double apart = rms(q.exact(true), q.exact(false));
            assertTrue(conditional < 0.35 * apart, "D(x; sigma, y) misses E[x0 | x, y] by " + conditional
                    + " where the two exact answers differ by " + apart);
            assertTrue(prior < 0.35 * apart, "the null condition's D(x; sigma) misses E[x0 | x] by " + prior
                    + " where the two exact answers differ by " + apart);
            float[] v = q.exact(false);
            assertTrue(rms(d.vjp(q.x(), SIGMA, q.y(), v, n), d.vjp(q.x(), SIGMA, v, n)) > 0,
                    "the condition must change the VJP too");
        }
    }

    @Test
    void aNetworkThatNeverSawTheConditionFailsTheClaim() throws Exception {
        int n = 8;
        Query q = Query.of(n);
        try (NetworkDenoiser d = trained(1.0)) {
            double conditional = rms(d.denoise(q.x(), SIGMA, q.y(), n), q.exact(true));
            double apart = rms(q.exact(true), q.exact(false));
            assertTrue(conditional > 0.5 * apart, "with dropout 1 the condition cannot inform D, yet it missed"
                    + " E[x0 | x, y] by only " + conditional + " of " + apart);
        }
    }

    @Test
    void aConditionOfTheWrongSizeOrOnAnUnconditionalNetworkIsRefused() throws Exception {
        try (NetworkDenoiser d = NetworkDenoiser.seededRandom(new int[] {1, 8, 8},
                new SmallUNet.Config(1, 16, 2, 4, 8, 8, 1), 3)) {
            assertThrows(IllegalArgumentException.class, () -> d.denoise(new float[CELLS], 1, new float[3], 1));
        }
        try (NetworkDenoiser u = NetworkDenoiser.seededRandom(new int[] {1, 8, 8},
                new SmallUNet.Config(1, 16, 2, 4, 8, 8), 3)) {
            assertThrows(IllegalArgumentException.class, () -> u.denoise(new float[CELLS], 1, new float[CELLS], 1));
        }
    }
}
