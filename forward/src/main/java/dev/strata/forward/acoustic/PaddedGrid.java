package dev.strata.forward.acoustic;

import dev.strata.kernels.acoustic.AcousticKernels;

/**
 * The simulation grid: the model grid with {@code pad} points added on every side, pad = stencil radius + absorbing
 * width. The outer {@link AcousticKernels#RADIUS} points are the p = 0 frame the stencil never updates; the next
 * {@code width} points are the absorbing border. Models are extended into the padding by edge replication.
 *
 * @param model the model grid
 * @param pad   points added on each side
 */
public record PaddedGrid(Grid model, int pad) {

    public PaddedGrid {
        if (pad < AcousticKernels.RADIUS) {
            throw new IllegalArgumentException("padding " + pad + " is narrower than the stencil radius "
                    + AcousticKernels.RADIUS);
        }
    }

    /** The padded grid for a boundary: pad = RADIUS + boundary width. */
    public static PaddedGrid of(Grid model, AbsorbingBoundary boundary) {
        return new PaddedGrid(model, AcousticKernels.RADIUS + boundary.width());
    }

    /** Padded points in depth. */
    public int nz() {
        return model.nz() + 2 * pad;
    }

    /** Padded points in x. */
    public int nx() {
        return model.nx() + 2 * pad;
    }

    /** Padded points. */
    public int size() {
        return nz() * nx();
    }

    /** Flat padded index of a model grid point. */
    public int index(GridPoint p) {
        return (p.z() + pad) * nx() + p.x() + pad;
    }

    /**
     * dst[Z, X] = src[clamp(Z - pad), clamp(X - pad)] for every padded point: the model extended by edge
     * replication. Reads {@code src} {@code [nz][nx]} from {@code srcOffset}; writes {@code dst} from
     * {@code dstOffset}.
     */
    public void replicate(float[] src, int srcOffset, float[] dst, int dstOffset) {
        int mz = model.nz();
        int mx = model.nx();
        int pnx = nx();
        for (int z = 0; z < nz(); z++) {
            int sz = Math.min(Math.max(z - pad, 0), mz - 1);
            int row = dstOffset + z * pnx;
            int srow = srcOffset + sz * mx;
            for (int x = 0; x < pnx; x++) {
                dst[row + x] = src[srow + Math.min(Math.max(x - pad, 0), mx - 1)];
            }
        }
    }

    /**
     * Adjoint of {@link #replicate}: dst[z, x] += sum of src over the padded points that copy (z, x). Reads
     * {@code src} (padded) from {@code srcOffset}; adds into {@code dst} {@code [nz][nx]} from {@code dstOffset}.
     */
    public void replicateAdjoint(double[] src, int srcOffset, double[] dst, int dstOffset) {
        int mz = model.nz();
        int mx = model.nx();
        int pnx = nx();
        for (int z = 0; z < nz(); z++) {
            int sz = Math.min(Math.max(z - pad, 0), mz - 1);
            int row = srcOffset + z * pnx;
            int drow = dstOffset + sz * mx;
            for (int x = 0; x < pnx; x++) {
                dst[drow + Math.min(Math.max(x - pad, 0), mx - 1)] += src[row + x];
            }
        }
    }

    /** The model part of a padded field: dst[z, x] = src[z + pad, x + pad]. */
    public void crop(float[] src, int srcOffset, float[] dst, int dstOffset) {
        for (int z = 0; z < model.nz(); z++) {
            System.arraycopy(src, srcOffset + (z + pad) * nx() + pad, dst, dstOffset + z * model.nx(), model.nx());
        }
    }

    /**
     * dst[z, x] += src(index of padded point (z + pad, x + pad)) over the model points only: the adjoint of embedding
     * the model in a zero border (the padding's values are dropped, not folded into the edge cells).
     */
    public void cropAdd(java.util.function.IntToDoubleFunction src, double[] dst, int dstOffset) {
        for (int z = 0; z < model.nz(); z++) {
            int row = (z + pad) * nx() + pad;
            int drow = dstOffset + z * model.nx();
            for (int x = 0; x < model.nx(); x++) {
                dst[drow + x] += src.applyAsDouble(row + x);
            }
        }
    }
}
