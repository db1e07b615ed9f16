package dev.strata.sampler;

/** Draws a batch of samples; the same seed gives the same samples. */
public interface Sampler {

    /** Shape of one sample. */
    int[] shape();

    /**
     * Draws the samples with global indices {@code firstIndex .. firstIndex + n - 1}, flat {@code [n, size]}; sample
     * i's randomness depends only on (seed, i) ({@link NoiseStreams}), so shards of a run concatenate to the whole run
     * bit for bit when the denoiser and guidance act on each sample alone. Reports progress to {@code listener}.
     */
    float[] sample(int n, long seed, long firstIndex, ProgressListener listener);

    /**
     * Draws {@code n} samples, flat {@code [n, size]}, with one random stream for the whole batch
     * ({@link BatchNoise#shared}): the draws that the measured bands of the existing tests were taken at. They are
     * not those of {@link #sample(int, long, long, ProgressListener)}; the algorithm is the same.
     */
    float[] sample(int n, long seed, ProgressListener listener);

    default float[] sample(int n, long seed) {
        return sample(n, seed, ProgressListener.NONE);
    }
}
