package dev.strata.forward.darcy;

/**
 * The slow, obvious finite-volume system of a {@link DarcyProblem}, assembled densely face by face in double from
 * the definitions (harmonic-mean transmissibility, half-cell Dirichlet faces, wells as sources), and solved by
 * Gaussian elimination with partial pivoting. For tiny grids only.
 */
final class ReferenceDarcy {
    private ReferenceDarcy() {
    }

    /** Dense A, {@code [cells][cells]}, for conductivity {@code k [nz][nx]}. */
    static double[][] matrix(DarcyProblem p, double[] k) {
        DarcyGrid g = p.grid();
        int n = g.cells();
        double[][] a = new double[n][n];
        for (int z = 0; z < g.nz(); z++) {
            for (int x = 0; x < g.nx(); x++) {
                int i = z * g.nx() + x;
                if (x + 1 < g.nx()) {
                    face(a, i, i + 1, 2 * k[i] * k[i + 1] / (k[i] + k[i + 1]));
                }
                if (z + 1 < g.nz()) {
                    face(a, i, i + g.nx(), 2 * k[i] * k[i + g.nx()] / (k[i] + k[i + g.nx()]));
                }
                for (BoundaryCondition s : sides(p, z, x)) {
                    if (s != null && s.isDirichlet()) {
                        a[i][i] += 2 * k[i];
                    }
                }
            }
        }
        return a;
    }

    /** Right-hand side b: wells plus 2 K h_D for each Dirichlet face. */
    static double[] rhs(DarcyProblem p, double[] k) {
        DarcyGrid g = p.grid();
        double[] b = new double[g.cells()];
        for (Well w : p.wells()) {
            b[g.index(w.cell())] += w.rate();
        }
        for (int z = 0; z < g.nz(); z++) {
            for (int x = 0; x < g.nx(); x++) {
                int i = z * g.nx() + x;
                for (BoundaryCondition s : sides(p, z, x)) {
                    if (s != null && s.isDirichlet()) {
                        b[i] += 2 * k[i] * s.head();
                    }
                }
            }
        }
        return b;
    }

    /** h = A^-1 b by Gaussian elimination. */
    static double[] heads(DarcyProblem p, double[] k) {
        return solve(matrix(p, k), rhs(p, k));
    }

    /** ||b - A h|| / ||b|| for model {@code b} of batch arrays {@code [n][nz][nx]}. */
    static double relativeResidual(DarcyProblem p, double[] kBatch, double[] hBatch, int model) {
        int n = p.grid().cells();
        double[] k = java.util.Arrays.copyOfRange(kBatch, model * n, (model + 1) * n);
        double[] h = java.util.Arrays.copyOfRange(hBatch, model * n, (model + 1) * n);
        double[] b = rhs(p, k);
        double[] ah = sparseApply(p, k, h);
        double rr = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            rr += (b[i] - ah[i]) * (b[i] - ah[i]);
            bb += b[i] * b[i];
        }
        return Math.sqrt(rr / bb);
    }

    /** A h without storing A (for grids too large for a dense matrix), face by face. */
    static double[] sparseApply(DarcyProblem p, double[] k, double[] h) {
        DarcyGrid g = p.grid();
        double[] out = new double[g.cells()];
        for (int z = 0; z < g.nz(); z++) {
            for (int x = 0; x < g.nx(); x++) {
                int i = z * g.nx() + x;
                if (x + 1 < g.nx()) {
                    double f = 2 * k[i] * k[i + 1] / (k[i] + k[i + 1]) * (h[i] - h[i + 1]);
                    out[i] += f;
                    out[i + 1] -= f;
                }
                if (z + 1 < g.nz()) {
                    int j = i + g.nx();
                    double f = 2 * k[i] * k[j] / (k[i] + k[j]) * (h[i] - h[j]);
                    out[i] += f;
                    out[j] -= f;
                }
                for (BoundaryCondition s : sides(p, z, x)) {
                    if (s != null && s.isDirichlet()) {
                        out[i] += 2 * k[i] * h[i];
                    }
                }
            }
        }
        return out;
    }

    private static BoundaryCondition[] sides(DarcyProblem p, int z, int x) {
        DarcyGrid g = p.grid();
        Boundaries bc = p.boundaries();
        return new BoundaryCondition[] {z == 0 ? bc.top() : null, z == g.nz() - 1 ? bc.bottom() : null,
                x == 0 ? bc.left() : null, x == g.nx() - 1 ? bc.right() : null};
    }

    private static void face(double[][] a, int i, int j, double t) {
        a[i][i] += t;
        a[j][j] += t;
        a[i][j] -= t;
        a[j][i] -= t;
    }

    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
