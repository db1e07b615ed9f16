package dev.strata.forward.darcy;

import java.util.List;

/**
 * Everything that defines a Darcy head problem except the conductivity: grid, side conditions, wells, the cells where
 * the head is observed, and solver settings.
 *
 * @param grid         the grid
 * @param boundaries   side conditions (at least one Dirichlet)
 * @param wells        sources and sinks (several may share a cell: rates add up); copied
 * @param observations cells where the head is observed, in data order, at least one (repeats allowed); copied
 * @param solver       solver settings
 */
public record DarcyProblem(DarcyGrid grid, Boundaries boundaries, List<Well> wells, List<Cell> observations,
                           SolverSettings solver) {
    public DarcyProblem {
        if (grid == null || boundaries == null || wells == null || observations == null || solver == null) {
            throw new IllegalArgumentException("Darcy problem: no argument may be null");
        }
        wells = List.copyOf(wells);
        observations = List.copyOf(observations);
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("Darcy problem needs at least one observation cell");
        }
        for (Well w : wells) {
            grid.index(w.cell());
        }
        for (Cell c : observations) {
            grid.index(c);
        }
    }

    /** The same problem with other solver settings. */
    public DarcyProblem withSolver(SolverSettings s) {
        return new DarcyProblem(grid, boundaries, wells, observations, s);
    }

    /** Well rates summed per cell, {@code [nz][nx]}; a new array. */
    public double[] sourceField() {
        double[] q = new double[grid.cells()];
        for (Well w : wells) {
            q[grid.index(w.cell())] += w.rate();
        }
        return q;
    }

    /** Flat indices of the observation cells, in data order; a new array. */
    public int[] observationIndices() {
        int[] idx = new int[observations.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = grid.index(observations.get(k));
        }
        return idx;
    }
}
