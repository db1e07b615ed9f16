package dev.strata.sampler.edm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Guidance;
import dev.strata.sampler.guidance.PowerScaledDenoiser;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.GaussianLinearConditionalDenoiser;
import dev.strata.sampler.oracle.GaussianLinearPosterior;
import dev.strata.sampler.oracle.PosteriorMetrics;
import dev.strata.sampler.validate.GaussianLinearCase;
import org.junit.jupiter.api.Test;

/**
 * The power-scaled posterior p(y | x)^lambda p(x)^alpha at alpha != 1 on the Gaussian-linear oracle, whose exact
 * answer is the posterior of the prior N(m, C / alpha) with noise s / sqrt(lambda): the Euler ODE alone misses it
 * (measured: alpha = 2 stdErr 0.98, coverage90 0.03; alpha = 0.5 stdErr 7.2), the predictor-corrector (64 levels,
 * 20 Langevin steps, r = 0.3) meets the exact bound (meanErr and stdErr <= 0.05, coverage90 in [0.88, 0.92];
 * measured alpha = 2: 0.029, 0.016, 0.899; alpha = 0.5: 0.021, 0.015, 0.899).
 */
class PredictorCorrectorSamplerTest {

    private static DenseGaussian tempered(GaussianLinearCase c, double lambda, double alpha) {
        DenseGaussian p = c.densePrior();
        double[] cov = p.covariance();
        for (int i = 0; i < cov.length; i++) {
            cov[i] /= alpha;
        }
        double[] y = new double[c.data().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.data()[i];
        }
        return GaussianLinearPosterior.of(p.shape(), p.mean(), cov, c.operator().matrix(), y,
                c.noise() / Math.sqrt(lambda));
    }

    @Test
    void correctorReachesThePriorPoweredPosteriorWhereTheOdeAloneFails() {
        GaussianLinearCase c = GaussianLinearCase.of(8, 8, 12, 0.2, 5);
        for (double alpha : new double[] {2.0, 0.5}) {
            DenseGaussian exact = tempered(c, 1, alpha);
            PowerScaledDenoiser d = new PowerScaledDenoiser(new GaussianLinearConditionalDenoiser(c.densePrior(),
                    c.densePrior().covariance(), c.operator().matrix(), c.noise()), c.data(), 1, alpha);
            int n = 2000;
            PosteriorMetrics ode = PosteriorMetrics.compare(EdmSampler.euler(d, KarrasSchedule.edm(64),
                    Guidance.NONE).sample(n, 3), n, exact, 4000, 2);
            PosteriorMetrics pc = PosteriorMetrics.compare(new PredictorCorrectorSampler(d, KarrasSchedule.edm(64), 20,
                    0.3, null).sample(n, 3), n, exact, 4000, 2);
            assertTrue(ode.stdErr() > 0.2, "alpha " + alpha + ": the ODE alone should miss the spread: " + ode);
            assertTrue(pc.meanErr() <= 0.05 && pc.stdErr() <= 0.05 && pc.coverage90() >= 0.88
                    && pc.coverage90() <= 0.92, "alpha " + alpha + ": " + pc);
        }
    }

    /** As strata invert runs it: ODE steps with the plain posterior (alpha = 1), Langevin steps with alpha = 2. */
    @Test
    void aPlainPosteriorPredictorWithAPoweredCorrectorAlsoMeetsTheBound() {
        GaussianLinearCase c = GaussianLinearCase.of(8, 8, 12, 0.2, 5);
        GaussianLinearConditionalDenoiser cfg = new GaussianLinearConditionalDenoiser(c.densePrior(),
                c.densePrior().covariance(), c.operator().matrix(), c.noise());
        int n = 2000;
        PosteriorMetrics pc = PosteriorMetrics.compare(new PredictorCorrectorSampler(
                new PowerScaledDenoiser(cfg, c.data(), 1, 1), new PowerScaledDenoiser(cfg, c.data(), 1, 2),
                KarrasSchedule.edm(64), 20, 0.3, null).sample(n, 3), n, tempered(c, 1, 2), 4000, 2);
        assertTrue(pc.meanErr() <= 0.05 && pc.stdErr() <= 0.05 && pc.coverage90() >= 0.88
                && pc.coverage90() <= 0.92, pc.toString());
    }
}
