package dev.strata.sampler.oracle.levy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Gaussian;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.DenseGaussianMixture;
import dev.strata.sampler.oracle.GaussianLinearPosterior;
import dev.strata.sampler.oracle.GaussianMixturePosterior;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.oracle.PosteriorOracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gibbs gold standard against closed forms, and against the Gaussian prior it must not reduce to. */
class LevyGibbsTest {

    /** y = A x_true + noise e, x_true a prior draw. */
    private static double[] observe(LevyPrior prior, double[] a, int m, double noise, long seed) {
        float[] truth = prior.sample(1, seed);
        int d = prior.length();
        Gaussian g = new Gaussian(seed + 1);
        double[] y = new double[m];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < d; j++) {
                y[r] += a[r * d + j] * truth[j];
            }
            y[r] += noise * g.next();
        }
        return y;
    }

    /** meanErr and stdErr of the Gibbs states against the exact posterior, within 3 / sqrt(ESS_min). */
    private static void assertMatches(LevyPosterior gibbs, PosteriorOracle exact, String what) {
        PosteriorMetrics m = PosteriorMetrics.compare(gibbs.draws(), gibbs.pooled(), exact, 1000, 3);
        double limit = 3 / Math.sqrt(gibbs.ess().min());
        System.out.printf("%s: %s, ESS min %.0f, R-hat max %.4f, limit %.3f, %.2f s%n", what, m, gibbs.ess().min(),
                gibbs.rHatMax(), limit, gibbs.seconds());
        assertTrue(m.meanErr() <= limit && m.stdErr() <= limit, what + ": " + m + " limit " + limit);
        assertTrue(gibbs.rHatMax() < 1.01, what + " R-hat " + gibbs.rHatMax());
    }

    @Test
    void gibbsMatchesTheExactGaussianPosteriorWhenIncrementsAreGaussian() {
        LevyPrior prior = new LevyPrior(new IncrementLaw.Gauss(0.25), 64);
        for (BenchmarkOperator op : BenchmarkOperator.values()) {
            int d = prior.length();
            int m = op.rows(d);
            double[] a = op.matrix(d);
            double[] y = observe(prior, a, m, 0.2, 5);
            LevyPosterior gibbs = prior.posterior("gauss-" + op.label(), NormalEquations.of(a, m, y, 0.2),
                    new LevyPosterior.Settings(4, 0, 1000, 1), 7);
            DenseGaussian p = prior.matchedGaussian();
            assertMatches(gibbs, GaussianLinearPosterior.of(p.shape(), p.mean(), p.covariance(), a, y, 0.2),
                    "gauss-" + op.label());
        }
    }

    /**
     * Spike and slab with a Gaussian slab on 6 sites: the exact posterior is a mixture over the 2^6 indicator
     * patterns of Gaussian posteriors weighted by their evidence, so the collapsed indicator flips are checked exactly.
     */
    @Test
    void indicatorFlipsMatchTheExactBernoulliGaussianPosterior() {
        int d = 6;
        double p = 0.3;
        LevyPrior prior = new LevyPrior(new IncrementLaw.SpikeAndSlab(p, new IncrementLaw.Gauss(1)), d);
        double[] a = BenchmarkOperator.BLUR.matrix(d);
        double[] y = observe(prior, a, d, 0.3, 11);
        List<DenseGaussian> patterns = new ArrayList<>();
        double[] logW = new double[1 << d];
        for (int mask = 0; mask < 1 << d; mask++) {
            double[] cov = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k <= Math.min(i, j); k++) {
                        cov[i * d + j] += (mask >> k & 1);
                    }
                }
            }
            patterns.add(new DenseGaussian(prior.shape(), new double[d], cov));
            logW[mask] = Integer.bitCount(mask) * Math.log(p) + (d - Integer.bitCount(mask)) * Math.log(1 - p);
        }
        DenseGaussianMixture exact = GaussianMixturePosterior.of("bernoulli-gauss", new DenseGaussianMixture(
                "prior", patterns, logW), a, y, 0.3);
        LevyPosterior gibbs = prior.posterior("bernoulli-gauss", NormalEquations.of(a, d, y, 0.3),
                new LevyPosterior.Settings(4, 200, 4000, 2), 13);
        assertMatches(gibbs, exact, "bernoulli-gauss-blur");
    }

    @Test
    void laplacePosteriorMeanDiffersFromTheGaussianPriorPosteriorMean() {
        LevyPrior prior = new LevyPrior(new IncrementLaw.Laplace(1), 64);
        int d = prior.length();
        double[] a = BenchmarkOperator.IDENTITY.matrix(d);
        double noise = 1;
        double[] y = observe(prior, a, d, noise, 21);
        LevyPosterior gibbs = prior.posterior("laplace-identity", NormalEquations.of(a, d, y, noise),
                LevyPosterior.Settings.reference(), 23);
        DenseGaussian p = prior.matchedGaussian();
        DenseGaussian gauss = GaussianLinearPosterior.of(p.shape(), p.mean(), p.covariance(), a, y, noise);
        double[] mg = gauss.mean();
        double[] ml = gibbs.mean();
        double[] sl = gibbs.std();
        double[] mc = gibbs.meanError();
        double gap = 0;
        double mcse = 0;
        for (int i = 0; i < d; i++) {
            gap += Math.pow((mg[i] - ml[i]) / sl[i], 2);
            mcse += Math.pow(mc[i] / sl[i], 2);
        }
        gap = Math.sqrt(gap / d);
        mcse = Math.sqrt(mcse / d);
        System.out.printf("laplace vs gaussian prior: RMS mean difference %.3f posterior std, Gibbs MCSE %.4f;"
                + " ESS min %.0f, R-hat max %.4f, %.2f s%n", gap, mcse, gibbs.ess().min(), gibbs.rHatMax(),
                gibbs.seconds());
        assertTrue(gibbs.rHatMax() < 1.01, "R-hat " + gibbs.rHatMax());
        assertTrue(gap > 10 * mcse && gap > 0.1, "gap " + gap + " MCSE " + mcse);
    }

    /**
     * Without data the chains sample the prior: the increments' E|u| and share of exact zeros match the law
     * (Laplace b: E|u| = b; Student-t(3): E|u| = 2 sqrt(3) / pi; Bernoulli-Laplace: P(u = 0) = 1 - p, E|u| = p b),
     * which a wrong variance conditional would bias.
     */
    @Test
    void gibbsWithoutDataSamplesThePriorIncrementLaw() {
        IncrementLaw[] laws = {new IncrementLaw.Laplace(1), new IncrementLaw.StudentT(3, 1),
                new IncrementLaw.SpikeAndSlab(0.2, new IncrementLaw.Laplace(1))};
        double[] absMean = {1, 2 * Math.sqrt(3) / Math.PI, 0.2};
        double[] zeros = {0, 0, 0.8};
        int d = 16;
        for (int l = 0; l < laws.length; l++) {
            LevyPosterior chains = new LevyPrior(laws[l], d).posterior(laws[l].name(), NormalEquations.none(d),
                    new LevyPosterior.Settings(4, 100, 5000, 1), 31);
            float[] x = chains.draws();
            int count = chains.pooled() * d;
            double abs = 0;
            double zero = 0;
            for (int b = 0; b < chains.pooled(); b++) {
                for (int k = 0; k < d; k++) {
                    double u = x[b * d + k] - (k > 0 ? x[b * d + k - 1] : 0);
                    abs += Math.abs(u) / count;
                    zero += u == 0 ? 1.0 / count : 0;
                }
            }
            System.out.printf("%s prior: E|u| %.4f (law %.4f), P(u=0) %.4f (law %.2f)%n", laws[l].name(), abs,
                    absMean[l], zero, zeros[l]);
            assertEquals(absMean[l], abs, 0.03 * absMean[l], laws[l].name());
            assertEquals(zeros[l], zero, 0.01, laws[l].name());
        }
    }
}
