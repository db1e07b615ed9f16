package dev.strata.forward.seismic;

/**
 * How many rows the reflectivity and the data of {@link ConvolutionalSeismic} have for nz rows of impedance.
 *
 * <pre>
 *   r[z] = (Ip[z+1] - Ip[z]) / (Ip[z+1] + Ip[z]),   0 &lt;= z &lt; nz - 1
 *   r[nz - 1] = 0                                    (SAME_ROWS only)
 * </pre>
 */
public enum SeismicConvention {
    /** nz - 1 rows: one reflection coefficient per pair of adjacent impedance rows (Strata's original operator). */
    DIFFERENCE_ROWS,
    /**
     * nz rows, as Seed 000 (arXiv 2507.15809: 80 rows of data for 80 rows of model): the nz - 1 coefficients of
     * {@link #DIFFERENCE_ROWS} followed by r[nz - 1] = 0, a bottom row with no interface below it (equivalently, the
     * impedance is continued below the grid by repeating its bottom row).
     */
    SAME_ROWS;

    /** Rows of reflectivity and of data for {@code nz} rows of impedance: nz - 1, or nz for {@link #SAME_ROWS}. */
    public int rows(int nz) {
        return this == SAME_ROWS ? nz : nz - 1;
    }
}
