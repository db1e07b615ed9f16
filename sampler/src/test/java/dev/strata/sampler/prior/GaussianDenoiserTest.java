package dev.strata.sampler.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.sampler.Denoiser;
import dev.strata.sampler.DenoiserContract;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.GaussianLinearProblem;
import org.junit.jupiter.api.Test;

class GaussianDenoiserTest extends DenoiserContract {
    private final GaussianLinearProblem problem = new GaussianLinearProblem(7);

    @Override
    protected Denoiser denoiser() {
        return problem.prior.denoiser();
    }

    @Override
    protected float[] input(int n, long seed) {
        return problem.prior.sample(n, seed);
    }

    @Test
    void spectralDenoiserMatchesDenseTweedieFormula() {
        float[] x = new Gaussian(3).array(3 * 64, 1.5);
        for (double sigma : new double[] {0.05, 0.7, 10}) {
            float[] fast = problem.prior.denoiser().denoise(x, sigma, 3);
            float[] dense = problem.densePrior.denoise(x, sigma, 3);
            for (int i = 0; i < fast.length; i++) {
                assertEquals(dense[i], fast[i], 2e-5, "sigma " + sigma + " at " + i);
            }
        }
    }

    @Test
    void denoiserIsIdentityAtZeroNoise() {
        float[] x = problem.prior.sample(2, 11);
        float[] d = problem.prior.denoiser().denoise(x, 0.0, 2);
        assertArrayEquals(x, d, 1e-5f);
    }

    @Test
    void vjpIsTheSymmetricJacobian() {
        GaussianDenoiser den = problem.prior.denoiser();
        float[] x = new Gaussian(1).array(64, 1);
        float[] u = new Gaussian(2).array(64, 1);
        float[] v = new Gaussian(4).array(64, 1);
        double lhs = dot(den.vjp(x, 0.4, u, 1), v);
        double rhs = dot(u, den.vjp(x, 0.4, v, 1));
        assertEquals(lhs, rhs, 1e-5 * Math.abs(lhs));
        // Jacobian-vector product by differences equals the VJP's matrix (D is affine)
        float[] xv = x.clone();
        for (int i = 0; i < 64; i++) {
            xv[i] += v[i];
        }
        float[] jv = den.denoise(xv, 0.4, 1);
        float[] d0 = den.denoise(x, 0.4, 1);
        double fd = 0;
        for (int i = 0; i < 64; i++) {
            fd += u[i] * (jv[i] - d0[i]);
        }
        assertEquals(lhs, fd, 1e-4 * Math.abs(lhs) + 1e-5);
    }

    @Test
    void priorDrawsHaveTheStatedMeanAndVariance() {
        int n = 4000;
        float[] s = problem.prior.sample(n, 5);
        double[] sd = problem.densePrior.std();
        double worst = 0;
        for (int i = 0; i < 64; i++) {
            double m = 0;
            double m2 = 0;
            for (int b = 0; b < n; b++) {
                m += s[b * 64 + i];
                m2 += s[b * 64 + i] * s[b * 64 + i];
            }
            m /= n;
            double var = m2 / n - m * m;
            // Monte Carlo: the mean is within 4 standard errors, the std within 4 sqrt(1/(2n)) relative
            assertEquals(0.3, m, 4 * sd[i] / Math.sqrt(n));
            worst = Math.max(worst, Math.abs(Math.sqrt(var) / sd[i] - 1));
        }
        assertTrue(worst < 4 / Math.sqrt(2.0 * n), "worst relative std error " + worst);
    }

}
