package dev.strata.sampler.validate;

import static dev.strata.sampler.validate.ValidationSuite.sampled;

import dev.strata.sampler.Guidance;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.edm.PredictorCorrectorSampler;
import dev.strata.sampler.guidance.InnovationCovariance;
import dev.strata.sampler.guidance.PosteriorCovariance;
import dev.strata.sampler.guidance.PosteriorDenoiser;
import dev.strata.sampler.guidance.PowerScaledDenoiser;
import dev.strata.sampler.oracle.DenseGaussian;
import dev.strata.sampler.oracle.GaussianLinearConditionalDenoiser;
import dev.strata.sampler.oracle.GaussianLinearPosterior;
import dev.strata.sampler.validate.ValidationSuite.Check;
import dev.strata.sampler.validate.ValidationSuite.Lazy;
import java.util.ArrayList;
import java.util.List;

/**
 * The power-scaled rows of {@link ValidationSuite} (seed 003, Erdinc et al.), on the gaussian-linear case, each
 * held to the exact bound against p(y | x)^lambda p(x)^alpha, which there is the posterior of the prior
 * N(m, C / alpha) with noise s / sqrt(lambda):
 * <ul>
 *   <li>{@code power-cfg-1-1-edm-euler-64} (quick suite): the CFG combination of the exact conditional denoiser at
 *       lambda = alpha = 1;</li>
 *   <li>{@code power-tempered-2-edm-heun-32}: the likelihood to the power 2 as the likelihood with noise s / sqrt(2)
 *       in the Tweedie posterior denoiser ({@code strata invert --guidance power});</li>
 *   <li>{@code power-pc-2}, {@code power-pc-0.5} and {@code power-pc-lambda-2-alpha-0.5}: the predictor-corrector
 *       (20 Langevin steps per level, r = 0.3) for alpha != 1, as {@code strata experiment power-scaling} samples.</li>
 * </ul>
 */
final class PowerRows {
    private PowerRows() {
    }

    static List<Check> checks(Lazy<GaussianLinearCase> gl, int n) {
        List<Check> list = new ArrayList<>();
        list.add(new Check("power-cfg-1-1-edm-euler-64", "gaussian-linear", true, () -> sampled(
                "power-cfg-1-1-edm-euler-64", "gaussian-linear", EdmSampler.euler(new PowerScaledDenoiser(
                        conditional(gl.get()), gl.get().data(), 1, 1), KarrasSchedule.edm(64), Guidance.NONE),
                gl.get().posterior(), n, Bound.exact())));
        list.add(new Check("power-tempered-2-edm-heun-32", "gaussian-linear-power-2", false, () -> sampled(
                "power-tempered-2-edm-heun-32", "gaussian-linear-power-2", EdmSampler.heun(new PosteriorDenoiser(
                        gl.get().prior().denoiser(), tweedie(gl.get(), 2)), KarrasSchedule.edm(32)),
                powerPosterior(gl.get(), 2, 1), n, Bound.exact(), SpeedBasis.PRIOR_AND_LIKELIHOOD)));
        // the prior raised to alpha (and, in the last row, the likelihood to lambda): Euler ODE steps with the
        // alpha = 1 combination between levels, Langevin steps with the powered score at every level (as strata
        // experiment power-scaling samples); exact bound against the posterior of the prior N(m, C / alpha) with noise
        // s / sqrt(lambda)
        for (double[] la : new double[][] {{1, 2}, {1, 0.5}, {2, 0.5}}) {
            double lambda = la[0];
            double alpha = la[1];
            String name = "power-pc-" + (lambda == 1 ? "" : "lambda-2-alpha-") + (alpha == 2 ? "2" : "0.5")
                    + "-edm-euler-64";
            String oracleName = "gaussian-linear-" + (lambda == 1 ? "" : "power-2-") + "prior-power-"
                    + (alpha == 2 ? "2" : "0.5");
            list.add(new Check(name, oracleName, false, () -> sampled(name, oracleName, new PredictorCorrectorSampler(
                    new PowerScaledDenoiser(conditional(gl.get()), gl.get().data(), lambda, 1),
                    new PowerScaledDenoiser(conditional(gl.get()), gl.get().data(), lambda, alpha),
                    KarrasSchedule.edm(64), 20, 0.3, null), powerPosterior(gl.get(), lambda, alpha), n,
                    Bound.exact())));
        }
        return list;
    }

    /**
     * S = J C J^T + (s^2 / lambda) I with the Tweedie C: the likelihood to the power lambda, which for Gaussian noise
     * is the likelihood with variance s^2 / lambda (how {@code strata invert --guidance power} samples seed 003's
     * power-scaled posterior at alpha = 1).
     */
    static InnovationCovariance tweedie(GaussianLinearCase c, double lambda) {
        return new InnovationCovariance(c.operator(), c.data(), InnovationCovariance.uniformVariance(c.data().length,
                c.noise() / Math.sqrt(lambda)), PosteriorCovariance.tweedie(c.prior().denoiser()), 1e-6, 200);
    }

    /**
     * The exact power-scaled posterior p(y | x)^lambda p(x)^alpha of the Gaussian-linear case: the posterior of the
     * prior N(m, C / alpha) with noise s / sqrt(lambda).
     */
    static DenseGaussian powerPosterior(GaussianLinearCase c, double lambda, double alpha) {
        double[] y = new double[c.data().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.data()[i];
        }
        DenseGaussian p = c.densePrior();
        double[] cov = p.covariance();
        for (int i = 0; i < cov.length; i++) {
            cov[i] /= alpha;
        }
        return GaussianLinearPosterior.of(p.shape(), p.mean(), cov, c.operator().matrix(), y,
                c.noise() / Math.sqrt(lambda));
    }

    /** The exact CFG denoiser of the Gaussian-linear case: D(x; y) and, for a null condition, D(x). */
    static GaussianLinearConditionalDenoiser conditional(GaussianLinearCase c) {
        return new GaussianLinearConditionalDenoiser(c.densePrior(), c.densePrior().covariance(),
                c.operator().matrix(), c.noise());
    }
}
