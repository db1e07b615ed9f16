package dev.strata.sampler;

/**
 * The noise a sampler draws for a batch of n samples: [n, size] standard-normal draws scaled by std, either from one
 * stream for the whole batch ({@link #shared}, the draws of {@link Sampler#sample(int, long, ProgressListener)}) or
 * from one stream per sample ({@link NoiseStreams}, those of {@link Sampler#sample(int, long, long, ProgressListener)}).
 */
public interface BatchNoise {

    /** A new [n, size] array of draws scaled by {@code std}. */
    float[] array(int size, double std);

    /** One {@link Gaussian} seeded with {@code seed} fills the whole [n, size] array, sample after sample. */
    static BatchNoise shared(long seed, int n) {
        Gaussian g = new Gaussian(seed);
        return (size, std) -> g.array(n * size, std);
    }
}
