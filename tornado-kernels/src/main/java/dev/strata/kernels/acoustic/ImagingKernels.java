package dev.strata.kernels.acoustic;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the imaging conditions that pair a back-propagated field with source-field snapshots, read
 * from a ring {@code [2k][fieldSize]} at slot {@link CheckpointKernels#snapshotSlot}(t, k): the FWI gradient (sponge
 * and CPML) and the RTM cross-correlation. Each reads the device-resident clock t = clock[0] and does nothing outside
 * [0, nt). Products of two fields go through {@link AcousticKernels#normalProduct}. Typed tasks:
 * {@code ImagingTasks}.
 */
public final class ImagingKernels {
    private ImagingKernels() {
    }

    /** What the point-wise imaging conditions require: a positive ring interval. */
    static final String RING = "k >= 1";

    /**
     * Imaging condition of the velocity gradient: g[i] += phi[i] snapshots[slot(t) fieldSize + i] at every point,
     * with phi the scaled adjoint field at level t + 1 and the ring holding the factor it pairs with: the CPML's
     * bracket B^t (the factor of vc in its update). The sponge's gradient adds the same inside its adjoint step
     * ({@link AcousticKernels#waveStep8Imaging}, with L u^t in the ring). Writes g only.
     */
    @Kernel(requires = RING, vectorRows = "AcousticVectors.accumulateProductRows")
    public static void accumulateProduct(@Index("fieldSize") int i, @Writes @Length("fieldSize") float[] g,
                                         @Length("fieldSize") float[] phi,
                                         @Length("2L * k * fieldSize") float[] snapshots, @Length("1") int[] clock,
                                         int k, int nt, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            g[i] = g[i] + AcousticKernels.normalProduct(phi[i],
                    snapshots[CheckpointKernels.snapshotSlot(t, k) * fieldSize + i]);
        }
    }

    /**
     * Zero-lag cross-correlation for reverse-time migration, at every point i: image[i] += u^t[i] q^t[i] and
     * illumination[i] += u^t[i]^2, with the source field u^t read from the snapshot ring and the back-propagated
     * receiver field q^t in {@code q}.
     */
    @Kernel(requires = RING)
    public static void crossCorrelate(@Index("fieldSize") int i, @Writes @Length("fieldSize") float[] image,
                                      @Writes @Length("fieldSize") float[] illumination,
                                      @Length("fieldSize") float[] q, @Length("2L * k * fieldSize") float[] snapshots,
                                      @Length("1") int[] clock, int k, int nt, int fieldSize) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            float u = snapshots[CheckpointKernels.snapshotSlot(t, k) * fieldSize + i];
            image[i] = image[i] + AcousticKernels.normalProduct(u, q[i]);
            illumination[i] = illumination[i] + AcousticKernels.normalProduct(u, u);
        }
    }
}
