package dev.strata.sampler.mcmc;

import dev.strata.sampler.Gaussian;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.oracle.DenseGaussian;
import java.util.SplittableRandom;

/**
 * Preconditioned Crank-Nicolson MCMC (Cotter, Roberts, Stuart and White 2013) for a Gaussian prior N(mu, C) and a
 * likelihood exp(-Phi(x)): propose x' = mu + sqrt(1 - beta^2) (x - mu) + beta xi, xi ~ N(0, C), and accept with
 * probability min(1, exp(Phi(x) - Phi(x'))). The proposal is reversible for the prior, so only the likelihood enters
 * the acceptance and the rate does not collapse with dimension. beta adapts towards 25 % acceptance during burn-in.
 * Chains start at prior draws and advance as one batch (one likelihood call per iteration).
 */
public final class PcnSampler {
    private static final double TARGET_ACCEPTANCE = 0.25;

    private final DenseGaussian prior;
    private final LogDensity likelihood;

    /**
     * @param prior      the Gaussian prior (reference measure)
     * @param likelihood log p(y | x) = -Phi(x) up to a constant (its gradient is not used)
     */
    public PcnSampler(DenseGaussian prior, LogDensity likelihood) {
        if (prior.size() != likelihood.size()) {
            throw new IllegalArgumentException("prior has " + prior.size() + " values, likelihood " + likelihood.size());
        }
        this.prior = prior;
        this.likelihood = likelihood;
    }

    public McmcRun run(ChainSettings settings, long seed, ProgressListener listener) {
        int c = settings.chains();
        int d = prior.size();
        ChainRecorder recorder = new ChainRecorder(settings, d, TARGET_ACCEPTANCE, 1.0, listener);
        double[] mu = prior.mean();
        SplittableRandom uniform = new SplittableRandom(seed);
        Gaussian g = new Gaussian(uniform.nextLong());
        float[] x = prior.sample(c, uniform.nextLong());
        double[] logLik = likelihood.evaluate(x, c, null);
        double[] z = new double[c * d];
        float[] proposal = new float[c * d];
        for (int it = 0; it < recorder.total(); it++) {
            double beta = recorder.step();
            double keep = Math.sqrt(1 - beta * beta);
            for (int i = 0; i < z.length; i++) {
                z[i] = g.next();
            }
            double[] xi = prior.colour(z, c);
            for (int b = 0; b < c; b++) {
                for (int i = 0; i < d; i++) {
                    proposal[b * d + i] = (float) (mu[i] + keep * (x[b * d + i] - mu[i]) + beta * xi[b * d + i]);
                }
            }
            double[] logLikProp = likelihood.evaluate(proposal, c, null);
            int acc = 0;
            for (int b = 0; b < c; b++) {
                if (Math.log(uniform.nextDouble()) < logLikProp[b] - logLik[b]) {
                    System.arraycopy(proposal, b * d, x, b * d, d);
                    logLik[b] = logLikProp[b];
                    acc++;
                }
            }
            recorder.record(it, acc, x);
        }
        return recorder.finish();
    }
}
