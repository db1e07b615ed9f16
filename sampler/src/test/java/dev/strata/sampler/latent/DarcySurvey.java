package dev.strata.sampler.latent;

import dev.strata.forward.darcy.Boundaries;
import dev.strata.forward.darcy.BoundaryCondition;
import dev.strata.forward.darcy.Cell;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.DarcyOperator;
import dev.strata.forward.darcy.DarcyProblem;
import dev.strata.forward.darcy.SolverSettings;
import dev.strata.forward.darcy.Well;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.ArrayList;
import java.util.List;

/** Test survey: an n x n grid of 10 m cells, heads 1 (left) and 0 (right), one injection well, a k x k head array. */
final class DarcySurvey {
    private DarcySurvey() {
    }

    static DarcyOperator operator(int n, int k) {
        DarcyGrid grid = new DarcyGrid(n, n, 10);
        List<Cell> obs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                obs.add(new Cell((int) ((i + 0.5) * n / k), (int) ((j + 0.5) * n / k)));
            }
        }
        Boundaries sides = new Boundaries(BoundaryCondition.noFlow(), BoundaryCondition.noFlow(),
                BoundaryCondition.dirichlet(1), BoundaryCondition.dirichlet(0));
        DarcyProblem p = new DarcyProblem(grid, sides, List.of(new Well(new Cell(n / 2, n / 4), 1e-4)), obs,
                SolverSettings.defaults());
        return new DarcyOperator(p, JvmBackend.common());
    }
}
