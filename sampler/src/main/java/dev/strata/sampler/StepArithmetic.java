package dev.strata.sampler;

import dev.strata.kernels.sampling.SamplingKernels;
import java.util.stream.IntStream;

/**
 * Linear combinations of sampler states on the JVM: DDPM's ancestral step out = a x + b y + c z (Ho et al. 2020, eq. 7).
 *
 * <p>Arrays are flat {@code [n, size]}; results are new arrays. Parallel over blocks of points. The Euler, DDIM and
 * Heun updates themselves run as {@link SamplingKernels} tasks on the run's compute backend ({@link BackendSteps});
 * what is left here is DDPM's ancestral combination in VP coordinates.
 */
public final class StepArithmetic {
    private static final int BLOCK = 1 << 14;

    private StepArithmetic() {
    }

    /**
     * out = a x + b y + c z, the general linear combination (DDPM's ancestral step in VP coordinates).
     *
     * @param z may be {@code null} (then c is ignored); no argument is modified
     * @return a new array
     */
    public static float[] combine(double a, float[] x, double b, float[] y, double c, float[] z) {
        requireSameLength(x, y);
        if (z != null) {
            requireSameLength(x, z);
        }
        float[] out = new float[x.length];
        blocks(x.length, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                out[k] = (float) (a * x[k] + b * y[k] + (z == null ? 0 : c * z[k]));
            }
        });
        return out;
    }

    /** x[k] += s * y[k] in place; {@code x} is modified, {@code y} is not (nothing happens when y is null). */
    public static void addScaled(float[] x, double s, float[] y) {
        if (y == null) {
            return;
        }
        requireSameLength(x, y);
        float sf = (float) s;
        blocks(x.length, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                x[k] += sf * y[k];
            }
        });
    }

    private interface Range {
        void run(int lo, int hi);
    }

    private static void blocks(int length, Range body) {
        int nb = (length + BLOCK - 1) / BLOCK;
        if (nb <= 1) {
            body.run(0, length);
            return;
        }
        IntStream.range(0, nb).parallel().forEach(b -> body.run(b * BLOCK, Math.min(length, (b + 1) * BLOCK)));
    }

    private static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
        }
    }
}
