package dev.strata.forward.acoustic;

/**
 * How waves leave the model: the model is padded by {@link #width()} points on every side (by edge replication, as
 * Deepwave pads) and the boundary absorbs in that border. Sealed so that each kind is handled, with its exact
 * adjoint, by the propagator: {@link SpongeBoundary} (Cerjan, cheap, self-adjoint up to a diagonal scaling) and
 * {@link CpmlBoundary} (convolutional PML, absorbs far better).
 */
public sealed interface AbsorbingBoundary permits SpongeBoundary, CpmlBoundary {

    /** Points of absorbing border added on each side of the model. */
    int width();
}
