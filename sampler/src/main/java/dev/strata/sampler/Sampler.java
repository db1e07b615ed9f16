package dev.strata.sampler;

/** Draws a batch of samples; the same seed gives the same samples. */
public interface Sampler {

    /** Shape of one sample. */
    int[] shape();

    /** Draws {@code n} samples, flat {@code [n, size]}; reports progress to {@code listener}. */
    float[] sample(int n, long seed, ProgressListener listener);

    default float[] sample(int n, long seed) {
        return sample(n, seed, ProgressListener.NONE);
    }
}
