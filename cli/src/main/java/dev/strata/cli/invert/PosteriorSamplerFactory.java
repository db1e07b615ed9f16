package dev.strata.cli.invert;

import dev.strata.forward.ForwardOperator;
import dev.strata.kernels.ComputeBackend;
import dev.strata.sampler.Denoiser;
import dev.strata.cli.UserInputException;
import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.Guidance;
import dev.strata.sampler.mcmc.McmcPosteriorSampler;
import dev.strata.sampler.Sampler;
import dev.strata.sampler.edm.Churn;
import dev.strata.sampler.edm.EdmSampler;
import dev.strata.sampler.edm.PredictorCorrectorSampler;
import dev.strata.sampler.edm.KarrasSchedule;
import dev.strata.sampler.guidance.DenoiserErrorProfile;
import dev.strata.sampler.guidance.DpsGuidance;
import dev.strata.sampler.guidance.InnovationCovariance;
import dev.strata.sampler.guidance.PosteriorCovariance;
import dev.strata.sampler.guidance.PosteriorDenoiser;
import dev.strata.sampler.guidance.PosteriorDenoiserGuidance;
import dev.strata.sampler.guidance.PriorPoweredDenoiser;
import dev.strata.sampler.guidance.SolveTally;
import dev.strata.sampler.latent.LdDimSampler;
import dev.strata.sampler.vp.BetaSchedule;
import dev.strata.sampler.vp.DdimSampler;
import dev.strata.sampler.vp.DdpmSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wires a posterior sampler from the settings: pCN or preconditioned MALA chains (one chain per sample, the
 * {@code --steps} budget split between burn-in and sampling; the analytic prior only), or a diffusion sampler (EDM
 * Euler / Heun with optional churn, DDIM, DDPM) over the prior's denoiser, with the data entering through a guidance on the whitened problem: DPS (Chung et
 * al. 2023), or corrected, noise-aware DPS (seed 000) taken as the posterior denoiser
 * D_y = x̂0 + C J^T (J C J^T + I)^-1 (y - A(x̂0)), which cannot overshoot however precise the data are; or the
 * power-scaled posterior p(y | x)^lambda p(x) of seed 003 (alpha = 1), sampled the same way with the likelihood
 * tempered to noise variance C_d / lambda. Seed 003's own form, lambda D(x; y) + (1 - lambda) D(x) from a conditional
 * network, extrapolates past D_y for lambda > 1 and overshoots when the data dominate (misfit 80 against 0.95 at
 * lambda = 4 on a 24 x 16 seismic + wells test), so it is not used with the posterior denoiser.
 */
final class PosteriorSamplerFactory {
    /** Langevin steps per level and their signal-to-noise ratio for alpha != 1 (exact on the Gaussian oracle). */
    static final int CORRECTOR_STEPS = 20;
    static final double CORRECTOR_SNR = 0.3;
    /** Relative residual of the conjugate-gradient solve of C_tot in corrected DPS. */
    static final double CG_TOLERANCE = 1e-4;
    static final int CG_MAX_ITERATIONS = 100;

    private final InvertSettings settings;
    private final Prior prior;
    private final DenoiserErrorProfile profile;
    private final ComputeBackend backend;
    /** The innovation covariances made since the last {@link #takeSolveTally()}. */
    private final List<InnovationCovariance> innovations = new ArrayList<>();

    PosteriorSamplerFactory(InvertSettings settings, Prior prior, ComputeBackend backend) {
        this.settings = settings;
        this.prior = prior;
        this.backend = backend;
        if (prior.denoiser() == null) { // a latent prior: LD-DIM needs no error profile
            this.profile = null;
            return;
        }
        int channels = prior.denoiser().shape()[0];
        int n = Math.min(prior.count(), PriorFactory.PROFILE_EXAMPLES);
        boolean mcmc = settings.sampler().equals("pcn") || settings.sampler().equals("mala");
        boolean needsPosteriorDenoiser = settings.guidance().equals("cdps") || settings.guidance().equals("power");
        this.profile = !mcmc && needsPosteriorDenoiser && settings.covariance().equals("isotropic")
                ? DenoiserErrorProfile.estimate(prior.denoiser(), Arrays.copyOf(prior.examples(),
                        n * prior.denoiser().size()), n, channels, 0.002, 80, 24, settings.seed() ^ 0xc0ffee)
                : null;
    }

