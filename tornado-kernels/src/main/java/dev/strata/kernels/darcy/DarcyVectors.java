package dev.strata.kernels.darcy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API rows of the Darcy solve's hottest kernels, the red-black smoother
 * {@link DarcyMultigridKernels#smoothRedBlack}, the residual restriction
 * {@link DarcyMultigridKernels#restrictResidual} and the operator {@link DarcyKernels#applyOperator}, named by their
 * {@code @Kernel(vectorRows = ...)}: the same contract as the generated row runners (a row is one (b, z) pair, or a
 * coarse (b, Z) pair for the restriction, b slowest; arguments in task order). A row runs as whole vectors over the
 * columns 1 .. nx - 2, whose neighbours all exist, each lane doing its body's operations in the body's order with
 * separate multiply and add (the JVM never fuses them on its own), so the results agree with the bodies bit for bit;
 * the row's terms in z are present or not for the whole row; the two end columns, and rows narrower than
 * {@link #MIN_COLUMNS}, run the bodies themselves. The last vector ends at nx - 1 and may overlap the one before: its
 * overlapped lanes are computed again from the same inputs.
 *
 * <p>The smoother computes every column of a vector and stores the lanes of its colour only (a mask): a cell of one
 * colour reads only cells of the other, which the half-sweep does not write, so a vector's loads never see its own
 * stores. Half its lanes are computed and thrown away.
 */
final class DarcyVectors {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Lanes 0, 2, 4, ... and 1, 3, 5, ... of a vector. */
    private static final VectorMask<Double> EVEN_LANES = VectorMask.fromLong(SPECIES, 0x5555_5555_5555_5555L);
    private static final VectorMask<Double> ODD_LANES = VectorMask.fromLong(SPECIES, 0xAAAA_AAAA_AAAA_AAAAL);

    private DarcyVectors() {
    }

    /**
     * Fewest columns of a row that the vectors take; narrower rows (the coarse levels, and small grids such as the
     * 32 x 32 of {@code --true builtin:darcy}) run the bodies: on so few columns the vectors gain nothing once
     * compiled, and until C2 compiles them the Vector API runs its Java fallback, many times slower than a scalar
     * loop, which a short run pays in full.
     */
    static final int MIN_COLUMNS = 64;

    /** Whether a row of nx columns runs as vectors: at least {@link #MIN_COLUMNS}, and a whole vector inside. */
    private static boolean fitsVectors(int nx) {
        return nx >= MIN_COLUMNS && nx - 2 >= SPECIES.length();
    }

    /** {@link DarcyMultigridKernels#smoothRedBlack} over rows [rowStart, rowEnd) of (b, z). */
    static void smoothRedBlackRows(int rowStart, int rowEnd, double[] tE, double[] tS, double[] diag, double[] f,
                                   double[] e, int color, int zeroGuess, int nz, int nx, int nb) {
        int half = (nx + 1) / 2;
        int lanes = SPECIES.length();
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / nz;
            int z = row % nz;
            int parity = (z + color) & 1; // the first column of this colour; x = 2k + parity
            if (!fitsVectors(nx)) {
                for (int k = 0; k < half; k++) {
                    DarcyMultigridKernels.smoothRedBlack(b, z, k, tE, tS, diag, f, e, color, zeroGuess, nz, nx);
                }
                continue;
            }
            if (parity == 0) { // column 0 is of this colour
                DarcyMultigridKernels.smoothRedBlack(b, z, 0, tE, tS, diag, f, e, color, zeroGuess, nz, nx);
            }
            if ((nx - 1 - parity) % 2 == 0) { // column nx - 1 is of this colour
                DarcyMultigridKernels.smoothRedBlack(b, z, (nx - 1 - parity) / 2, tE, tS, diag, f, e, color,
                        zeroGuess, nz, nx);
            }
            int base = row * nx;
            boolean south = zeroGuess == 0 && z < nz - 1;
            boolean north = zeroGuess == 0 && z > 0;
            for (int col = 1; col < nx - 1; col += lanes) {
                int x = Math.min(col, nx - 1 - lanes);
                int c = base + x;
                DoubleVector s = DoubleVector.fromArray(SPECIES, f, c);
                if (zeroGuess == 0) {
                    s = s.add(DoubleVector.fromArray(SPECIES, tE, c).mul(DoubleVector.fromArray(SPECIES, e, c + 1)));
                    s = s.add(DoubleVector.fromArray(SPECIES, tE, c - 1)
                            .mul(DoubleVector.fromArray(SPECIES, e, c - 1)));
                }
                if (south) {
                    s = s.add(DoubleVector.fromArray(SPECIES, tS, c).mul(DoubleVector.fromArray(SPECIES, e, c + nx)));
                }
                if (north) {
                    s = s.add(DoubleVector.fromArray(SPECIES, tS, c - nx)
                            .mul(DoubleVector.fromArray(SPECIES, e, c - nx)));
                }
                // lane j is column x + j, of this colour where x + j has the parity of the colour's first column
                s.div(DoubleVector.fromArray(SPECIES, diag, c)).intoArray(e, c,
                        ((x - parity) & 1) == 0 ? EVEN_LANES : ODD_LANES);
            }
        }
    }

    /** {@link DarcyKernels#applyOperator} over rows [rowStart, rowEnd) of (b, z). */
    static void applyOperatorRows(int rowStart, int rowEnd, double[] tE, double[] tS, double[] diag, double[] p,
                                  double[] q, int nz, int nx, int nb) {
        for (int row = rowStart; row < rowEnd; row++) {
            operatorRow(tE, tS, diag, p, q, row * nx, row * nx, row % nz, nz, nx);
        }
    }

    /**
     * {@link DarcyMultigridKernels#restrictResidual} over coarse rows [rowStart, rowEnd) of (b, Z): the residual
     * f - A e of the fine rows 2Z and 2Z + 1 as whole rows (A e by {@link #operatorRow}), then the sums of each
     * coarse cell's fine cells in the body's order.
     */
    static void restrictResidualRows(int rowStart, int rowEnd, double[] tE, double[] tS, double[] diag, double[] f,
                                     double[] e, double[] fc, int nzf, int nxf, int nzc, int nxc, int nb) {
        double[][] residual = {new double[nxf], new double[nxf]};
        for (int row = rowStart; row < rowEnd; row++) {
            int b = row / nzc;
            int zc = row % nzc;
            int fineRows = Math.min(2, nzf - 2 * zc);
            for (int a = 0; a < fineRows; a++) {
                int z = 2 * zc + a;
                int base = (b * nzf + z) * nxf;
                operatorRow(tE, tS, diag, e, residual[a], 0, base, z, nzf, nxf);
                subtractFrom(f, base, residual[a], nxf);
            }
            int out = row * nxc;
            for (int xc = 0; xc < nxc; xc++) {
                int x = 2 * xc;
                double s = 0.0;
                s = s + residual[0][x];
                if (x + 1 < nxf) {
                    s = s + residual[0][x + 1];
                }
                if (fineRows == 2) {
                    s = s + residual[1][x];
                    if (x + 1 < nxf) {
                        s = s + residual[1][x + 1];
                    }
                }
                fc[out + xc] = s;
            }
        }
    }

    /** r[x] = f[base + x] - r[x], x in [0, nx): the residual from A e, as {@link DarcyMultigridKernels#residualAt}. */
    private static void subtractFrom(double[] f, int base, double[] r, int nx) {
        int x = 0;
        for (; x + SPECIES.length() <= nx; x += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, f, base + x).sub(DoubleVector.fromArray(SPECIES, r, x)).intoArray(r, x);
        }
        for (; x < nx; x++) {
            r[x] = f[base + x] - r[x];
        }
    }

    /**
     * (A p) of the row at depth z starting at flat index {@code base} into {@code out[outBase + x]}, x in [0, nx),
     * each value as {@link DarcyKernels#operatorAt} computes it.
     */
    private static void operatorRow(double[] tE, double[] tS, double[] diag, double[] p, double[] out, int outBase,
                                    int base, int z, int nz, int nx) {
        if (!fitsVectors(nx)) {
            for (int x = 0; x < nx; x++) {
                out[outBase + x] = DarcyKernels.operatorAt(base + x, z, x, nz, nx, tE, tS, diag, p);
            }
            return;
        }
        out[outBase] = DarcyKernels.operatorAt(base, z, 0, nz, nx, tE, tS, diag, p);
        out[outBase + nx - 1] = DarcyKernels.operatorAt(base + nx - 1, z, nx - 1, nz, nx, tE, tS, diag, p);
        boolean south = z < nz - 1;
        boolean north = z > 0;
        int lanes = SPECIES.length();
        for (int col = 1; col < nx - 1; col += lanes) {
            int x = Math.min(col, nx - 1 - lanes);
            int c = base + x;
            DoubleVector s = DoubleVector.fromArray(SPECIES, diag, c).mul(DoubleVector.fromArray(SPECIES, p, c));
            s = s.sub(DoubleVector.fromArray(SPECIES, tE, c).mul(DoubleVector.fromArray(SPECIES, p, c + 1)));
            s = s.sub(DoubleVector.fromArray(SPECIES, tE, c - 1).mul(DoubleVector.fromArray(SPECIES, p, c - 1)));
            if (south) {
                s = s.sub(DoubleVector.fromArray(SPECIES, tS, c).mul(DoubleVector.fromArray(SPECIES, p, c + nx)));
            }
            if (north) {
                s = s.sub(DoubleVector.fromArray(SPECIES, tS, c - nx).mul(DoubleVector.fromArray(SPECIES, p, c - nx)));
            }
            s.intoArray(out, outBase + x);
        }
    }
}
