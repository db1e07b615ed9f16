package dev.strata.forward.darcy;

import dev.strata.kernels.darcy.DarcyKernels;

/**
 * The conditions on the four sides of a {@link DarcyGrid}. At least one side must fix the head, else the head is
 * defined only up to a constant and the system is singular.
 *
 * @param top    side z = 0 (above row 0)
 * @param bottom side below row nz - 1
 * @param left   side left of column 0
 * @param right  side right of column nx - 1
 */
public record Boundaries(BoundaryCondition top, BoundaryCondition bottom, BoundaryCondition left,
                         BoundaryCondition right) {
    public Boundaries {
        if (top == null || bottom == null || left == null || right == null) {
            throw new IllegalArgumentException("all four sides need a boundary condition");
        }
        if (!top.isDirichlet() && !bottom.isDirichlet() && !left.isDirichlet() && !right.isDirichlet()) {
            throw new IllegalArgumentException("at least one side must be Dirichlet (fixed head): with no-flow on all "
                    + "four sides the head is defined only up to a constant");
        }
    }

    /** Fixed heads on top and bottom, no flow on the left and right: vertical flow. */
    public static Boundaries vertical(double topHead, double bottomHead) {
        return new Boundaries(BoundaryCondition.dirichlet(topHead), BoundaryCondition.dirichlet(bottomHead),
                BoundaryCondition.noFlow(), BoundaryCondition.noFlow());
    }

    /** Fixed heads left and right, no flow on top and bottom: lateral flow. */
    public static Boundaries lateral(double leftHead, double rightHead) {
        return new Boundaries(BoundaryCondition.noFlow(), BoundaryCondition.noFlow(),
                BoundaryCondition.dirichlet(leftHead), BoundaryCondition.dirichlet(rightHead));
    }

    /** The sides in kernel order: top, bottom, left, right ({@link DarcyKernels#TOP} ...). */
    public BoundaryCondition side(int s) {
        return switch (s) {
            case DarcyKernels.TOP -> top;
            case DarcyKernels.BOTTOM -> bottom;
            case DarcyKernels.LEFT -> left;
            case DarcyKernels.RIGHT -> right;
            default -> throw new IllegalArgumentException("side " + s + " is not in 0..3");
        };
    }

    /** {@code bcType[4]} of the kernels: 1 for Dirichlet, 0 for no flow; a new array. */
    public int[] kernelTypes() {
        int[] t = new int[4];
        for (int s = 0; s < 4; s++) {
            t[s] = side(s).isDirichlet() ? DarcyKernels.DIRICHLET : 0;
        }
        return t;
    }

    /** {@code bcHead[4]} of the kernels; a new array. */
    public double[] kernelHeads() {
        double[] h = new double[4];
        for (int s = 0; s < 4; s++) {
            h[s] = side(s).head();
        }
        return h;
    }
}
