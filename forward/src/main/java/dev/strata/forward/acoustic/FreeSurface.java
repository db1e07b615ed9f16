package dev.strata.forward.acoustic;

/**
 * A pressure-free top: p = 0 on model row 0 (the surface) and on every padded row above it, with {@code layer}
 * absorbing on the sides and bottom. The Dirichlet condition of marine and land surface data (e.g. Robertsson 1996,
 * Geophysics 61:1921), imposed by propagating with vc = (v dt / h)^2 = 0 on those rows: with u^0 = u^{-1} = 0 the
 * update u^{t+1} = 2 u^t - u^{t-1} + vc (...) keeps them at exactly 0, and the stencil below reads zeros above the
 * surface (zero extension, not the antisymmetric image; the reflection coefficient is -1 with a phase error of a
 * fraction of a grid point). Because the condition is only a mask on vc, forward, Born and adjoint use the same
 * kernels and the adjoint stays the exact transpose; the data do not depend on the velocity of row 0 (its gradient
 * is 0). The absorbing layer's top strip is switched off. Sources and receivers must lie below row 0.
 *
 * @param layer the absorbing layer on the other three sides
 */
public record FreeSurface(AbsorbingLayer layer) implements AbsorbingBoundary {

    public FreeSurface {
        if (layer == null) {
            throw new IllegalArgumentException("a free surface needs the absorbing layer of the other sides");
        }
    }

    @Override
    public int width() {
        return layer.width();
    }

    @Override
    public boolean freeSurface() {
        return true;
    }

    /** Refuses a source or receiver on the surface row, where p = 0: it would inject or record nothing. */
    static void requireBelowSurface(Acquisition acquisition) {
        for (int s = 0; s < acquisition.nshots(); s++) {
            Shot shot = acquisition.shots().get(s);
            if (shot.source().z() < 1) {
                throw new IllegalArgumentException("free surface: source of shot " + s + " at " + shot.source()
                        + " lies on the surface row z = 0 where p = 0; place it at z >= 1");
            }
            for (GridPoint r : shot.receivers()) {
                if (r.z() < 1) {
                    throw new IllegalArgumentException("free surface: a receiver of shot " + s + " at " + r
                            + " lies on the surface row z = 0 where p = 0; place receivers at z >= 1");
                }
            }
        }
    }

    /** Sets rows 0 .. pad (model row 0 and the padding above) of a padded field to 0, from {@code offset}. */
    static void clearSurfaceRows(PaddedGrid padded, float[] field, int offset) {
        java.util.Arrays.fill(field, offset, offset + (padded.pad() + 1) * padded.nx(), 0f);
    }
}
