package dev.strata.sampler.vp;

import dev.strata.sampler.NoiseSchedule;

/**
 * A discrete variance-preserving noise schedule beta_1..beta_T (Ho et al. 2020): x_t = sqrt(abar_t) x_0 +
 * sqrt(1 - abar_t) eps, abar_t = prod_{s <= t} (1 - beta_s), abar_0 = 1. In the EDM parameterisation the same state
 * is x_t / sqrt(abar_t) = x_0 + sigma_t eps with sigma_t = sqrt((1 - abar_t) / abar_t).
 *
 * @param betas beta_1..beta_T, each in (0, 1) (copied)
 */
public record BetaSchedule(double[] betas) implements NoiseSchedule {

    public BetaSchedule {
        if (betas.length < 1) {
            throw new IllegalArgumentException("a schedule needs at least one step");
        }
        for (double b : betas) {
            if (!(b > 0 && b < 1)) {
                throw new IllegalArgumentException("every beta must lie in (0, 1), got " + b);
            }
        }
        betas = betas.clone();
    }

    /**
     * Linear betas from 1e-4 to 0.02 at T = 1000 (Ho et al. 2020), scaled by 1000 / T for other T so that the end
     * point abar_T stays ~ 4e-5 (Nichol and Dhariwal 2021, the "linear" named schedule).
     */
    public static BetaSchedule linear(int steps) {
        requireSteps(steps);
        double scale = 1000.0 / steps;
        double b0 = 1e-4 * scale;
        double b1 = 0.02 * scale;
        double[] b = new double[steps];
        for (int t = 0; t < steps; t++) {
            b[t] = steps == 1 ? b1 : b0 + (b1 - b0) * t / (steps - 1);
        }
        return new BetaSchedule(b);
    }

    /**
     * Cosine schedule of Nichol and Dhariwal (2021), eq. 17: abar(t) = f(t) / f(0), f(t) = cos^2(pi/2 (t/T + s) / (1 + s)),
     * s = 0.008, beta_t = min(1 - abar(t) / abar(t - 1), 0.999).
     */
    public static BetaSchedule cosine(int steps) {
        requireSteps(steps);
        double s = 0.008;
        double[] b = new double[steps];
        double f0 = cosineF(0, steps, s);
        for (int t = 1; t <= steps; t++) {
            double prev = cosineF(t - 1, steps, s) / f0;
            double cur = cosineF(t, steps, s) / f0;
            b[t - 1] = Math.min(1 - cur / prev, 0.999);
        }
        return new BetaSchedule(b);
    }

    private static double cosineF(int t, int steps, double s) {
        double c = Math.cos(0.5 * Math.PI * ((double) t / steps + s) / (1 + s));
        return c * c;
    }

    private static void requireSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
    }

    @Override
    public double[] betas() {
        return betas.clone();
    }

    /** T. */
    public int steps() {
        return betas.length;
    }

    /** beta_t for t = 1..T. */
    public double beta(int t) {
        return betas[t - 1];
    }

    /** abar_0..abar_T, abar_0 = 1 (products in double). */
    public double[] alphaBars() {
        double[] a = new double[betas.length + 1];
        a[0] = 1;
        for (int t = 1; t <= betas.length; t++) {
            a[t] = a[t - 1] * (1 - betas[t - 1]);
        }
        return a;
    }

    /** sigma_t = sqrt((1 - abar_t) / abar_t) for t = 0..T (sigma_0 = 0): the equivalent EDM noise levels. */
    public double[] sigmas() {
        double[] a = alphaBars();
        double[] s = new double[a.length];
        for (int t = 0; t < a.length; t++) {
            s[t] = Math.sqrt((1 - a[t]) / a[t]);
        }
        return s;
    }

    /** {@link #sigmas()} from t = T down to t = 0 (sigma_0 = 0), the order a sampler visits them. */
    @Override
    public double[] levels() {
        double[] s = sigmas();
        double[] r = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = s[s.length - 1 - i];
        }
        return r;
    }
}
