package dev.strata.kernels.acoustic;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Temporal blocking of the leapfrog step (trapezoid tiling with a wavefront inside each tile; Wonnacott 2000, Wellein
 * et al. 2009): {@code steps} steps of {@link AcousticKernels#waveStep8}, each followed by the point sources of
 * {@link SourceKernels#injectSource} at step clock[0] + s - 1, in two kernels. Typed tasks: {@code WavefrontTasks}.
 *
 * <p>The interior rows are cut into {@code bands} bands. {@link #stepsInBand} runs one band's steps over a trapezoid
 * that gives up {@link AcousticKernels#RADIUS} rows per step at each edge shared with another band, as a wavefront:
 * step s runs {@link #LAG} rows behind step s - 1, so a row read from memory serves every step before it leaves the
 * cache, and a band needs nothing its neighbours write. {@link #stepsAcrossEdge} then fills the triangle each edge
 * between two bands was left with, as a wavefront too (the same {@link #wavefront}, rows growing by R a step at each
 * side), so that its rows also serve every step from the cache. Bands (and edges) are independent points, in any
 * order and in parallel; a barrier between the two kernels, as every graph has between two tasks, is all the
 * ordering needed.
 *
 * <p>Two arrays hold the time levels: step s writes over {@code even} for even s and over {@code odd} for odd s, so
 * {@code even} holds the current field before and after (steps is even) and {@code odd} the previous one, as a
 * two-step graph of waveStep8 leaves them. Every point runs the same operations as in separate steps, so the fields
 * come out the same bit for bit.
 */
public final class WavefrontKernels {
    private WavefrontKernels() {
    }

    private static final int R = AcousticKernels.RADIUS;

    /**
     * Rows between two successive steps of the wavefront: step s at row z reads step s - 1 up to row z + R and
     * overwrites step s - 2 at z, which step s - 1 read up to row z + R; so R + 1.
     */
    public static final int LAG = R + 1;

    /** What both kernels require: whole-step pairs, and bands tall enough that the edges' triangles do not meet. */
    static final String BLOCKS = "nb >= 1 && nx >= 2 * AcousticKernels.RADIUS + 1 && steps >= 2 && steps % 2 == 0"
            + " && bands >= 1 && (nz - 2 * AcousticKernels.RADIUS) / bands >= WavefrontKernels.minBandRows(steps)";
    static final String SOURCES = "KernelChecks.allWithin(srcIndex, 0, Math.min(even.length, vc.length))";
    static final String WAVELETS = "(long) srcIndex.length * nt";

    /** Fewest rows a band may have for {@code steps} steps: (2 steps + 1) R. */
    public static int minBandRows(int steps) {
        return (2 * steps + 1) * R;
    }

    /** First interior row of band {@code band} of {@code bands} (band = bands gives the end of the interior). */
    public static int bandStart(int band, int bands, int nz) {
        return R + (int) ((long) (nz - 2 * R) * band / bands);
    }

    /** Rows a step that a band's trapezoid gives up at its start: R below an upper neighbour, else 0. */
    static int startSlope(int band) {
        return band > 0 ? R : 0;
    }

    /** Rows a step by which a band's trapezoid moves its end: -R above a lower neighbour, else 0. */
    static int endSlope(int band, int bands) {
        return band < bands - 1 ? -R : 0;
    }

    /** End of the wavefront of band {@code band}: where the front is once the last step has passed the last row. */
    static int frontEnd(int band, int bands, int nz, int steps) {
        return bandStart(band + 1, bands, nz) + (steps - 1) * LAG;
    }

    /**
     * The steps of band {@code band} of member b over its trapezoid, as a wavefront: at front row f, step s runs row
     * f - (s - 1) {@link #LAG}.
     */
    @Kernel(requires = {BLOCKS, SOURCES}, vectorRows = "WavefrontVectors.stepsInBandRows",
            coarse = true)
    public static void stepsInBand(@Index("bands") int band, @Index("nb") int b,
                                   @Writes @Length(AcousticKernels.FIELD) float[] even,
                                   @Writes @Length(AcousticKernels.FIELD) float[] odd,
                                   @Length(AcousticKernels.FIELD) float[] vc, @Length("nz") float[] dampZ,
                                   @Length("nx") float[] dampX, @Length(WAVELETS) float[] wavelets, int[] srcIndex,
                                   @Length("1") int[] clock, int nz, int nx, int bands, int steps, int nt) {
        int start = bandStart(band, bands, nz);
        int end = bandStart(band + 1, bands, nz);
        wavefront(b, start, frontEnd(band, bands, nz, steps), start, startSlope(band), end, endSlope(band, bands),
                even, odd, vc, dampZ, dampX, wavelets, srcIndex, clock, nz, nx, steps, nt);
    }

    /**
     * The triangle between band {@code edge} and band edge + 1 of member b: at step s, the 2 s R rows around the edge
     * that neither band stepped, after both bands ran {@link #stepsInBand}.
     */
    @Kernel(requires = {BLOCKS, SOURCES}, vectorRows = "WavefrontVectors.stepsAcrossEdgeRows",
            coarse = true)
    public static void stepsAcrossEdge(@Index("bands - 1") int edge, @Index("nb") int b,
                                       @Writes @Length(AcousticKernels.FIELD) float[] even,
                                       @Writes @Length(AcousticKernels.FIELD) float[] odd,
                                       @Length(AcousticKernels.FIELD) float[] vc, @Length("nz") float[] dampZ,
                                       @Length("nx") float[] dampX, @Length(WAVELETS) float[] wavelets,
                                       int[] srcIndex, @Length("1") int[] clock, int nz, int nx, int bands, int steps,
                                       int nt) {
        int at = bandStart(edge + 1, bands, nz);
        wavefront(b, at - R, edgeFrontEnd(at, steps), at, -R, at, R, even, odd, vc, dampZ, dampX, wavelets, srcIndex,
                clock, nz, nx, steps, nt);
    }

    /** End of the wavefront of the triangle at row {@code at}: past step s = steps at its last row at + steps R - 1. */
    static int edgeFrontEnd(int at, int steps) {
        return at + steps * R + (steps - 1) * LAG;
    }

    /**
     * Steps 1..steps of member b over rows [from + s fromSlope, to + s toSlope) of step s, as a wavefront: at front
     * row f in [frontStart, frontEnd), step s runs row f - (s - 1) {@link #LAG}, so step s at row z follows step
     * s - 1 at every row up to z + R (which it reads) and at z + R + 1 (which is the last to read step s - 2 at z,
     * which step s overwrites). The trapezoid of a band and the triangle of an edge are two such shapes.
     */
    static void wavefront(int b, int frontStart, int frontEnd, int from, int fromSlope, int to, int toSlope,
                          float[] even, float[] odd, float[] vc, float[] dampZ, float[] dampX, float[] wavelets,
                          int[] srcIndex, int[] clock, int nz, int nx, int steps, int nt) {
        int end = frontEnd * steps;
        for (int k = frontStart * steps; k < end; k++) {
            int s = 1 + k % steps;
            int iz = k / steps - (s - 1) * LAG;
            if (iz >= from + s * fromSlope && iz < to + s * toSlope) {
                stepRow(b, iz, s, even, odd, vc, dampZ, dampX, wavelets, srcIndex, clock, nz, nx, nt);
            }
        }
    }

    /** Step s at row (b, iz): {@link AcousticKernels#waveStep8} over the row's interior, then its sources. */
    static void stepRow(int b, int iz, int s, float[] even, float[] odd, float[] vc, float[] dampZ, float[] dampX,
                        float[] wavelets, int[] srcIndex, int[] clock, int nz, int nx, int nt) {
        float[] next = s % 2 == 0 ? even : odd;
        float[] cur = s % 2 == 0 ? odd : even;
        for (int ix = R; ix < nx - R; ix++) {
            AcousticKernels.waveStep8(b, iz, ix, next, cur, vc, dampZ, dampX, nz, nx);
        }
        injectRow(b, iz, s, next, vc, wavelets, srcIndex, clock, nz, nx, nt);
    }

    /**
     * {@link SourceKernels#injectSource} at step clock[0] + s - 1 for the sources in row (b, iz): what the sources add
     * once the row's step s is done.
     */
    static void injectRow(int b, int iz, int s, float[] next, float[] vc, float[] wavelets, int[] srcIndex,
                          int[] clock, int nz, int nx, int nt) {
        int t = clock[0] + s - 1;
        if (t < 0 || t >= nt) {
            return;
        }
        int row = b * nz + iz;
        for (int src = 0; src < srcIndex.length; src++) {
            int i = srcIndex[src];
            if (i / nx == row) {
                next[i] = next[i] + vc[i] * wavelets[src * nt + t];
            }
        }
    }
}
