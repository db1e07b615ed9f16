package dev.strata.forward.acoustic;

/**
 * How waves leave the model: the model is padded by {@link #width()} points on every side (by edge replication, as
 * Deepwave pads) and an {@link AbsorbingLayer} absorbs in that border, on all four sides or, with a
 * {@link FreeSurface}, on the sides and bottom only (p = 0 on the surface row). Sealed so that each kind is handled,
 * with its exact adjoint, by the propagator. {@link #RECOMMENDED} is the accurate choice for reflection data.
 */
public sealed interface AbsorbingBoundary permits AbsorbingLayer, FreeSurface {

    /**
     * The boundary to use for surface reflection data: {@link CpmlBoundary#RECOMMENDED} on all sides. Add
     * {@link #withFreeSurface()} for land or marine data with a pressure-free surface.
     */
    AbsorbingBoundary RECOMMENDED = CpmlBoundary.RECOMMENDED;

    /** Points of border added on each side of the model. */
    int width();

    /** The layer that absorbs (on all sides, or on the sides and bottom under a free surface). */
    AbsorbingLayer layer();

    /** Whether the top is a free surface (p = 0 on model row 0 and above). */
    boolean freeSurface();

    /** This boundary with a free surface on top instead of the absorbing layer there. */
    default FreeSurface withFreeSurface() {
        return new FreeSurface(layer());
    }
}
