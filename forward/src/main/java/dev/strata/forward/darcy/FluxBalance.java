package dev.strata.forward.darcy;

/**
 * Mass balance of a head solution, recomputed face by face in plain double from K and h, independently of the solver
 * kernels: the flux through each face is T (h_upstream - h_downstream), T the harmonic-mean transmissibility
 * (2 K_c for a Dirichlet face, whose far side is the boundary head).
 *
 * <p>Over the whole grid interior fluxes cancel, so conservation reads: sources + boundary inflow = 0.
 *
 * @param sources          sum of well rates (m^2/s)
 * @param boundaryInflow   sum over Dirichlet faces of the flux into the domain
 * @param imbalance        sources + boundaryInflow
 * @param maxCellImbalance largest |q_c - sum of outflows of c| over cells
 * @param scale            sum |q| + sum over Dirichlet faces |flux|, the size the imbalances compare with
 */
public record FluxBalance(double sources, double boundaryInflow, double imbalance, double maxCellImbalance,
                          double scale) {

    /** |imbalance| / scale (0 when nothing flows). */
    public double relativeImbalance() {
        return scale > 0 ? Math.abs(imbalance) / scale : 0;
    }

    /** maxCellImbalance / scale (0 when nothing flows). */
    public double relativeMaxCellImbalance() {
        return scale > 0 ? maxCellImbalance / scale : 0;
    }

    /**
     * Balance of model {@code b} of a batch; {@code conductivity} and {@code heads} are {@code [n][nz][nx]} (as in
     * {@link DarcyFlow.Heads}), not modified.
     */
    public static FluxBalance of(DarcyProblem problem, double[] conductivity, double[] heads, int b) {
        DarcyGrid grid = problem.grid();
        int nz = grid.nz();
        int nx = grid.nx();
        int base = b * grid.cells();
        double[] q = problem.sourceField();
        Boundaries bc = problem.boundaries();
        double sources = 0;
        double inflow = 0;
        double scale = 0;
        double worst = 0;
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                int c = base + z * nx + x;
                double out = 0;
                int[][] neighbours = {{z, x + 1}, {z, x - 1}, {z + 1, x}, {z - 1, x}};
                for (int[] o : neighbours) {
                    if (o[0] >= 0 && o[0] < nz && o[1] >= 0 && o[1] < nx) {
                        int j = base + o[0] * nx + o[1];
                        double t = 2 * conductivity[c] * conductivity[j] / (conductivity[c] + conductivity[j]);
                        out += t * (heads[c] - heads[j]);
                    }
                }
                BoundaryCondition[] sides = {z == 0 ? bc.top() : null, z == nz - 1 ? bc.bottom() : null,
                        x == 0 ? bc.left() : null, x == nx - 1 ? bc.right() : null};
                for (BoundaryCondition s : sides) {
                    if (s != null && s.isDirichlet()) {
                        double flux = 2 * conductivity[c] * (heads[c] - s.head());
                        out += flux;
                        inflow -= flux;
                        scale += Math.abs(flux);
                    }
                }
                double qc = q[z * nx + x];
                sources += qc;
                scale += Math.abs(qc);
                worst = Math.max(worst, Math.abs(qc - out));
            }
        }
        return new FluxBalance(sources, inflow, sources + inflow, worst, scale);
    }
}
