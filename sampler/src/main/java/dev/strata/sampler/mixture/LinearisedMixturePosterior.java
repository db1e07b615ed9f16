package dev.strata.sampler.mixture;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.MixtureWeights;
import dev.strata.sampler.oracle.ExactSampler;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleEVD;
import org.ejml.simple.SimpleMatrix;

/**
 * The linearised Gaussian-mixture posterior of seed 001 (Siahkoohi and Sabeddu): a GMM prior
 * sum_k pi_k N(x_k, gamma^2 I) and data y = F(x) + e, e ~ N(0, s^2 I), with F linearised around each component
 * centre, F(x) ~ F(x_k) + J_k (x - x_k). Each component then has a Gaussian posterior and the result is the mixture
 * <pre>
 *   Sigma_k = (gamma^-2 I + s^-2 J_k^T J_k)^-1 = gamma^2 I - gamma^4 J_k^T S_k^-1 J_k,   S_k = gamma^2 J_k J_k^T + s^2 I,
 *   mu_k    = x_k + gamma^2 J_k^T S_k^-1 (y - F(x_k)),                                  (mean shift by the local Jacobian)
 *   w_k     ∝ pi_k N(y; F(x_k), S_k).                                                   (weights: linearised evidence)
 * </pre>
 * (The issue writes Sigma_n = (sigma^-2 I + gamma^-2 J^T J)^-1 with sigma the component width and gamma the noise;
 * here gamma is the component width and s the noise, as in {@link GaussianMixturePrior}.) Everything is done in data
 * space (m x m), so it suits small m and d: each component holds its m x d Jacobian, built row by row with m VJPs.
 * Draws are exact (Matheron's rule): x = x' + gamma^2 J^T S^-1 (y - F(x_k) - J (x' - x_k) - s eta), x' = x_k +
 * gamma eps. For a linear F the linearisation is exact and this equals the exact mixture posterior.
 */
public final class LinearisedMixturePosterior implements ExactSampler {
    private final String name;
    private final int[] shape;
    private final int d;
    private final int m;
    private final double gamma;
    private final double noise;
    private final double[][] centre; // x_k
    private final double[][] mean; // mu_k
    private final double[][] variance; // diag Sigma_k
    private final double[][] jacobian; // J_k, m x d row-major
    private final double[][] gain; // gamma^2 J^T S^-1, d x m row-major
    private final double[][] residual; // y - F(x_k)
    private final double[] logWeights;

