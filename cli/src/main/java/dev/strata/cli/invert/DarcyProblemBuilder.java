package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.forward.darcy.BoundaryCondition;
import dev.strata.forward.darcy.Boundaries;
import dev.strata.forward.darcy.Cell;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.DarcyOperator;
import dev.strata.forward.darcy.DarcyProblem;
import dev.strata.forward.darcy.SolverSettings;
import dev.strata.forward.darcy.Well;
import dev.strata.io.Observations;
import dev.strata.io.Observations.HeadData;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.kernels.ComputeBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Steady Darcy flow (seed 002): hydraulic heads at observation cells from the log-conductivity field. */
final class DarcyProblemBuilder {
    private DarcyProblemBuilder() {
    }

    static PhysicalProblem build(Observations obs, ComputeBackend backend) {
        ModelGrid g = obs.grid();
        HeadData h = SeismicProblemBuilder.require(obs.heads(), obs, "a /darcy group");
        if (g.channels() != 1 || !g.channelNames().getFirst().equals("log_conductivity")) {
            throw new UserInputException("darcy needs one model channel named 'log_conductivity', the grid has "
                    + g.channelNames() + "; fix: set /model channels to log_conductivity");
        }
        if (Math.abs(g.dz() - g.dx()) > 1e-6 * g.dx()) {
            throw new UserInputException("darcy needs square cells (dz = dx), got dz " + g.dz() + " m, dx " + g.dx()
                    + " m; fix: resample the model");
        }
        DarcyGrid grid = new DarcyGrid(g.nz(), g.nx(), g.dx());
        List<BoundaryCondition> sides = new ArrayList<>();
        String[] names = {"top", "bottom", "left", "right"};
        for (int i = 0; i < 4; i++) {
            sides.add(side(names[i], h.sides().get(i)));
        }
        List<Well> wells = new ArrayList<>();
        for (int w = 0; w < h.wells().length / 3; w++) {
            wells.add(new Well(cell(h.wells()[3 * w], h.wells()[3 * w + 1], g, "well " + w), h.wells()[3 * w + 2]));
        }
        List<Cell> observed = new ArrayList<>();
        for (int k = 0; k < h.heads().length; k++) {
            observed.add(cell(h.positions()[2 * k], h.positions()[2 * k + 1], g, "head measurement " + k));
        }
        DarcyProblem problem = new DarcyProblem(grid, new Boundaries(sides.get(0), sides.get(1), sides.get(2),
                sides.get(3)), wells, observed, SolverSettings.defaults());
        double[] sigma = new double[h.heads().length];
        Arrays.fill(sigma, h.sigma());
        float[] background = obs.background() != null ? obs.background() : PriorDefaults.background(g, obs.wells());
        return new PhysicalProblem(obs, new DarcyOperator(problem, backend), h.heads(), sigma,
                List.of(new DataBlock("heads", 0, h.heads().length)), background,
                PriorDefaults.spread(g, obs.wells()));
    }

    private static BoundaryCondition side(String name, String spec) {
        if (spec.equals("no-flow")) {
            return BoundaryCondition.noFlow();
        }
        if (spec.startsWith("head:")) {
            try {
                double v = Double.parseDouble(spec.substring(5));
                if (Double.isFinite(v)) {
                    return BoundaryCondition.dirichlet(v);
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new UserInputException("darcy boundary '" + name + "' is '" + spec + "'; fix: write no-flow or"
                + " head:VALUE (metres)");
    }

    private static Cell cell(double zM, double xM, ModelGrid g, String what) {
        int iz = (int) Math.floor(zM / g.dz());
        int ix = (int) Math.floor(xM / g.dx());
        if (iz < 0 || iz >= g.nz() || ix < 0 || ix >= g.nx()) {
            throw new UserInputException(what + " at z " + zM + " m, x " + xM + " m lies outside the model (" + g.nz()
                    * g.dz() + " m deep, " + g.nx() * g.dx() + " m wide); fix: correct its position");
        }
        return new Cell(iz, ix);
    }
}
