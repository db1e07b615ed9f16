package dev.strata.sampler;

/**
 * Per-sample random streams for sharded, resumable runs: sample i (a global index) draws all its noise from its own
 * {@link Gaussian} seeded with {@link #seedOf(long, long) seedOf(seed, i)}, so its noise depends only on (seed, i),
 * not on the batch it is drawn in. A batch of n samples with global indices first..first+n-1 holds n streams.
 */
public final class NoiseStreams implements BatchNoise {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private final Gaussian[] streams;

    /**
     * @param seed       the run's seed
     * @param firstIndex global index of the first sample of the batch (>= 0)
     * @param n          samples in the batch (>= 0)
     */
    public NoiseStreams(long seed, long firstIndex, int n) {
        if (firstIndex < 0 || n < 0) {
            throw new IllegalArgumentException("need firstIndex >= 0 and n >= 0, got " + firstIndex + ", " + n);
        }
        streams = new Gaussian[n];
        for (int b = 0; b < n; b++) {
            streams[b] = new Gaussian(seedOf(seed, firstIndex + b));
        }
    }

    /** Samples in the batch. */
    public int samples() {
        return streams.length;
    }

    /**
     * A new [n, size] array: sample b's block holds the next {@code size} draws of stream b, scaled by {@code std}.
     */
    @Override
    public float[] array(int size, double std) {
        float[] a = new float[streams.length * size];
        for (int b = 0; b < streams.length; b++) {
            Gaussian g = streams[b];
            for (int k = 0; k < size; k++) {
                a[b * size + k] = (float) (std * g.next());
            }
        }
        return a;
    }

    /** z = mix64(seed + (i + 1) gamma): the SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014) of (seed, i). */
    public static long seedOf(long seed, long index) {
        long z = seed + (index + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
