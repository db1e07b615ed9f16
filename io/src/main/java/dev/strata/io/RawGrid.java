package dev.strata.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 2-D grid of float32 values read from a raw file with a JSON sidecar, as in {@code shared/data}: {@code name.f32}
 * holds little-endian float32 in row-major {@code [nz][nx]} order (depth slow, row 0 at the surface) and
 * {@code name.json} gives at least {@code "nz"}, {@code "nx"}, {@code "dz_m"} and {@code "dx_m"}.
 *
 * <p>The record holds the array it is given (no copy); {@link #decimate} and {@link #crop} return new grids.
 *
 * @param nz     points in depth
 * @param nx     points in x
 * @param dz     depth spacing in m
 * @param dx     lateral spacing in m
 * @param values {@code [nz][nx]}, row-major
 */
public record RawGrid(int nz, int nx, double dz, double dx, float[] values) {

    public RawGrid {
        if (nz < 1 || nx < 1 || values == null || values.length != (long) nz * nx) {
            throw new IllegalArgumentException("raw grid " + nz + " x " + nx + " needs " + ((long) nz * nx)
                    + " values, got " + (values == null ? "null" : values.length));
        }
        if (!(dz > 0) || !(dx > 0) || Double.isInfinite(dz) || Double.isInfinite(dx)) {
            throw new IllegalArgumentException("raw grid spacings must be positive and finite, got dz " + dz
                    + ", dx " + dx);
        }
    }

    /**
     * Reads {@code f32} and the sidecar beside it ({@code .f32} replaced by {@code .json}); checks the sidecar's
     * "dtype" (if given) names little-endian float32 and the file holds exactly nz nx values.
     */
    public static RawGrid read(Path f32) throws IOException {
        String name = f32.getFileName().toString();
        String base = name.endsWith(".f32") ? name.substring(0, name.length() - 4) : name;
        Path sidecar = f32.resolveSibling(base + ".json");
        if (!Files.isRegularFile(sidecar)) {
            throw new IOException("no JSON sidecar " + sidecar + " beside " + f32
                    + ": it must give nz, nx, dz_m and dx_m");
        }
        String json = Files.readString(sidecar);
        int nz = (int) number(json, "nz", sidecar);
        int nx = (int) number(json, "nx", sidecar);
        double dz = number(json, "dz_m", sidecar);
        double dx = number(json, "dx_m", sidecar);
        Matcher dtype = Pattern.compile("\"dtype\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (dtype.find()) {
            String d = dtype.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!d.contains("float32") || d.contains("big")) {
                throw new IOException(sidecar + ": dtype '" + dtype.group(1) + "' is not little-endian float32");
            }
        }
        long expected = 4L * nz * nx;
        long size = Files.size(f32);
        if (size != expected) {
            throw new IOException(f32 + " holds " + size + " bytes; the sidecar's " + nz + " x " + nx
                    + " float32 grid needs " + expected);
        }
        return new RawGrid(nz, nx, dz, dx, Float32.decode(Files.readAllBytes(f32)));
    }

    /** How the samples of a headerless file are laid out: which index is slow, and the byte order. */
    public enum Layout {
        /** Row-major [nz][nx] (depth slow), little-endian. */
        Z_MAJOR_LITTLE_ENDIAN(true, ByteOrder.LITTLE_ENDIAN),
        /** Row-major [nz][nx] (depth slow), big-endian. */
        Z_MAJOR_BIG_ENDIAN(true, ByteOrder.BIG_ENDIAN),
        /** Column-major [nx][nz] (x slow, each trace a depth column, as Fortran and SEG-Y order), little-endian. */
        X_MAJOR_LITTLE_ENDIAN(false, ByteOrder.LITTLE_ENDIAN),
        /** Column-major [nx][nz] (x slow), big-endian. */
        X_MAJOR_BIG_ENDIAN(false, ByteOrder.BIG_ENDIAN);

        private final boolean zMajor;
        private final ByteOrder order;

        Layout(boolean zMajor, ByteOrder order) {
            this.zMajor = zMajor;
            this.order = order;
        }
    }

    /**
     * Reads a headerless float32 file of {@code nz x nx} samples laid out as {@code layout}, with spacings given by
     * the caller; returns the grid in this record's row-major [nz][nx] order. Refuses a file whose size is not
     * exactly 4 nz nx bytes, giving expected and actual bytes.
     */
    public static RawGrid readHeaderless(Path file, int nz, int nx, double dz, double dx, Layout layout)
            throws IOException {
        if (nz < 1 || nx < 1 || layout == null) {
            throw new IllegalArgumentException("headerless grid needs nz, nx >= 1 and a layout, got " + nz + " x "
                    + nx + ", " + layout);
        }
        long expected = 4L * nz * nx;
        long size = Files.size(file);
        if (size != expected) {
            throw new IOException(file + " holds " + size + " bytes, but a " + nz + " x " + nx
                    + " float32 grid needs " + expected + " bytes");
        }
        float[] raw = new float[nz * nx];
        ByteBuffer.wrap(Files.readAllBytes(file)).order(layout.order).asFloatBuffer().get(raw);
        if (layout.zMajor) {
            return new RawGrid(nz, nx, dz, dx, raw);
        }
        float[] values = new float[nz * nx];
        for (int x = 0; x < nx; x++) {
            for (int z = 0; z < nz; z++) {
                values[z * nx + x] = raw[x * nz + z];
            }
        }
        return new RawGrid(nz, nx, dz, dx, values);
    }

    /** Value at depth index z, lateral index x. */
    public float value(int z, int x) {
        return values[z * nx + x];
    }

    /** Every {@code fz}-th row and {@code fx}-th column from (0, 0); spacings grow by the same factors. */
    public RawGrid decimate(int fz, int fx) {
        if (fz < 1 || fx < 1) {
            throw new IllegalArgumentException("decimation factors must be >= 1, got " + fz + ", " + fx);
        }
        int mz = (nz + fz - 1) / fz;
        int mx = (nx + fx - 1) / fx;
        float[] out = new float[mz * mx];
        for (int z = 0; z < mz; z++) {
            for (int x = 0; x < mx; x++) {
                out[z * mx + x] = values[(z * fz) * nx + x * fx];
            }
        }
        return new RawGrid(mz, mx, dz * fz, dx * fx, out);
    }

    /** The {@code cz x cx} window whose first point is (z0, x0). */
    public RawGrid crop(int z0, int x0, int cz, int cx) {
        if (z0 < 0 || x0 < 0 || cz < 1 || cx < 1 || z0 + cz > nz || x0 + cx > nx) {
            throw new IllegalArgumentException("crop " + cz + " x " + cx + " at (" + z0 + ", " + x0
                    + ") does not fit in the " + nz + " x " + nx + " grid");
        }
        float[] out = new float[cz * cx];
        for (int z = 0; z < cz; z++) {
            System.arraycopy(values, (z0 + z) * nx + x0, out, z * cx, cx);
        }
        return new RawGrid(cz, cx, dz, dx, out);
    }

    private static double number(String json, String key, Path where) throws IOException {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IOException(where + ": no numeric \"" + key + "\"");
        }
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new IOException(where + ": \"" + key + "\" is not a number: " + m.group(1), e);
        }
    }
}
