package dev.strata.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads float32 datasets and scalar attributes back from an HDF5 file (for tests, resume and checkpoints).
 * Paths are as in {@link Hdf5Writer}: {@code "posterior/mean"}, {@code "/"} for the root.
 *
 * <pre>{@code
 * try (Hdf5Reader in = Hdf5Reader.open(path)) {
 *     FloatDataset samples = in.readFloats("samples");   // flat data + shape [n, c, nz, nx]
 *     int seed = in.intAttribute("/", "seed");
 * }
 * }</pre>
 */
public final class Hdf5Reader implements AutoCloseable {
    private final Path file;
    private final HdfFile hdf;

    private Hdf5Reader(Path file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    /**
     * Opens {@code file} for reading.
     *
     * @throws IOException naming the file if it is missing or not a readable HDF5 file
     */
    public static Hdf5Reader open(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new IOException("HDF5 file " + abs + " cannot be read: no such file. Fix: check the path.");
        }
        try {
            return new Hdf5Reader(abs, new HdfFile(abs));
        } catch (HdfException e) {
            throw new IOException("HDF5 file " + abs + " cannot be read: " + e.getMessage()
                    + ". Fix: check that it is a complete HDF5 file.", e);
        }
    }

    /** Whether a group or dataset exists at {@code path}. */
    public boolean contains(String path) {
        try {
            node(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a float32 dataset as flat row-major values with its shape.
     *
     * @throws IOException if there is no such dataset or it does not hold float32 values
     */
    public FloatDataset readFloats(String path) throws IOException {
        if (!(node(path) instanceof Dataset dataset)) {
            throw new IOException(where(path) + " is a group, not a dataset");
        }
        if (dataset.getJavaType() != float.class || dataset.isScalar()) {
            throw new IOException(where(path) + " holds " + dataset.getJavaType().getSimpleName()
                    + (dataset.isScalar() ? " (scalar)" : "") + " values, not a float32 array");
        }
        return new FloatDataset((float[]) dataset.getDataFlat(), dataset.getDimensions());
    }

    /**
     * All attributes of a node, by name, as Integer, Long, Float, Double, String or arrays of these. The root also
     * carries {@code _jHDF}, written by the library.
     */
    public Map<String, Object> attributes(String nodePath) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : node(nodePath).getAttributes().entrySet()) {
            out.put(a.getKey(), a.getValue().getData());
        }
        return out;
    }

    /** Names of the children of the group at {@code path}, in file order. */
    public java.util.List<String> children(String path) throws IOException {
        if (!(node(path) instanceof io.jhdf.api.Group group)) {
            throw new IOException(where(path) + " is a dataset, not a group");
        }
        return new java.util.ArrayList<>(group.getChildren().keySet());
    }

    /** A numeric attribute (int32, int64, float32 or float64) as a double. */
    public double numberAttribute(String nodePath, String name) throws IOException {
        return attribute(nodePath, name, Number.class).doubleValue();
    }

    /** An int32 attribute written by {@link Hdf5Writer#putAttribute(String, String, int)}. */
    public int intAttribute(String nodePath, String name) throws IOException {
        return attribute(nodePath, name, Integer.class);
    }

    /** A float64 attribute written by {@link Hdf5Writer#putAttribute(String, String, double)}. */
    public double doubleAttribute(String nodePath, String name) throws IOException {
        return attribute(nodePath, name, Double.class);
    }

    /** A string attribute written by {@link Hdf5Writer#putAttribute(String, String, String)}. */
    public String stringAttribute(String nodePath, String name) throws IOException {
        return attribute(nodePath, name, String.class);
    }

    @Override
    public void close() {
        hdf.close();
    }

    private <T> T attribute(String nodePath, String name, Class<T> type) throws IOException {
        Attribute attribute = node(nodePath).getAttribute(name);
        if (attribute == null) {
            throw new IOException(where(nodePath) + " has no attribute '" + name + "'");
        }
        Object value = attribute.getData();
        if (!type.isInstance(value)) {
            throw new IOException("attribute '" + name + "' of " + where(nodePath) + " is "
                    + (value == null ? "empty" : value.getClass().getSimpleName()) + ", not " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private Node node(String path) throws IOException {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty()) {
            return hdf;
        }
        try {
            return hdf.getByPath(p);
        } catch (HdfException e) {
            throw new IOException(where(path) + " does not exist", e);
        }
    }

    private String where(String path) {
        return "'" + path + "' in " + file;
    }
}
