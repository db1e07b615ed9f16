package dev.strata.sampler;

import java.util.SplittableRandom;

/** Standard-normal draws from a seeded {@link SplittableRandom} (Box-Muller, both values used). */
public final class Gaussian {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    public Gaussian(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }

    /** A new array of {@code n} draws scaled by {@code std}. */
    public float[] array(int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (std * next());
        }
        return a;
    }
}
