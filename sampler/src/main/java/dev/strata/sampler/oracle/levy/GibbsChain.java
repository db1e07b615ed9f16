package dev.strata.sampler.oracle.levy;

import java.util.Arrays;

/**
 * One Gibbs chain for a Levy process x = L u (L the cumulative sum, u_k iid from an {@link IncrementLaw}) observed
 * through Gaussian {@link NormalEquations}. Latents: slab indicators b_k (all 1 without a spike) and variances v_k.
 * A sweep:
 * <ol>
 *   <li>(spike and slab only) each b_k in turn from p(b_k | b_-k, v, y), x integrated out: log odds
 *       log(p / (1 - p)) + log N(y | b_k = 1) - log N(y | b_k = 0);</li>
 *   <li>x | b, v, y: Gaussian. Given b, x is constant between active increments; its segment levels z (x = P z,
 *       sites before the first active increment pinned at 0) have prior precision T^T V^-1 T (T the differences,
 *       tridiagonal) and posterior precision Q = T^T V^-1 T + P^T H P, banded like H (segments are contiguous), so
 *       z = Q^-1 P^T h + L_Q^-T eps by a banded Cholesky;</li>
 *   <li>v_k | u_k from the mixing law's conditional for active k, from the mixing prior for inactive k.</li>
 * </ol>
 * The evidence of step 1 is log N(y | b, v) = h_z^T Q^-1 h_z / 2 - log det Q / 2 - sum_active log v_k / 2 + const.
 * The conditional mean E[x | b, v, y] = P Q^-1 P^T h and covariance products P Q^-1 P^T w of the last sweep give
 * Rao-Blackwellised estimates ({@link #conditionalMean()}, {@link #addConditionalCovariance}).
 */
final class GibbsChain {
    private final IncrementLaw law;
    private final NormalEquations obs;
    private final LatentDraws draws;
    private final int d;
    private final int w;
    private final double logOdds;
    private final boolean[] slab;
    private final double[] v;
    private final double[] x;
    private final double[] mean;
    private final int[] segOf; // segment of each site, -1 where pinned at 0
    private final double[] q;  // band of Q, factored in place
    private final double[] hz;
    private final double[] z;
    private int segments;

    GibbsChain(IncrementLaw law, NormalEquations obs, long seed) {
        this.law = law;
        this.obs = obs;
        this.draws = new LatentDraws(seed);
        this.d = obs.size();
        this.w = Math.max(1, obs.band());
        double p = law.slabProbability();
        this.logOdds = p < 1 ? Math.log(p / (1 - p)) : Double.POSITIVE_INFINITY;
        this.slab = new boolean[d];
        this.v = new double[d];
        this.x = new double[d];
        this.mean = new double[d];
        this.segOf = new int[d];
        this.q = new double[d * (w + 1)];
        this.hz = new double[d];
        this.z = new double[d];
        Arrays.fill(slab, true);
        Arrays.fill(v, law.typicalVariance());
    }

    /** One sweep: indicators (if any), then x, then the variances. */
    void sweep() {
        if (law.slabProbability() < 1) {
            flipIndicators();
        }
        drawSignal();
        drawVariances();
    }

    /** The current state x (the chain's own array: copy before the next sweep). */
    double[] state() {
        return x;
    }

    /** E[x | b, v, y] at the latents of the last sweep (the chain's own array). */
    double[] conditionalMean() {
        return mean;
    }

    /**
     * cov += weight * Cov(x | b, v, y) = weight * P Q^-1 P^T at the latents of the last sweep (Q still factored),
     * d x d row-major.
     */
    void addConditionalCovariance(double[] cov, double weight) {
        double[] inv = new double[segments * segments];
        double[] col = new double[segments];
        for (int j = 0; j < segments; j++) {
            Arrays.fill(col, 0);
            col[j] = 1;
            BandedCholesky.solve(q, segments, w, col);
            System.arraycopy(col, 0, inv, j * segments, segments);
        }
        for (int i = 0; i < d; i++) {
            int si = segOf[i];
            if (si < 0) {
                continue;
            }
            for (int i2 = 0; i2 < d; i2++) {
                if (segOf[i2] >= 0) {
                    cov[i * d + i2] += weight * inv[si * segments + segOf[i2]];
                }
            }
        }
    }

