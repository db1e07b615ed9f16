package dev.strata.forward.acoustic;

/**
 * Cerjan et al. (1985, Geophysics 50:705) sponge: in a border of {@code width} points both time levels are multiplied
 * every step by d = exp(-(a k)^2), k = 1 .. width points into the border (see
 * {@link dev.strata.kernels.acoustic.CerjanSponge}). Simple and exactly self-adjoint in the discrete scheme, but it
 * reflects more than a PML of the same width, most at low frequencies and grazing incidence.
 *
 * @param width    border width in points, at least 0 (0: a rigid p = 0 wall at the model edge)
 * @param strength a, at least 0
 */
public record SpongeBoundary(int width, double strength) implements AbsorbingLayer {

    /** 20 points, a = 0.015: the setting of shared/perf-ref/wave-c. */
    public static final SpongeBoundary DEFAULT = new SpongeBoundary(20, 0.015);

    public SpongeBoundary {
        if (width < 0 || !(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("sponge needs width >= 0 and a finite strength >= 0, got " + width
                    + " and " + strength);
        }
    }
}