    /**
     * @param name     name for reports
     * @param prior    GMM prior with gamma > 0
     * @param operator F (its Jacobian at each centre is formed densely: m VJPs per component)
     * @param data     y, one data sample (not modified)
     * @param noise    data noise standard deviation s
     */
    public LinearisedMixturePosterior(String name, GaussianMixturePrior prior, ForwardOperator operator, float[] data,
            double noise) {
        if (!(prior.gamma() > 0) || !(noise > 0)) {
            throw new IllegalArgumentException("need gamma > 0 and noise > 0, got " + prior.gamma() + ", " + noise);
        }
        TrainingSet set = prior.trainingSet();
        this.name = name;
        this.shape = set.shape();
        this.d = set.size();
        this.m = operator.outputSize();
        this.gamma = prior.gamma();
        this.noise = noise;
        Shapes.requireBatch("LinearisedMixturePosterior data", data, 1, m);
        if (operator.inputSize() != d) {
            throw new IllegalArgumentException("operator takes " + operator.inputSize() + " values, examples have " + d);
        }
        int kk = set.count();
        centre = new double[kk][];
        mean = new double[kk][];
        variance = new double[kk][];
        jacobian = new double[kk][];
        gain = new double[kk][];
        residual = new double[kk][];
        double[] logW = prior.logWeights();
        double g2 = gamma * gamma;
        float[] eye = new float[m * m];
        for (int j = 0; j < m; j++) {
            eye[j * m + j] = 1f;
        }
        for (int k = 0; k < kk; k++) {
            float[] xk = set.example(k);
            float[] fk = operator.apply(xk, 1);
            float[] rep = new float[m * d];
            for (int j = 0; j < m; j++) {
                System.arraycopy(xk, 0, rep, j * d, d);
            }
            float[] rows = operator.vjp(rep, eye, m); // row j = J^T e_j = row j of J
            SimpleMatrix jm = new SimpleMatrix(m, d);
            double[] jk = new double[m * d];
            for (int i = 0; i < m * d; i++) {
                jk[i] = rows[i];
                jm.set(i / d, i % d, rows[i]);
            }
            SimpleMatrix s = jm.mult(jm.transpose()).scale(g2).plus(SimpleMatrix.identity(m).scale(noise * noise));
            s = s.plus(s.transpose()).scale(0.5);
            SimpleEVD<SimpleMatrix> evd = s.eig();
            SimpleMatrix sInv = new SimpleMatrix(m, m);
            double logDet = 0;
            SimpleMatrix whitened = new SimpleMatrix(m, d); // diag(e^-1/2) U^T J
            for (int j = 0; j < m; j++) {
                double e = evd.getEigenvalue(j).getReal();
                SimpleMatrix u = evd.getEigenVector(j);
                logDet += Math.log(e);
                sInv = sInv.plus(u.mult(u.transpose()).scale(1 / e));
                SimpleMatrix row = u.transpose().mult(jm).scale(1 / Math.sqrt(e));
                for (int i = 0; i < d; i++) {
                    whitened.set(j, i, row.get(0, i));
                }
            }
            double[] r = new double[m];
            SimpleMatrix rv = new SimpleMatrix(m, 1);
            for (int j = 0; j < m; j++) {
                r[j] = data[j] - fk[j];
                rv.set(j, 0, r[j]);
            }
            SimpleMatrix alpha = sInv.mult(rv);
            SimpleMatrix kGain = jm.transpose().mult(sInv).scale(g2); // d x m
            double[] mu = new double[d];
            double[] var = new double[d];
            double[] gk = new double[d * m];
            for (int i = 0; i < d; i++) {
                double shift = 0;
                for (int j = 0; j < m; j++) {
                    shift += jm.get(j, i) * alpha.get(j, 0);
                    gk[i * m + j] = kGain.get(i, j);
                }
                mu[i] = xk[i] + g2 * shift;
                double q = 0;
                for (int j = 0; j < m; j++) {
                    q += whitened.get(j, i) * whitened.get(j, i);
                }
                var[i] = Math.max(0, g2 - g2 * g2 * q);
            }
            double quad = rv.dot(alpha);
            logW[k] += -0.5 * (quad + logDet + m * Math.log(2 * Math.PI));
            double[] c = new double[d];
            for (int i = 0; i < d; i++) {
                c[i] = xk[i];
            }
            centre[k] = c;
            mean[k] = mu;
            variance[k] = var;
            jacobian[k] = jk;
            gain[k] = gk;
            residual[k] = r;
        }
        this.logWeights = MixtureWeights.normaliseLog(logW, kk);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Posterior component weights w_k. */
    public double[] weights() {
        return MixtureWeights.weights(logWeights);
    }

    /** Mean mu_k of component {@code k} (a copy). */
    public double[] componentMean(int k) {
        return mean[k].clone();
    }

    @Override
    public double[] mean() {
        double[] w = weights();
        double[] out = new double[d];
        for (int k = 0; k < w.length; k++) {
            for (int i = 0; i < d; i++) {
                out[i] += w[k] * mean[k][i];
            }
        }
        return out;
    }

    @Override
    public double[] std() {
        double[] w = weights();
        double[] mu = mean();
        double[] v = new double[d];
        for (int k = 0; k < w.length; k++) {
            for (int i = 0; i < d; i++) {
                double dm = mean[k][i] - mu[i];
                v[i] += w[k] * (variance[k][i] + dm * dm);
            }
        }
        for (int i = 0; i < d; i++) {
            v[i] = Math.sqrt(v[i]);
        }
        return v;
    }

    @Override
    public float[] sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Gaussian g = new Gaussian(random.nextLong());
        double[] cumulative = MixtureWeights.cumulative(weights());
        float[] out = new float[n * d];
        double[] eps = new double[d];
        double[] misfit = new double[m];
        for (int b = 0; b < n; b++) {
            int k = MixtureWeights.draw(cumulative, random);
            double[] jk = jacobian[k];
            for (int i = 0; i < d; i++) {
                eps[i] = gamma * g.next();
            }
            // misfit = r_k - J eps - s eta
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += jk[j * d + i] * eps[i];
                }
                misfit[j] = residual[k][j] - s - noise * g.next();
            }
            double[] gk = gain[k];
            for (int i = 0; i < d; i++) {
                double s = centre[k][i] + eps[i];
                for (int j = 0; j < m; j++) {
                    s += gk[i * m + j] * misfit[j];
                }
                out[b * d + i] = (float) s;
            }
        }
        return out;
    }
}
