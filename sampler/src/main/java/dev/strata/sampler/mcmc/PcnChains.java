package dev.strata.sampler.mcmc;

import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.ProgressListener;

/**
 * Preconditioned Crank-Nicolson MCMC (Cotter, Roberts, Stuart and White 2013) for a Gaussian prior N(mu, C) and a
 * likelihood exp(-Phi(x)): propose x' = mu + sqrt(1 - beta^2) (x - mu) + beta xi, xi = S z ~ N(0, C), and accept with
 * probability min(1, exp(Phi(x) - Phi(x'))). The proposal is reversible for the prior, so only the likelihood enters
 * the acceptance and the rate does not collapse with dimension. beta adapts towards 25 % acceptance during burn-in.
 * Chains start at prior draws and advance as one batch (one likelihood call per iteration).
 */
public final class PcnChains extends MetropolisHastings {
    private static final double TARGET_ACCEPTANCE = 0.25;

    private final GaussianPrior prior;
    private final LogDensity likelihood;

    /**
     * @param prior      the Gaussian prior (reference measure): a dense one, or a spectral one at full grid size
     * @param likelihood log p(y | x) = -Phi(x) up to a constant (its gradient is not used)
     */
    public PcnChains(GaussianPrior prior, LogDensity likelihood) {
        if (prior.size() != likelihood.size()) {
            throw new IllegalArgumentException("prior has " + prior.size() + " values, likelihood "
                    + likelihood.size());
        }
        this.prior = prior;
        this.likelihood = likelihood;
    }

    @Override
    public int[] shape() {
        return prior.shape();
    }

    @Override
    McmcRun run(ChainSettings settings, ChainNoise noise, ProgressListener listener) {
        int c = settings.chains();
        int d = prior.size();
        ChainRecorder recorder = new ChainRecorder(settings, d, TARGET_ACCEPTANCE, 1.0, listener, noise.independent());
        double[] mu = prior.mean();
        double[] z = new double[c * d];
        noise.initial(z);
        double[] start = prior.colour(z, c);
        float[] x = new float[c * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (mu[i % d] + start[i]);
        }
        double[] logLik = likelihood.evaluate(x, c, null);
        float[] proposal = new float[c * d];
        boolean[] accepted = new boolean[c];
        for (int it = 0; it < recorder.total(); it++) {
            noise.normals(z);
            double[] xi = prior.colour(z, c);
            for (int b = 0; b < c; b++) {
                double beta = recorder.step(b);
                double keep = Math.sqrt(1 - beta * beta);
                for (int i = 0; i < d; i++) {
                    proposal[b * d + i] = (float) (mu[i] + keep * (x[b * d + i] - mu[i]) + beta * xi[b * d + i]);
                }
            }
            double[] logLikProp = likelihood.evaluate(proposal, c, null);
            for (int b = 0; b < c; b++) {
                accepted[b] = Math.log(noise.uniform(b)) < logLikProp[b] - logLik[b];
                if (accepted[b]) {
                    System.arraycopy(proposal, b * d, x, b * d, d);
                    logLik[b] = logLikProp[b];
                }
            }
            recorder.record(it, accepted, x);
        }
        return recorder.finish();
    }
}
