package dev.strata.forward.acoustic;

/**
 * Source-illumination preconditioning of an FWI gradient or RTM image, with an optional top mute:
 * g_pre(z, x) = w(z) g(z, x) / (I(z, x) + eps max I), I = sum_shots sum_t u_s(z, x, t)^2 (pseudo-Hessian diagonal,
 * Shin et al. 2001, Geophys. Prospect. 49:592), w(z) = sin^2(pi z h / (2 muteDepth)) above muteDepth and 1 below.
 * Dividing by the source energy removes the imprint of the sources (where u_s, and so g, is largest) and lifts the
 * deep, weakly lit part; the mute removes what is left in the top rows around the sources.
 *
 * @param epsilon   stabiliser relative to the largest illumination, finite and &gt;= 0
 * @param muteDepth depth in m over which the taper rises from 0 at the surface to 1; 0 for no mute
 */
public record GradientPreconditioning(double epsilon, double muteDepth) {

    /** eps = 1e-3, no mute. */
    public static final GradientPreconditioning DEFAULT = new GradientPreconditioning(1e-3, 0);

    public GradientPreconditioning {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon) || !(muteDepth >= 0) || Double.isInfinite(muteDepth)) {
            throw new IllegalArgumentException("preconditioning needs finite eps >= 0 and mute depth >= 0 m, got "
                    + epsilon + " and " + muteDepth);
        }
    }

    /** The taper w(z) at depth index z on a grid of spacing h. */
    public double taper(int z, double spacing) {
        double depth = z * spacing;
        if (depth >= muteDepth) {
            return 1.0;
        }
        double s = Math.sin(0.5 * Math.PI * depth / muteDepth);
        return s * s;
    }

    /**
     * w(z) g / (I + eps max I) for a field {@code [nz][nx]} on {@code grid} and its illumination; 0 where the
     * denominator is 0. Returns a new array.
     */
    public float[] apply(Grid grid, double[] field, double[] illumination) {
        if (field.length != grid.size() || illumination.length != grid.size()) {
            throw new IllegalArgumentException("preconditioning: field and illumination need " + grid.size()
                    + " values on " + grid + ", got " + field.length + " and " + illumination.length);
        }
        double max = 0;
        for (double s : illumination) {
            max = Math.max(max, s);
        }
        double eps = epsilon * max;
        float[] out = new float[field.length];
        for (int z = 0; z < grid.nz(); z++) {
            double w = taper(z, grid.spacing());
            for (int x = 0; x < grid.nx(); x++) {
                int i = z * grid.nx() + x;
                double den = illumination[i] + eps;
                out[i] = den > 0 ? (float) (w * field[i] / den) : 0f;
            }
        }
        return out;
    }
}
