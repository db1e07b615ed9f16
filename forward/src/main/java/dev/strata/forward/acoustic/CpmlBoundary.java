package dev.strata.forward.acoustic;

/**
 * Convolutional PML for the second-order wave equation (Pasalic and McGarry 2010, SEG Expanded Abstracts 2925; the
 * boundary Deepwave uses) in a border of {@code width} points, with an exact discrete adjoint
 * ({@link dev.strata.kernels.acoustic.CpmlKernels}). Damping d(eta) = d0 eta^2 with
 * d0 = -3 vmax ln(R) / (2 width h) and eta from 1/width at the model edge to 1 at the outer edge; frequency shift
 * alpha = pi f_peak (1 - eta). Absorbs far better than a sponge of the same width; a point in the border computes
 * two to four more differences per axis than one inside, and a checkpoint holds four more fields.
 *
 * @param width      border width in points, at least 1
 * @param reflection R, the theoretical normal-incidence reflection coefficient, in (0, 1)
 */
public record CpmlBoundary(int width, double reflection) implements AbsorbingLayer {

    /** 20 points, R = 1e-3. */
    public static final CpmlBoundary DEFAULT = new CpmlBoundary(20, 1e-3);

    /**
     * 20 points, R = 1e-4: the boundary for surface reflection data, at the cost of {@link #DEFAULT}. Measured
     * (RecommendedBoundaryTest: 10 Hz, 2000 m/s, h = 10 m, source and receivers 20 m below the top border, 200 to
     * 600 m offset; largest |trace - trace without border| over the direct-wave peak): 7e-5 .. 8e-4, against
     * 6e-4 .. 6e-3 for {@link #DEFAULT} and 0.12 .. 0.44 for {@link SpongeBoundary#DEFAULT}; at 5 Hz (40 points a
     * wavelength) 8e-5 .. 3e-4 (2e-4 with 40 points, see {@link #forWavelength}).
     */
    public static final CpmlBoundary RECOMMENDED = new CpmlBoundary(20, 1e-4);

    public CpmlBoundary {
        if (width < 1 || !(reflection > 0 && reflection < 1)) {
            throw new IllegalArgumentException("CPML needs width >= 1 and 0 < R < 1, got " + width + " and "
                    + reflection);
        }
    }

    /**
     * {@link #RECOMMENDED}'s R = 1e-4 over at least one longest dominant wavelength, vmax / (f_peak h) points, and
     * at least 20: for low frequencies on fine grids, where a thin layer lets the longest waves through.
     */
    public static CpmlBoundary forWavelength(double vmax, double peakFrequency, double spacing) {
        if (!(vmax > 0 && peakFrequency > 0 && spacing > 0)) {
            throw new IllegalArgumentException("CPML width needs vmax, f_peak and h > 0, got " + vmax + ", "
                    + peakFrequency + ", " + spacing);
        }
        int wavelength = (int) Math.ceil(vmax / (peakFrequency * spacing));
        return new CpmlBoundary(Math.max(RECOMMENDED.width(), wavelength), RECOMMENDED.reflection());
    }

    /**
     * The packed profile {@code [a(0..n-1), b(0..n-1)]} of an axis of {@code n} padded points whose outer
     * {@code frame} points are the p = 0 frame and next {@code width} points the PML: a = exp(-(d + alpha) dt),
     * b = d / (d + alpha) (a - 1); a = 1, b = 0 elsewhere.
     */
    public float[] profile(int n, int frame, double h, double dt, double vmax, double peakFrequency) {
        return profile(n, frame, h, dt, vmax, peakFrequency, true);
    }

    /**
     * {@link #profile(int, int, double, double, double, double)}, with the strip at the low end of the axis (the top,
     * for z) switched off (a = 1, b = 0) when {@code absorbLow} is false: under a {@link FreeSurface}.
     */
    public float[] profile(int n, int frame, double h, double dt, double vmax, double peakFrequency,
                           boolean absorbLow) {
        float[] prof = new float[2 * n];
        double d0 = -3.0 * vmax * Math.log(reflection) / (2.0 * width * h);
        double alphaMax = Math.PI * peakFrequency;
        for (int k = 0; k < n; k++) {
            int depth = 0;
            if (k < frame + width) {
                depth = frame + width - k;
            } else if (k >= n - frame - width) {
                depth = k - (n - frame - width - 1);
            }
            if (depth == 0 || depth > width || (!absorbLow && k < frame + width)) {
                prof[k] = 1f;
                continue;
            }
            double eta = depth / (double) width;
            double d = d0 * eta * eta;
            double alpha = alphaMax * (1 - eta);
            double a = Math.exp(-(d + alpha) * dt);
            prof[k] = (float) a;
            prof[n + k] = d + alpha > 0 ? (float) (d / (d + alpha) * (a - 1)) : 0f;
        }
        return prof;
    }
}
