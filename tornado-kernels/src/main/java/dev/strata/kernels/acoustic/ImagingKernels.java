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
     * Imaging condition of the velocity gradient over two time levels, in the order the adjoint sweep meets them:
     * g[i] += phiOld[i] s_{t+1}[i], then g[i] += phi[i] s_t[i] (each through {@link AcousticKernels#normalProduct},
     * a level only where 0 <= level < nt), with t = clock[0], phi the scaled adjoint field at level t + 1, phiOld at
     * level t + 2 and s_l the ring's slot {@link CheckpointKernels#snapshotSlot}(l, k) of the factor it pairs with:
     * the CPML's bracket B^l (the factor of vc in its update). The adjoint sweep images every second step, where the
     * field it is about to overwrite still holds level t + 2, so that g is read and written once for two levels. The
     * sponge's gradient adds the same inside its adjoint step ({@link AcousticKernels#waveStep8Imaging}, with L u^l in
     * the ring). Writes g only.
     */
    @Kernel(requires = RING, vectorRows = "AcousticVectors.accumulateProductsRows")
    public static void accumulateProducts(@Index("fieldSize") int i, @Writes @Length("fieldSize") float[] g,
                                          @Length("fieldSize") float[] phi, @Length("fieldSize") float[] phiOld,
                                          @Length("2L * k * fieldSize") float[] snapshots, @Length("1") int[] clock,
                                          int k, int nt, int fieldSize) {
        int t = clock[0];
        float sum = g[i];
        if (t + 1 >= 0 && t + 1 < nt) {
            sum = sum + AcousticKernels.normalProduct(phiOld[i],
                    snapshots[CheckpointKernels.snapshotSlot(t + 1, k) * fieldSize + i]);
        }
        if (t >= 0 && t < nt) {
            sum = sum + AcousticKernels.normalProduct(phi[i],
                    snapshots[CheckpointKernels.snapshotSlot(t, k) * fieldSize + i]);
        }
        g[i] = sum;
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
