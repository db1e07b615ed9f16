package dev.strata.kernels.acoustic;

/**
 * Vector API versions of {@link WavefrontKernels}, named by their {@code @Kernel(vectorRows = ...)}: the same bands,
 * steps and rows in the same order, each row stepped by {@link AcousticVectors#waveStep8Row} (bit for bit the body's
 * result) and followed by {@link WavefrontKernels#injectRow}. Rows narrower than a vector run the bodies themselves.
 */
final class WavefrontVectors {
    private WavefrontVectors() {
    }

    /** {@link WavefrontKernels#stepsInBand} for bands [bandStart, bandEnd), every member. */
    static void stepsInBandRows(int bandStart, int bandEnd, float[] even, float[] odd, float[] vc, float[] dampZ,
                                float[] dampX, float[] wavelets, int[] srcIndex, int[] clock, int nz, int nx,
                                int bands, int steps, int nt, int nb) {
        Stepper row = new Stepper(even, odd, vc, dampZ, dampX, wavelets, srcIndex, clock, nz, nx, nt);
        for (int band = bandStart; band < bandEnd; band++) {
            for (int b = 0; b < nb; b++) {
                if (!AcousticVectors.rowFitsVectors(nx)) {
                    WavefrontKernels.stepsInBand(band, b, even, odd, vc, dampZ, dampX, wavelets, srcIndex, clock, nz,
                            nx, bands, steps, nt);
                    continue;
                }
                int start = WavefrontKernels.bandStart(band, bands, nz);
                int end = WavefrontKernels.bandStart(band + 1, bands, nz);
                row.wavefront(b, start, WavefrontKernels.frontEnd(band, bands, nz, steps), start,
                        WavefrontKernels.startSlope(band), end, WavefrontKernels.endSlope(band, bands), steps);
            }
        }
    }

    /** {@link WavefrontKernels#stepsAcrossEdge} for edges [edgeStart, edgeEnd), every member. */
    static void stepsAcrossEdgeRows(int edgeStart, int edgeEnd, float[] even, float[] odd, float[] vc, float[] dampZ,
                                    float[] dampX, float[] wavelets, int[] srcIndex, int[] clock, int nz, int nx,
                                    int bands, int steps, int nt, int nb) {
        Stepper row = new Stepper(even, odd, vc, dampZ, dampX, wavelets, srcIndex, clock, nz, nx, nt);
        for (int edge = edgeStart; edge < edgeEnd; edge++) {
            int at = WavefrontKernels.bandStart(edge + 1, bands, nz);
            for (int b = 0; b < nb; b++) {
                if (!AcousticVectors.rowFitsVectors(nx)) {
                    WavefrontKernels.stepsAcrossEdge(edge, b, even, odd, vc, dampZ, dampX, wavelets, srcIndex, clock,
                            nz, nx, bands, steps, nt);
                    continue;
                }
                row.wavefront(b, at - AcousticKernels.RADIUS, WavefrontKernels.edgeFrontEnd(at, steps), at,
                        -AcousticKernels.RADIUS, at, AcousticKernels.RADIUS, steps);
            }
        }
    }

    /** Steps one row on vectors: the arrays of one call and the row planner it reuses. */
    private static final class Stepper {
        private final float[] even;
        private final float[] odd;
        private final float[] vc;
        private final float[] dampZ;
        private final float[] dampX;
        private final float[] wavelets;
        private final int[] srcIndex;
        private final int[] clock;
        private final int nz;
        private final int nx;
        private final int nt;
        private final RowVectors vectors;
        private final int[] plain;

        Stepper(float[] even, float[] odd, float[] vc, float[] dampZ, float[] dampX, float[] wavelets,
                int[] srcIndex, int[] clock, int nz, int nx, int nt) {
            this.even = even;
            this.odd = odd;
            this.vc = vc;
            this.dampZ = dampZ;
            this.dampX = dampX;
            this.wavelets = wavelets;
            this.srcIndex = srcIndex;
            this.clock = clock;
            this.nz = nz;
            this.nx = nx;
            this.nt = nt;
            this.vectors = AcousticVectors.rowFitsVectors(nx) ? new RowVectors(nx) : null;
            this.plain = AcousticVectors.undampedColumns(dampX, nx);
        }

        /** {@link WavefrontKernels#wavefront} on vectors: the same steps and rows in the same order. */
        void wavefront(int b, int frontStart, int frontEnd, int from, int fromSlope, int to, int toSlope, int steps) {
            for (int front = frontStart; front < frontEnd; front++) {
                for (int s = 1; s <= steps; s++) {
                    int iz = front - (s - 1) * WavefrontKernels.LAG;
                    if (iz >= from + s * fromSlope && iz < to + s * toSlope) {
                        step(b, iz, s);
                    }
                }
            }
        }

        /** Step s (1-based) at row (b, iz), then the row's sources. */
        void step(int b, int iz, int s) {
            float[] next = s % 2 == 0 ? even : odd;
            AcousticVectors.waveStep8Row(vectors, plain, next, s % 2 == 0 ? odd : even, vc, dampZ, dampX, null, 0, nx,
                    iz, (b * nz + iz) * nx);
            WavefrontKernels.injectRow(b, iz, s, next, vc, wavelets, srcIndex, clock, nz, nx, nt);
        }
    }
}
