package dev.strata.forward.acoustic;

/** An absorbing border of {@link #width()} points: a {@link SpongeBoundary} or a {@link CpmlBoundary}. */
public sealed interface AbsorbingLayer extends AbsorbingBoundary permits SpongeBoundary, CpmlBoundary {

    @Override
    default AbsorbingLayer layer() {
        return this;
    }

    @Override
    default boolean freeSurface() {
        return false;
    }
}