    /**
     * S = J C J^T + v I on the whitened data, C the chosen C_x̂0 of {@code denoiser}: v = 1 for the likelihood,
     * v = 1 / lambda for its power lambda (a Gaussian likelihood to the power lambda is the Gaussian likelihood with
     * noise variance C_d / lambda).
     */
    private InnovationCovariance innovation(Denoiser denoiser, ForwardOperator operator, float[] whitenedData,
                                            double variance) {
        InnovationCovariance made = new InnovationCovariance(operator, whitenedData,
                InnovationCovariance.uniformVariance(whitenedData.length, Math.sqrt(variance)), covariance(denoiser),
                CG_TOLERANCE, CG_MAX_ITERATIONS);
        synchronized (innovations) {
            innovations.add(made);
        }
        return made;
    }

    /**
     * The conjugate-gradient solves of the samplers made since the last call (corrected DPS, power guidance; none for
     * others), which are then forgotten, so a long run keeps no sampler's guidance alive.
     */
    SolveTally takeSolveTally() {
        synchronized (innovations) {
            SolveTally sum = innovations.stream().map(InnovationCovariance::tally)
                    .reduce(SolveTally.NONE, SolveTally::plus);
            innovations.clear();
            return sum;
        }
    }

    private GaussianPrior gaussianPrior() {
        if (prior.gaussian() == null) {
            throw new UserInputException("--sampler " + settings.sampler() + " needs the analytic prior; fix: use"
                    + " --prior gaussian, or a diffusion sampler with " + settings.prior());
        }
        return prior.gaussian();
    }

    /** C_x̂0(sigma) of corrected DPS: the denoiser's error per channel (seed 000) or sigma^2 dD/dx (Tweedie). */
    private PosteriorCovariance covariance(Denoiser denoiser) {
        return settings.covariance().equals("tweedie") ? PosteriorCovariance.tweedie(denoiser)
                : PosteriorCovariance.isotropic(profile);
    }

    /** A sampler whose guidance sees {@code operator} (the whitened problem, possibly instrumented). */
    Sampler sampler(Denoiser denoiser, ForwardOperator operator, float[] whitenedData) {
        Guidance guidance = switch (settings.guidance()) {
            case "dps" -> new DpsGuidance(operator, whitenedData, settings.zeta());
            case "cdps" -> new PosteriorDenoiserGuidance(innovation(denoiser, operator, whitenedData, 1));
            case "power" -> new PosteriorDenoiserGuidance(innovation(denoiser, operator, whitenedData,
                    1 / settings.lambda()));
            default -> Guidance.NONE;
        };
        int steps = settings.steps();
        if (settings.guidance().equals("power") && settings.alpha() != 1) {
            // p(y|x)^lambda p(x)^alpha: ODE steps with the posterior denoiser (likelihood tempered by lambda), then
            // Langevin steps whose score has the prior raised to alpha (the ODE alone misses alpha != 1)
            Denoiser posterior = new PosteriorDenoiser(denoiser, innovation(denoiser, operator, whitenedData,
                    1 / settings.lambda()));
            return new PredictorCorrectorSampler(posterior, new PriorPoweredDenoiser(posterior, denoiser,
                    settings.alpha()), KarrasSchedule.edm(steps), CORRECTOR_STEPS, CORRECTOR_SNR, backend);
        }
        return switch (settings.sampler()) {
            case "ld-dim" -> new LdDimSampler(prior.latent(), operator, whitenedData, LdDimSampler.settings(steps));
            case "pcn" -> McmcPosteriorSampler.pcn(gaussianPrior(), operator, whitenedData,
                    McmcPosteriorSampler.Settings.ofBudget(steps, 0.1));
            case "mala" -> McmcPosteriorSampler.mala(gaussianPrior(), operator, whitenedData,
                    McmcPosteriorSampler.Settings.ofBudget(steps, 1e-4));
            case "edm-euler", "edm-heun" -> new EdmSampler(denoiser, KarrasSchedule.edm(steps),
                    settings.sampler().equals("edm-heun") ? EdmSampler.Method.HEUN : EdmSampler.Method.EULER,
                    settings.churn() > 0 ? Churn.everywhere(settings.churn()) : Churn.NONE, guidance, backend);
            case "ddim" -> new DdimSampler(denoiser, BetaSchedule.cosine(Math.max(steps, 1000)), steps, 0, guidance,
                    backend);
            default -> new DdpmSampler(denoiser, BetaSchedule.cosine(steps), DdpmSampler.Variance.POSTERIOR, guidance);
        };
    }
}
