package dev.strata.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One 2-D field to draw: {@code nz} rows (depth, drawn top to bottom) of {@code nx} columns.
 *
 * <p>Build with {@link #of(String, float[][], Colormap)} or {@link #of(String, float[], int, int, Colormap)}, then
 * optionally {@link #withRange}, {@link #withMarkers} and {@link #withAxes}. The record holds the arrays it is given (no copy).
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
 * @param axes          physical size of the cells, to draw axes with ticks along the left and bottom; {@code null} for
 *                      none
 */
public record Panel(String title, float[] values, int nz, int nx, Colormap colormap, ValueRange range,
                    int[] markerColumns, Axes axes) {

    /**
     * What one cell spans along each axis, and the axis names; the extent drawn is {@code [0, nz * rowStep]} down
     * and {@code [0, nx * columnStep]} across, ticked at round numbers.
     *
     * @param rowStep     size of a row, e.g. dz in m or dt in s; positive, finite
     * @param columnStep  size of a column, e.g. dx in m or 1 for a trace number; positive, finite
     * @param rowLabel    name of the vertical axis, e.g. "depth (m)"
     * @param columnLabel name of the horizontal axis, e.g. "distance (m)"
     */
    public record Axes(double rowStep, double columnStep, String rowLabel, String columnLabel) {
        public Axes {
            if (!(rowStep > 0) || !(columnStep > 0) || Double.isInfinite(rowStep) || Double.isInfinite(columnStep)
                    || rowLabel == null || columnLabel == null) {
                throw new IllegalArgumentException("axes need positive finite steps and labels, got " + rowStep
                        + ", " + columnStep + ", " + rowLabel + ", " + columnLabel);
            }
        }
    }

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
        return new Panel(title, values, nz, nx, colormap, null, new int[0], null);
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
        return new Panel(title, values, nz, nx, colormap, fixed, markerColumns, axes);
    }

    /** This panel with vertical marker lines at the given columns. */
    public Panel withMarkers(int... columns) {
        return new Panel(title, values, nz, nx, colormap, range, columns.clone(), axes);
    }

    /**
     * This panel with axes: a row spans {@code rowStep}, a column {@code columnStep} (e.g. dz and dx in metres, with
     * "depth (m)" and "distance (m)").
     */
    public Panel withAxes(double rowStep, double columnStep, String rowLabel, String columnLabel) {
        return new Panel(title, values, nz, nx, colormap, range, markerColumns,
                new Axes(rowStep, columnStep, rowLabel, columnLabel));
    }

    /** How {@link #resampled} maps many cells onto one. */
    public enum Resampling {
        /** Mean of the (finite) cells each target cell covers, weighted by the overlapped area: no aliasing. */
        AREA_AVERAGE,
        /** The cell under each target cell's centre: keeps extreme values, may alias. */
        NEAREST
    }

    /**
     * This panel drawn at no more than {@code maxRows x maxColumns} cells: unchanged if it fits, else resampled to
     * the largest size within the limits that keeps the aspect ratio of cells (each axis scaled by the same factor)
     * with the colour range fixed to this panel's {@link #effectiveRange()} and the markers moved with their columns.
     * Use it so a long record (e.g. a 2001 x 200 shot gather) is drawn at a target size rather than one pixel or
     * more per cell.
     */
    public Panel fitTo(int maxRows, int maxColumns, Resampling how) {
        if (maxRows < 1 || maxColumns < 1 || how == null) {
            throw new IllegalArgumentException("panel '" + title + "': fit needs maxRows, maxColumns >= 1 and a "
                    + "resampling, got " + maxRows + ", " + maxColumns + ", " + how);
        }
        double scale = Math.min(1.0, Math.min(maxRows / (double) nz, maxColumns / (double) nx));
        if (scale == 1.0) {
            return this;
        }
        int rows = Math.max(1, Math.min(maxRows, (int) Math.round(nz * scale)));
        int cols = Math.max(1, Math.min(maxColumns, (int) Math.round(nx * scale)));
        return resampled(rows, cols, how);
    }

    /**
     * This panel resampled to exactly {@code rows x cols} cells (either way), with the colour range fixed to this
     * panel's effective range and each marker moved to the column that covers it.
     */
    public Panel resampled(int rows, int cols, Resampling how) {
        if (rows < 1 || cols < 1 || how == null) {
            throw new IllegalArgumentException("panel '" + title + "': resampling needs rows, cols >= 1 and a mode, "
                    + "got " + rows + ", " + cols + ", " + how);
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = how == Resampling.NEAREST ? nearest(r, rows, c, cols) : areaMean(r, rows, c, cols);
            }
        }
        int[] markers = Arrays.stream(markerColumns).map(m -> Math.min(cols - 1, (int) ((m + 0.5) * cols / nx)))
                .distinct().toArray();
        Axes scaled = axes == null ? null : new Axes(axes.rowStep() * nz / rows, axes.columnStep() * nx / cols,
                axes.rowLabel(), axes.columnLabel());
        return new Panel(title, out, rows, cols, colormap, effectiveRange(), markers, scaled);
    }

    private float nearest(int r, int rows, int c, int cols) {
        int z = Math.min(nz - 1, (int) ((r + 0.5) * nz / rows));
        int x = Math.min(nx - 1, (int) ((c + 0.5) * nx / cols));
        return values[z * nx + x];
    }

    /** Area-weighted mean of the finite source cells under target cell (r, c); NaN if none is finite. */
    private float areaMean(int r, int rows, int c, int cols) {
        double z0 = r * (double) nz / rows;
        double z1 = (r + 1) * (double) nz / rows;
        double x0 = c * (double) nx / cols;
        double x1 = (c + 1) * (double) nx / cols;
        double sum = 0;
        double weight = 0;
        for (int z = (int) z0; z < Math.min(nz, Math.ceil(z1)); z++) {
            double wz = Math.min(z1, z + 1) - Math.max(z0, z);
            for (int x = (int) x0; x < Math.min(nx, Math.ceil(x1)); x++) {
                double w = wz * (Math.min(x1, x + 1) - Math.max(x0, x));
                float v = values[z * nx + x];
                if (w > 0 && Float.isFinite(v)) {
                    sum += w * v;
                    weight += w;
                }
            }
        }
        return weight > 0 ? (float) (sum / weight) : Float.NaN;
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
                && Arrays.equals(markerColumns, p.markerColumns) && Objects.equals(axes, p.axes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, Arrays.hashCode(values), nz, nx, colormap, range,
                Arrays.hashCode(markerColumns), axes);
    }

    @Override
    public String toString() {
        return "Panel[" + title + ", " + nz + " x " + nx + ", " + colormap + "]";
    }
}
