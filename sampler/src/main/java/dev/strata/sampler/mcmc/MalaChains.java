package dev.strata.sampler.mcmc;

import dev.strata.sampler.GaussianPrior;
import dev.strata.sampler.ProgressListener;

/**
 * Preconditioned Metropolis-adjusted Langevin (Roberts and Tweedie 1996; constant metric as in Girolami and
 * Calderhead 2011): with a fixed positive definite M,
 * <pre>
 *   x' = x + tau M grad log pi(x) + sqrt(2 tau) M^(1/2) xi,   xi ~ N(0, I),
 *   accept with min(1, pi(x') q(x | x') / (pi(x) q(x' | x))),  log q(a | b) = -||a - b - tau M grad log pi(b)||^2_{M^-1} / (4 tau).
 * </pre>
 * Run in whitened coordinates x = m + M^(1/2) u, where the proposal is u' = u + tau g_u + sqrt(2 tau) xi with
 * g_u = (M^(1/2))^T grad_x log pi and q is isotropic: two products with the square root per chain and iteration
 * besides the target (d x d for a dense Gaussian, two cosine transforms for a spectral one). tau adapts towards
 * 57.4 % acceptance during burn-in. M and m are the covariance and mean of a {@link GaussianPrior} (the prior, or the
 * moment-matched prior of a mixture); chains start at its draws and advance as one batch.
 */
public final class MalaChains extends MetropolisHastings {
    private static final double TARGET_ACCEPTANCE = 0.574;

    private final LogDensity target;
    private final GaussianPrior metric;

    /**
     * @param target log pi up to a constant, with gradient (prior plus likelihood)
     * @param metric M = its covariance (positive definite), m = its mean; chains start at its draws
     */
    public MalaChains(LogDensity target, GaussianPrior metric) {
        if (target.size() != metric.size()) {
            throw new IllegalArgumentException("target has " + target.size() + " values, metric " + metric.size());
        }
        this.target = target;
        this.metric = metric;
    }

    @Override
    public int[] shape() {
        return target.shape();
    }

    @Override
    McmcRun run(ChainSettings settings, ChainNoise noise, ProgressListener listener) {
        int c = settings.chains();
        int d = target.size();
        ChainRecorder recorder = new ChainRecorder(settings, d, TARGET_ACCEPTANCE, 10.0, listener,
                noise.independent());
        double[] m = metric.mean();
        double[] u = new double[c * d];
        noise.normals(u);
        float[] x = toStates(u, m, c);
        float[] grad = new float[c * d];
        double[] logp = target.evaluate(x, c, grad);
        double[] gu = whitenedGradients(grad, c);
        double[] z = new double[c * d];
        double[] uProp = new double[c * d];
        float[] gradProp = new float[c * d];
        boolean[] accepted = new boolean[c];
        for (int it = 0; it < recorder.total(); it++) {
            noise.normals(z);
            for (int b = 0; b < c; b++) {
                double tau = recorder.step(b);
                double spread = Math.sqrt(2 * tau);
                for (int i = b * d; i < (b + 1) * d; i++) {
                    uProp[i] = u[i] + tau * gu[i] + spread * z[i];
                }
            }
            float[] proposal = toStates(uProp, m, c);
            double[] logpProp = target.evaluate(proposal, c, gradProp);
            double[] guProp = whitenedGradients(gradProp, c);
            for (int b = 0; b < c; b++) {
                double tau = recorder.step(b);
                double fwd = 0;
                double back = 0;
                for (int k = b * d; k < (b + 1) * d; k++) {
                    double f = uProp[k] - u[k] - tau * gu[k];
                    double r = u[k] - uProp[k] - tau * guProp[k];
                    fwd += f * f;
                    back += r * r;
                }
                double logAlpha = logpProp[b] - logp[b] + (fwd - back) / (4 * tau);
                accepted[b] = Math.log(noise.uniform(b)) < logAlpha;
                if (accepted[b]) {
                    System.arraycopy(uProp, b * d, u, b * d, d);
                    System.arraycopy(proposal, b * d, x, b * d, d);
                    System.arraycopy(guProp, b * d, gu, b * d, d);
                    logp[b] = logpProp[b];
                }
            }
            recorder.record(it, accepted, x);
        }
        return recorder.finish();
    }

    // x = m + M^(1/2) u per chain
    private float[] toStates(double[] u, double[] m, int c) {
        int d = m.length;
        double[] v = metric.colour(u, c);
        float[] x = new float[c * d];
        for (int b = 0; b < c; b++) {
            for (int i = 0; i < d; i++) {
                x[b * d + i] = (float) (m[i] + v[b * d + i]);
            }
        }
        return x;
    }

    // g_u = (M^(1/2))^T grad_x per chain
    private double[] whitenedGradients(float[] grad, int c) {
        double[] gx = new double[grad.length];
        for (int i = 0; i < gx.length; i++) {
            gx[i] = grad[i];
        }
        return metric.colourTranspose(gx, c);
    }
}
