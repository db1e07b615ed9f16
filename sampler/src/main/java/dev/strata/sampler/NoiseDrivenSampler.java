package dev.strata.sampler;

/**
 * A sampler all of whose randomness is drawn from one {@link BatchNoise}: the two seeded entry points of
 * {@link Sampler} follow from {@link #sample(int, BatchNoise, ProgressListener)}, with one stream shared by the batch
 * ({@link BatchNoise#shared}) or one stream per sample ({@link NoiseStreams}).
 */
public interface NoiseDrivenSampler extends Sampler {

    /** Draws {@code n} samples, flat {@code [n, size]}, taking every random number from {@code noise}. */
    float[] sample(int n, BatchNoise noise, ProgressListener listener);

    @Override
    default float[] sample(int n, long seed, ProgressListener listener) {
        return sample(n, BatchNoise.shared(seed, n), listener);
    }

    @Override
    default float[] sample(int n, long seed, long firstIndex, ProgressListener listener) {
        return sample(n, new NoiseStreams(seed, firstIndex, n), listener);
    }
}
