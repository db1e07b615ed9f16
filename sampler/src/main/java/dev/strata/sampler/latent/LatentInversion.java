package dev.strata.sampler.latent;

import dev.strata.sampler.Guidance;
import dev.strata.sampler.mcmc.LogDensity;
import dev.strata.sampler.nn.BatchObjective;
import dev.strata.sampler.nn.LatentPrior;
import dev.strata.sampler.vp.BetaSchedule;
import dev.strata.sampler.vp.DdimSampler;

/**
 * Deterministic inversion in the latent space of a {@link LatentPrior}: minimise over z
 * <pre>
 *   J(z) = -ln p(y | m(z)) + lambda / 2 ||z||^2
 * </pre>
 * with m(z) the prior's differentiable map. With a DDIM chain of S >= 1 steps this is LD-DIM (seed 002, Lin and He,
 * arXiv 2512.22421): z is the latent noise the deterministic sampler starts from. With S = 0 it is the
 * physics-embedded VAE baseline: z is the (normalised) VAE latent, decoded directly. dJ/dz = (dm/dz)^T dL/dm + lambda
 * z, with dL/dm from the likelihood's gradient (for Darcy, the adjoint solve) and (dm/dz)^T by reverse-mode autodiff
 * through the chain and decoder; z is optimised by {@link AdamDescent}, every sample of the batch a separate restart.
 */
public final class LatentInversion {

    /**
     * @param descent     the optimiser's settings
     * @param ddimSteps   S, DDIM steps of the chain over a linear VP schedule of 1000 steps (0: decode z directly)
     * @param latentWeight lambda >= 0, the weight of the N(0, I) prior on z
     */
    public record Settings(AdamDescent.Settings descent, int ddimSteps, double latentWeight) {
        public Settings {
            if (ddimSteps < 0 || !(latentWeight >= 0)) {
                throw new IllegalArgumentException("need DDIM steps >= 0 and latent weight >= 0, got " + ddimSteps
                        + ", " + latentWeight);
            }
        }
    }

    private LatentInversion() {
    }

    /** The S + 1 DDIM noise levels of the chain (decreasing, the last 0), or none for S = 0. */
    public static double[] sigmas(LatentPrior prior, int ddimSteps) {
        if (ddimSteps == 0) {
            return new double[0];
        }
        return new DdimSampler(prior.denoiser(), BetaSchedule.linear(1000), ddimSteps, 0, Guidance.NONE).sigmas();
    }

    /**
     * J(z) and dJ/dz as a {@link BatchObjective} over z {@code [n][latent]}, each evaluation told to {@code recorder}
     * (may be null).
     */
    static BatchObjective objective(LatentPrior prior, LogDensity likelihood, Settings s, TraceRecorder recorder) {
        double[] sigmas = sigmas(prior, s.ddimSteps());
        BatchObjective data = negated(likelihood);
        return (z, n, gz) -> {
            LatentPrior.ChainResult r = prior.chain(z, n, sigmas, data);
            if (recorder != null) {
                recorder.record(r.fields(), n, r.values());
            }
            int size = z.length / n;
            double[] j = r.values().clone();
            for (int b = 0; b < n; b++) {
                double q = 0;
                for (int i = b * size; i < (b + 1) * size; i++) {
                    q += (double) z[i] * z[i];
                    gz[i] = (float) (r.gradient()[i] + s.latentWeight() * z[i]);
                }
                j[b] += 0.5 * s.latentWeight() * q;
            }
            return j;
        };
    }

    /**
     * Runs the inversion from {@code z0} ({@code [n][latent]}, one restart per sample).
     *
     * @param truth the true field {@code [nz][nx]} for the error trace, or null
     */
    public static InversionTrace run(LatentPrior prior, LogDensity likelihood, float[] z0, int n, Settings s,
                                     float[] truth) {
        TraceRecorder recorder = new TraceRecorder(truth);
        float[] z = AdamDescent.minimise(objective(prior, likelihood, s, recorder), z0, n, s.descent());
        return recorder.trace(z);
    }

    /** -ln p(y | m) and its gradient, from a log-density. */
    static BatchObjective negated(LogDensity likelihood) {
        return (m, n, g) -> {
            double[] v = likelihood.evaluate(m, n, g);
            for (int b = 0; b < n; b++) {
                v[b] = -v[b];
            }
            for (int i = 0; i < m.length; i++) {
                g[i] = -g[i];
            }
            return v;
        };
    }
}
