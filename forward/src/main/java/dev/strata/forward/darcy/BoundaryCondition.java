package dev.strata.forward.darcy;

/**
 * The condition on one side of the domain: a fixed head (Dirichlet) or no flow (zero normal flux).
 *
 * @param kind which condition
 * @param head the fixed head in metres for {@link Kind#DIRICHLET}; 0 and ignored for {@link Kind#NO_FLOW}
 */
public record BoundaryCondition(Kind kind, double head) {

    /** Kinds of side condition. */
    public enum Kind {
        /** h = head on the side; the boundary face is half a cell from the centre of its cell. */
        DIRICHLET,
        /** K dh/dn = 0: the boundary face carries no flux. */
        NO_FLOW
    }

    public BoundaryCondition {
        if (kind == null) {
            throw new IllegalArgumentException("boundary condition kind must not be null");
        }
        if (!Double.isFinite(head)) {
            throw new IllegalArgumentException("boundary head must be finite, got " + head);
        }
        if (kind == Kind.NO_FLOW && head != 0) {
            throw new IllegalArgumentException("a no-flow side has no head; got " + head);
        }
    }

    /** Fixed head {@code head} (m). */
    public static BoundaryCondition dirichlet(double head) {
        return new BoundaryCondition(Kind.DIRICHLET, head);
    }

    /** No flow across the side. */
    public static BoundaryCondition noFlow() {
        return new BoundaryCondition(Kind.NO_FLOW, 0);
    }

    public boolean isDirichlet() {
        return kind == Kind.DIRICHLET;
    }
}
