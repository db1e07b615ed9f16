package dev.strata.sampler.oracle;

import dev.strata.sampler.NoiseStreams;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;

/**
 * A posterior oracle that is also a {@link Sampler}: its exact independent draws come in one step, so the samplers
 * under test and the oracle can be run and reported alike.
 */
public interface ExactSampler extends PosteriorOracle, Sampler {

    /** {@code n} exact independent draws, flat [n, size]; the same seed gives the same draws. */
    @Override
    float[] sample(int n, long seed);

    /** The exact draws of {@link #sample(int, long)}, reported to {@code listener} as one step of one. */
    @Override
    default float[] sample(int n, long seed, ProgressListener listener) {
        float[] s = sample(n, seed);
        listener.stepDone(1, 1);
        return s;
    }

    /**
     * Sample i drawn alone with seed {@link NoiseStreams#seedOf(long, long) seedOf(seed, i)}: shards concatenate to the
     * whole run; the draws differ from {@link #sample(int, long)}'s, which shares one stream over the batch.
     */
    @Override
    default float[] sample(int n, long seed, long firstIndex, ProgressListener listener) {
        int size = size();
        float[] out = new float[n * size];
        for (int b = 0; b < n; b++) {
            System.arraycopy(sample(1, NoiseStreams.seedOf(seed, firstIndex + b)), 0, out, b * size, size);
        }
        listener.stepDone(1, 1);
        return out;
    }
}
