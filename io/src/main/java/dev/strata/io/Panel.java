package dev.strata.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One 2-D field to draw: {@code nz} rows (depth, drawn top to bottom) of {@code nx} columns.
 *
 * <p>Build with {@link #of(String, float[][], Colormap)} or {@link #of(String, float[], int, int, Colormap)}, then
 * optionally {@link #withRange} and {@link #withMarkers}. The record holds the arrays it is given (no copy).
 *
 * @param title         drawn above the field
 * @param values        row-major {@code [nz, nx]}: value at depth {@code z}, column {@code x} is
 *                      {@code values[z * nx + x]}; not modified
 * @param nz            rows, {@code >= 1}
 * @param nx            columns, {@code >= 1}
 * @param colormap      colour map
 * @param range         values at the ends of the colour map; {@code null} for automatic (the data's finite min and max,
 *                      made symmetric about zero for a {@linkplain Colormap#diverging() diverging} map)
 * @param markerColumns columns in {@code [0, nx)} marked by a vertical line (e.g. wells); may be empty
 */
public record Panel(String title, float[] values, int nz, int nx, Colormap colormap, ValueRange range,
                    int[] markerColumns) {
    public Panel {
        if (title == null || values == null || colormap == null || markerColumns == null) {
            throw new IllegalArgumentException("title, values, colormap and markerColumns must not be null");
        }
        if (nz < 1 || nx < 1 || values.length != (long) nz * nx) {
            throw new IllegalArgumentException("panel '" + title + "': " + values.length + " values do not fill ["
                    + nz + ", " + nx + "]");
        }
        for (int c : markerColumns) {
            if (c < 0 || c >= nx) {
                throw new IllegalArgumentException("panel '" + title + "': marker column " + c + " outside [0, "
                        + nx + ")");
            }
        }
    }

    /** A panel of a flat row-major {@code [nz, nx]} field, automatic range, no markers. */
    public static Panel of(String title, float[] values, int nz, int nx, Colormap colormap) {
        return new Panel(title, values, nz, nx, colormap, null, new int[0]);
    }

    /** A panel of a field {@code field[z][x]} (copied; rows must have equal length), automatic range, no markers. */
    public static Panel of(String title, float[][] field, Colormap colormap) {
        int nz = field.length;
        int nx = nz == 0 ? 0 : field[0].length;
        float[] flat = new float[nz * nx];
        for (int z = 0; z < nz; z++) {
            if (field[z].length != nx) {
                throw new IllegalArgumentException("panel '" + title + "': row " + z + " has " + field[z].length
                        + " values, row 0 has " + nx);
            }
            System.arraycopy(field[z], 0, flat, z * nx, nx);
        }
        return of(title, flat, nz, nx, colormap);
    }

    /** This panel with a fixed value range, e.g. one shared by truth and posterior mean. */
    public Panel withRange(ValueRange fixed) {
        return new Panel(title, values, nz, nx, colormap, fixed, markerColumns);
    }

    /** This panel with vertical marker lines at the given columns. */
    public Panel withMarkers(int... columns) {
        return new Panel(title, values, nz, nx, colormap, range, columns.clone());
    }

    /** The range used for drawing: {@link #range()} if set, else the automatic one. */
    public ValueRange effectiveRange() {
        if (range != null) {
            return range;
        }
        ValueRange auto = ValueRange.of(values);
        return colormap.diverging() ? auto.symmetric() : auto;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Panel p && title.equals(p.title) && Arrays.equals(values, p.values) && nz == p.nz
                && nx == p.nx && colormap == p.colormap && Objects.equals(range, p.range)
                && Arrays.equals(markerColumns, p.markerColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, Arrays.hashCode(values), nz, nx, colormap, range,
                Arrays.hashCode(markerColumns));
    }

    @Override
    public String toString() {
        return "Panel[" + title + ", " + nz + " x " + nx + ", " + colormap + "]";
    }
}
