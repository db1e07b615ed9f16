package dev.strata.cli.invert;

import dev.strata.cli.invert.PhaseClock.Phase;
import dev.strata.sampler.Denoiser;

/** A denoiser whose calls are timed: D as {@code network}, its VJP as {@code network_vjp}. */
record TimedDenoiser(Denoiser inner, PhaseClock clock) implements Denoiser {
    @Override
    public int[] shape() {
        return inner.shape();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        return clock.time(Phase.NETWORK, () -> inner.denoise(x, sigma, n));
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        return clock.time(Phase.NETWORK_VJP, () -> inner.vjp(x, sigma, v, n));
    }
}
