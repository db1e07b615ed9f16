package dev.strata.cli.invert;

import dev.strata.cli.invert.SyntheticTruths.SyntheticCase;
import dev.strata.sampler.oracle.PosteriorMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Simulation-based calibration of credible intervals against known truths (after Talts et al. 2018): for each case
 * k of {@link SyntheticTruths} the sampler draws S samples of p(x | y_k), and the case's coverage at level 1 - 2t is
 * the share of cells whose truth lies inside the samples' central t .. 1 - t interval
 * ({@link PosteriorMetrics#coverages}). Because x_k is drawn from the very prior the sampler uses, an exact sampler
 * is calibrated on average over cases: with S independent draws the truth is exchangeable with them, so it falls
 * between the interval's order statistics i and j (0-based, i = (S - 1) t) with probability exactly (j - i) / (S + 1)
 * = (1 - 2t)(S - 1) / (S + 1) wherever (S - 1) t is an integer (S = 41 for t = 0.25, 0.1, 0.05, 0.025), and about
 * that otherwise.
 */
final class TruthCalibration {
    private static final long SAMPLER = 0x5a3bL;

    private TruthCalibration() {
    }

    /** Runs {@code sampling} on every case of {@code truths}. */
    static TruthCoverage run(SyntheticTruths truths, CaseSampling sampling) {
        CalibrationProblem spec = truths.spec();
        double[] tails = PosteriorMetrics.CALIBRATION_TAILS;
        int levels = tails.length;
        int k = spec.cases();
        int s = spec.samples();
        List<SyntheticCase> cases = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            cases.add(truths.draw(c));
        }
        long t0 = System.nanoTime();
        CaseSampling.CaseDraws draws = sampling.sample(cases, s, spec.seed() ^ SAMPLER);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] priorVariance = priorVariance(truths.prior());
        int d = priorVariance.length;
        double[] sum = new double[levels];
        double[] sum2 = new double[levels];
        double spread = 0;
        for (SyntheticCase one : cases) {
            float[] x = Arrays.copyOfRange(draws.samples(), one.index() * s * d, (one.index() + 1) * s * d);
            double[] cover = PosteriorMetrics.coverages(x, s, one.truth(), 1, d, tails);
            for (int l = 0; l < levels; l++) {
                sum[l] += cover[l];
                sum2[l] += cover[l] * cover[l];
            }
            spread += varianceRatio(x, s, priorVariance);
        }
        double[] nominal = new double[levels];
        double[] expected = new double[levels];
        double[] mean = new double[levels];
        double[] se = new double[levels];
        for (int l = 0; l < levels; l++) {
            nominal[l] = 1 - 2 * tails[l];
            expected[l] = nominal[l] * (s - 1) / (s + 1);
            mean[l] = sum[l] / k;
            double var = Math.max(0, (sum2[l] - k * mean[l] * mean[l]) / (k - 1));
            se[l] = Math.sqrt(var / k);
        }
        return new TruthCoverage(k, s, nominal, expected, mean, se, Math.sqrt(spread / k), seconds, draws.figures());
    }

    /** Mean over cells of the samples' (S - 1)-normalised variance over the prior variance. */
    private static double varianceRatio(float[] x, int s, double[] priorVariance) {
        int d = priorVariance.length;
        double ratio = 0;
        for (int i = 0; i < d; i++) {
            double m = 0;
            for (int b = 0; b < s; b++) {
                m += x[b * d + i];
            }
            m /= s;
            double v = 0;
            for (int b = 0; b < s; b++) {
                v += (x[b * d + i] - m) * (x[b * d + i] - m);
            }
            ratio += v / (s - 1) / priorVariance[i];
        }
        return ratio / d;
    }

    /** Diagonal of the prior covariance C = S S^T: |S^T e_i|^2, one row of the identity at a time in a batch. */
    private static double[] priorVariance(Prior prior) {
        int d = prior.gaussian().size();
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) {
            eye[i * d + i] = 1;
        }
        double[] rows = prior.gaussian().colourTranspose(eye, d);
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                v[i] += rows[i * d + j] * rows[i * d + j];
            }
        }
        return v;
    }
}