    private void flipIndicators() {
        double current = logEvidence();
        for (int k = 0; k < d; k++) {
            slab[k] = !slab[k];
            double toggled = logEvidence();
            double diff = slab[k] ? toggled - current : current - toggled; // log N(y | on) - log N(y | off)
            boolean on = draws.uniform() * (1 + Math.exp(-(logOdds + diff))) < 1;
            if (on == slab[k]) {
                current = toggled;
            } else {
                slab[k] = !slab[k];
            }
        }
    }

    /** log N(y | b, v) up to a constant, for the current b and v ({@link #factorAndSolve()} first). */
    private double logEvidence() {
        factorAndSolve();
        double quad = 0;
        double logV = 0;
        for (int j = 0; j < segments; j++) {
            quad += hz[j] * z[j];
        }
        for (int k = 0; k < d; k++) {
            if (slab[k]) {
                logV += Math.log(v[k]);
            }
        }
        return 0.5 * (quad - BandedCholesky.logDet(q, segments, w) - logV);
    }

    /** Builds and factors Q for the current b, v and leaves Q^-1 h_z in z. */
    private void factorAndSolve() {
        build();
        if (segments > 0) {
            BandedCholesky.factor(q, segments, w);
            System.arraycopy(hz, 0, z, 0, segments);
            BandedCholesky.solve(q, segments, w, z);
        }
    }

    private void build() {
        int j = -1;
        for (int i = 0; i < d; i++) {
            if (slab[i]) {
                j++;
            }
            segOf[i] = j;
        }
        segments = j + 1;
        int stride = w + 1;
        Arrays.fill(q, 0, segments * stride, 0);
        Arrays.fill(hz, 0, segments, 0);
        for (int i = 0; i < d; i++) {
            int s = segOf[i];
            if (s < 0) {
                continue;
            }
            if (slab[i]) { // (z_s - z_{s-1})^2 / v_i, z_{-1} = 0
                double p = 1 / v[i];
                q[s * stride] += p;
                if (s > 0) {
                    q[(s - 1) * stride] += p;
                    q[s * stride + 1] -= p;
                }
            }
            hz[s] += obs.rhs()[i];
            for (int t = 0; t <= Math.min(obs.band(), i); t++) {
                int s2 = segOf[i - t];
                if (s2 < 0) {
                    continue;
                }
                double hv = obs.at(i, t);
                if (t == 0) {
                    q[s * stride] += hv;
                } else if (s == s2) {
                    q[s * stride] += 2 * hv;
                } else {
                    q[s * stride + s - s2] += hv;
                }
            }
        }
    }

    private void drawSignal() {
        factorAndSolve();
        for (int i = 0; i < d; i++) {
            mean[i] = segOf[i] < 0 ? 0 : z[segOf[i]];
        }
        if (segments > 0) {
            double[] e = new double[segments];
            for (int j = 0; j < segments; j++) {
                e[j] = draws.normal();
            }
            BandedCholesky.upper(q, segments, w, e);
            for (int j = 0; j < segments; j++) {
                z[j] += e[j];
            }
        }
        for (int i = 0; i < d; i++) {
            x[i] = segOf[i] < 0 ? 0 : z[segOf[i]];
        }
    }

    private void drawVariances() {
        if (law.fixedVariance()) {
            return;
        }
        for (int k = 0; k < d; k++) {
            v[k] = slab[k] ? law.varianceGiven(x[k] - (k > 0 ? x[k - 1] : 0), draws) : law.priorVariance(draws);
        }
    }
}
