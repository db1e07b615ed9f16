package dev.strata.sampler.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact posterior of a Gaussian-mixture prior sum_k pi_k N(mu_k, C_k) observed through a linear operator with
 * Gaussian noise, y = A x + e, e ~ N(0, s^2 I): again a Gaussian mixture, whose components are the components'
 * Gaussian posteriors ({@link GaussianLinearPosterior}) and whose weights are the prior weights times each
 * component's evidence: pi'_k ∝ pi_k N(y; A mu_k, A C_k A^T + s^2 I). Mean, marginal std, draws and denoiser of
 * the result are exact ({@link DenseGaussianMixture}).
 */
public final class GaussianMixturePosterior {
    private GaussianMixturePosterior() {
    }

    /**
     * @param name  name of the resulting oracle
     * @param prior the mixture prior
     * @param a     operator, m x d row-major
     * @param y     data, length m
     * @param noise data noise standard deviation s
     */
    public static DenseGaussianMixture of(String name, DenseGaussianMixture prior, double[] a, double[] y,
            double noise) {
        int kk = prior.count();
        double[] pi = prior.weights();
        List<DenseGaussian> comps = new ArrayList<>(kk);
        double[] logW = new double[kk];
        for (int k = 0; k < kk; k++) {
            DenseGaussian c = prior.component(k);
            comps.add(GaussianLinearPosterior.of(c, a, y, noise));
            logW[k] = Math.log(pi[k]) + GaussianLinearPosterior.logEvidence(c, a, y, noise);
        }
        return new DenseGaussianMixture(name, comps, logW);
    }
}
