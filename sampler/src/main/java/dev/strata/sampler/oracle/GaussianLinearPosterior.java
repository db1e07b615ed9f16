package dev.strata.sampler.oracle;

import org.ejml.simple.SimpleMatrix;

/**
 * The exact posterior of a Gaussian prior N(mu, C) observed through a linear operator with Gaussian noise,
 * y = A x + e, e ~ N(0, s^2 I): C_post = (C^-1 + A^T A / s^2)^-1, mu_post = mu + C A^T (A C A^T + s^2 I)^-1 (y - A mu).
 * Computed in the data-space form (no inverse of C, which may be near singular).
 */
public final class GaussianLinearPosterior {
    private GaussianLinearPosterior() {
    }

    /** The posterior of a {@link DenseGaussian} prior; see {@link #of(int[], double[], double[], double[], double[], double)}. */
    public static DenseGaussian of(DenseGaussian prior, double[] a, double[] y, double noise) {
        return of(prior.shape(), prior.mean(), prior.covariance(), a, y, noise);
    }

    /**
     * log N(y; A mu, A C A^T + s^2 I), the evidence of the data under the prior (the marginal likelihood), via the
     * eigenvalues of the m x m data covariance.
     */
    public static double logEvidence(DenseGaussian prior, double[] a, double[] y, double noise) {
        int d = prior.size();
        int m = y.length;
        SimpleMatrix c = new SimpleMatrix(d, d, true, prior.covariance());
        SimpleMatrix am = new SimpleMatrix(m, d, true, a);
        SimpleMatrix s = am.mult(c).mult(am.transpose()).plus(SimpleMatrix.identity(m).scale(noise * noise));
        s = s.plus(s.transpose()).scale(0.5);
        SimpleMatrix r = new SimpleMatrix(m, 1, true, y).minus(am.mult(new SimpleMatrix(d, 1, true, prior.mean())));
        var evd = s.eig();
        double logDet = 0;
        double q = 0;
        for (int k = 0; k < m; k++) {
            double e = evd.getEigenvalue(k).getReal();
            if (!(e > 0)) {
                throw new IllegalArgumentException("data covariance is not positive definite (eigenvalue " + e + ")");
            }
            SimpleMatrix u = evd.getEigenVector(k);
            double p = u.dot(r);
            q += p * p / e;
            logDet += Math.log(e);
        }
        return -0.5 * (q + logDet + m * Math.log(2 * Math.PI));
    }

    /**
     * @param mean  prior mean, length d
     * @param cov   prior covariance, d x d row-major
     * @param a     operator, m x d row-major
     * @param y     data, length m
     * @param noise data noise standard deviation s
     */
    public static DenseGaussian of(int[] shape, double[] mean, double[] cov, double[] a, double[] y, double noise) {
        int d = mean.length;
        int m = y.length;
        SimpleMatrix c = new SimpleMatrix(d, d, true, cov);
        SimpleMatrix am = new SimpleMatrix(m, d, true, a);
        SimpleMatrix mu = new SimpleMatrix(d, 1, true, mean);
        SimpleMatrix ca = c.mult(am.transpose()); // C A^T, d x m
        SimpleMatrix s = am.mult(ca).plus(SimpleMatrix.identity(m).scale(noise * noise)); // A C A^T + s^2 I
        SimpleMatrix gain = ca.mult(s.invert()); // d x m
        SimpleMatrix r = new SimpleMatrix(m, 1, true, y).minus(am.mult(mu));
        SimpleMatrix postMean = mu.plus(gain.mult(r));
        SimpleMatrix postCov = c.minus(gain.mult(ca.transpose()));
        double[] pm = new double[d];
        double[] pc = new double[d * d];
        for (int i = 0; i < d; i++) {
            pm[i] = postMean.get(i, 0);
            for (int j = 0; j < d; j++) {
                pc[i * d + j] = postCov.get(i, j);
            }
        }
        return new DenseGaussian(shape, pm, pc);
    }
}
