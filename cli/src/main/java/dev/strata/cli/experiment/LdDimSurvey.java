package dev.strata.cli.experiment;

import dev.strata.forward.darcy.BimaterialField;
import dev.strata.forward.darcy.Boundaries;
import dev.strata.forward.darcy.BoundaryCondition;
import dev.strata.forward.darcy.Cell;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.DarcyOperator;
import dev.strata.forward.darcy.DarcyProblem;
import dev.strata.forward.darcy.GaussianRandomField;
import dev.strata.forward.darcy.LogConductivityField;
import dev.strata.forward.darcy.SolverSettings;
import dev.strata.forward.darcy.Well;
import dev.strata.kernels.jvm.JvmBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * The Darcy set-up of {@code strata experiment ld-dim}: heads 1 m on the left side and 0 m on the right, no flow
 * through top and bottom, one injection well of 1e-4 m^2/s at (nz / 2, nx / 4) (as {@code builtin:darcy}), heads
 * observed on a k x k array; and seed 002's two field families on it.
 */
final class LdDimSurvey {
    /** GRF: ln K of standard deviation 1, correlation length 60 m, mean 0. */
    static final double GRF_LENGTH_M = 60;
    /** Bimaterial: ln K = 1 above the interface, -1 below, at mid depth +- 25 %, 3 sine modes. */
    static final double UPPER = 1;
    static final double LOWER = -1;

    /** The two families of seed 002. */
    enum Family {
        GRF("grf", "Gaussian random field"), BIMATERIAL("bimaterial", "bimaterial");

        final String id;
        final String title;

        Family(String id, String title) {
            this.id = id;
            this.title = title;
        }

        LogConductivityField field(DarcyGrid grid) {
            return this == GRF ? new GaussianRandomField(grid, 0, 1, GRF_LENGTH_M, 256)
                    : new BimaterialField(grid, UPPER, LOWER, 0.5, 0.25, 3);
        }
    }

    private LdDimSurvey() {
    }

    static DarcyGrid grid(LdDimSettings s) {
        return new DarcyGrid(s.cells(), s.cells(), s.cellMetres());
    }

    /** Heads at the k x k array. */
    static DarcyOperator heads(LdDimSettings s) {
        List<Cell> obs = new ArrayList<>();
        int n = s.cells();
        int k = s.heads();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                obs.add(new Cell((int) ((i + 0.5) * n / k), (int) ((j + 0.5) * n / k)));
            }
        }
        return operator(s, obs);
    }

    /** Heads in every cell (for the head error). */
    static DarcyOperator allHeads(LdDimSettings s) {
        List<Cell> all = new ArrayList<>();
        for (int iz = 0; iz < s.cells(); iz++) {
            for (int ix = 0; ix < s.cells(); ix++) {
                all.add(new Cell(iz, ix));
            }
        }
        return operator(s, all);
    }

    private static DarcyOperator operator(LdDimSettings s, List<Cell> observed) {
        int n = s.cells();
        Boundaries sides = new Boundaries(BoundaryCondition.noFlow(), BoundaryCondition.noFlow(),
                BoundaryCondition.dirichlet(1), BoundaryCondition.dirichlet(0));
        DarcyProblem p = new DarcyProblem(grid(s), sides, List.of(new Well(new Cell(n / 2, n / 4), 1e-4)), observed,
                SolverSettings.defaults());
        return new DarcyOperator(p, JvmBackend.common());
    }
}
