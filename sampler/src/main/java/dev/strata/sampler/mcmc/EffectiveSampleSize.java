package dev.strata.sampler.mcmc;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Effective sample size per value of a batch of chains, by Geyer's (1992) initial positive (monotone) sequence
 * estimator on the chain-averaged autocorrelation, combined over chains as in Stan (Vehtari et al. 2021, eq. 10
 * without splitting or rank normalisation): with W the mean within-chain variance, B/T the variance of the chain
 * means and var+ = (T-1)/T W + B/T,
 * <pre>
 *   rho_k = 1 - (W - gamma_k) / var+,   gamma_k = chain-averaged autocovariance at lag k,
 *   P_m = rho_2m + rho_2m+1, summed while positive and made non-increasing,
 *   tau = -1 + 2 sum_m P_m,   ESS = C T / tau.
 * </pre>
 * Chains that disagree (between-chain variance) lower the ESS. Summaries are the minimum and the median over values.
 *
 * @param perValue ESS of each value
 * @param min      smallest ESS over values (the conservative figure)
 * @param median   median ESS over values
 */
public record EffectiveSampleSize(double[] perValue, double min, double median) {

    /**
     * @param draws  [chains, kept, size] chain-major (not modified)
     * @param chains C
     * @param kept   T, states per chain, at least 4
     * @param size   values per state
     */
    public static EffectiveSampleSize of(float[] draws, int chains, int kept, int size) {
        if (kept < 4 || draws.length != (long) chains * kept * size) {
            throw new IllegalArgumentException("need [chains, kept >= 4, size] draws, got " + draws.length + " for "
                    + chains + " x " + kept + " x " + size);
        }
        double[] ess = new double[size];
        IntStream.range(0, size).parallel().forEach(i -> ess[i] = one(draws, chains, kept, size, i));
        double[] sorted = ess.clone();
        Arrays.sort(sorted);
        double median = size % 2 == 1 ? sorted[size / 2] : 0.5 * (sorted[size / 2 - 1] + sorted[size / 2]);
        return new EffectiveSampleSize(ess, sorted[0], median);
    }

    /**
     * Potential scale reduction per value, R-hat = sqrt(var+ / W) with var+ and W as above (Gelman and Rubin 1992,
     * without splitting): near 1 when the chains agree, above 1.01 when they have not mixed.
     *
     * @param draws [chains >= 2, kept >= 4, size] chain-major (not modified)
     */
    public static double[] rHat(float[] draws, int chains, int kept, int size) {
        if (chains < 2) {
            throw new IllegalArgumentException("R-hat needs at least two chains");
        }
        double[] r = new double[size];
        IntStream.range(0, size).parallel().forEach(i -> {
            Moments m = Moments.of(draws, chains, kept, size, i);
            r[i] = m.varPlus() > 0 ? Math.sqrt(m.varPlus() / m.w()) : 1;
        });
        return r;
    }

    /** Centred chains of one value, mean within-chain variance W and var+ = (T-1)/T W + B/T. */
    private record Moments(double[][] x, double w, double varPlus) {
        static Moments of(float[] draws, int chains, int kept, int size, int i) {
            double[][] x = new double[chains][kept];
            double[] means = new double[chains];
            double w = 0;
            for (int c = 0; c < chains; c++) {
                double s = 0;
                for (int t = 0; t < kept; t++) {
                    x[c][t] = draws[(c * kept + t) * size + i];
                    s += x[c][t];
                }
                means[c] = s / kept;
                double v = 0;
                for (int t = 0; t < kept; t++) {
                    x[c][t] -= means[c];
                    v += x[c][t] * x[c][t];
                }
                w += v / (kept - 1);
            }
            w /= chains;
            double grand = 0;
            for (double m : means) {
                grand += m;
            }
            grand /= chains;
            double b = 0;
            if (chains > 1) {
                for (double m : means) {
                    b += (m - grand) * (m - grand);
                }
                b /= chains - 1; // B / T
            }
            return new Moments(x, w, (kept - 1.0) / kept * w + b);
        }
    }

    private static double one(float[] draws, int chains, int kept, int size, int i) {
        Moments mo = Moments.of(draws, chains, kept, size, i);
        double[][] x = mo.x();
        double w = mo.w();
        double varPlus = mo.varPlus();
        if (!(varPlus > 0)) {
            return chains * (double) kept; // a constant value: every draw is as good as independent
        }
        double tau = -1;
        double prev = Double.POSITIVE_INFINITY;
        for (int m = 0; 2 * m + 1 < kept; m++) {
            double p = rho(x, kept, 2 * m, w, varPlus) + rho(x, kept, 2 * m + 1, w, varPlus);
            if (!(p > 0)) {
                break;
            }
            p = Math.min(p, prev); // initial monotone sequence
            prev = p;
            tau += 2 * p;
        }
        tau = Math.max(tau, 1.0 / Math.log10(chains * (double) kept)); // Stan's cap against antithetic blow-up
        return chains * (double) kept / tau;
    }

    private static double rho(double[][] x, int kept, int lag, double w, double varPlus) {
        double g = 0;
        for (double[] chain : x) {
            double s = 0;
            for (int t = 0; t + lag < kept; t++) {
                s += chain[t] * chain[t + lag];
            }
            g += s / kept; // biased autocovariance, as in Geyer and Stan
        }
        g /= x.length;
        return 1 - (w - g) / varPlus;
    }
}
