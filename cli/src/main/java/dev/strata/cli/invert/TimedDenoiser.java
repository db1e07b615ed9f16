package dev.strata.cli.invert;

import dev.strata.cli.invert.PhaseClock.Phase;
import dev.strata.sampler.Denoiser;
import dev.strata.sampler.nn.NetworkDenoiser;
import java.util.function.Supplier;

/**
 * A denoiser whose calls are timed: D as {@code network}, its VJP as {@code network_vjp}; for a
 * {@link NetworkDenoiser}, the copies between Java and native arrays inside those calls as {@code handover}.
 */
record TimedDenoiser(Denoiser inner, PhaseClock clock) implements Denoiser {
    @Override
    public int[] shape() {
        return inner.shape();
    }

    @Override
    public float[] denoise(float[] x, double sigma, int n) {
        return timed(Phase.NETWORK, () -> inner.denoise(x, sigma, n));
    }

    @Override
    public float[] vjp(float[] x, double sigma, float[] v, int n) {
        return timed(Phase.NETWORK_VJP, () -> inner.vjp(x, sigma, v, n));
    }

    private float[] timed(Phase phase, Supplier<float[]> call) {
        long before = inner instanceof NetworkDenoiser d ? d.handoverNanos() : 0;
        float[] out = clock.time(phase, call);
        if (inner instanceof NetworkDenoiser d) {
            clock.move(phase, Phase.HANDOVER, d.handoverNanos() - before);
        }
        return out;
    }
}
