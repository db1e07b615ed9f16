package dev.strata.sampler;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Log-sum-exp normalisation, softmax and categorical draws for mixture weights. */
public final class MixtureWeights {
    private MixtureWeights() {
    }

    /** log sum_k exp(l_k) over {@code l[off..off+len)}, stable (max shifted); -infinity when all are -infinity. */
    public static double logSumExp(double[] l, int off, int len) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = off; k < off + len; k++) {
            max = Math.max(max, l[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int k = off; k < off + len; k++) {
            s += Math.exp(l[k] - max);
        }
        return max + Math.log(s);
    }

    /**
     * Replaces logits {@code l[off..off+len)} by softmax weights exp(l_k - logsumexp(l)); weights below 1e-17 / len
     * (whose total effect is below double rounding of the weighted sums) are set to exactly 0. Modifies {@code l}.
     */
    public static void softmaxInPlace(double[] l, int off, int len) {
        double lse = logSumExp(l, off, len);
        if (Double.isInfinite(lse) || Double.isNaN(lse)) {
            throw new IllegalArgumentException("mixture weights are not finite (log-sum-exp " + lse + ")");
        }
        double tiny = 1e-17 / len;
        for (int k = off; k < off + len; k++) {
            double w = Math.exp(l[k] - lse);
            l[k] = w < tiny ? 0 : w;
        }
    }

    /** Normalised log weights (log pi_k - logsumexp); {@code null} gives equal weights -log N. Not modified. */
    public static double[] normaliseLog(double[] logWeights, int count) {
        double[] l = new double[count];
        if (logWeights == null) {
            Arrays.fill(l, -Math.log(count));
            return l;
        }
        if (logWeights.length != count) {
            throw new IllegalArgumentException("need " + count + " log weights, got " + logWeights.length);
        }
        double lse = logSumExp(logWeights, 0, count);
        if (!Double.isFinite(lse)) {
            throw new IllegalArgumentException("log weights must have a finite log-sum-exp, got " + lse);
        }
        for (int k = 0; k < count; k++) {
            l[k] = logWeights[k] - lse;
        }
        return l;
    }

    /** exp of normalised log weights. */
    public static double[] weights(double[] normalisedLog) {
        double[] w = new double[normalisedLog.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = Math.exp(normalisedLog[k]);
        }
        return w;
    }

    /** Effective sample size 1 / sum_k w_k^2 of normalised weights. */
    public static double effectiveSize(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return 1 / s;
    }

    /** Cumulative sums of normalised weights, for {@link #draw}; the last entry is forced to 1. */
    public static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int k = 0; k < w.length; k++) {
            s += w[k];
            c[k] = s;
        }
        c[w.length - 1] = Double.POSITIVE_INFINITY;
        return c;
    }

    /** A component index drawn with the probabilities behind {@code cumulative} (binary search). */
    public static int draw(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
