package dev.strata.kernels.acoustic;

/** Cerjan et al. (1985) absorbing sponge: d(k) = exp(-(a dist)^2), dist = 1..width points into the border, else 1. */
public final class CerjanSponge {
    private CerjanSponge() {
    }

    /** The 1-D damping profile of length n with a border of {@code width} points and strength {@code a}. */
    public static float[] profile(int n, int width, double a) {
        float[] d = new float[n];
        for (int k = 0; k < n; k++) {
            int dist = 0;
            if (k < width) {
                dist = width - k;
            } else if (k >= n - width) {
                dist = k - (n - width - 1);
            }
            d[k] = (float) Math.exp(-(a * dist) * (a * dist));
        }
        return d;
    }
}
