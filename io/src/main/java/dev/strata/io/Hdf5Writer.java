package dev.strata.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects float32 datasets, groups and attributes in memory, then writes them as one HDF5 file, all or nothing.
 *
 * <pre>{@code
 * new Hdf5Writer()
 *         .putFloats("samples", samples, n, 1, nz, nx)          // flat float[] in row-major order
 *         .putFloats("posterior/mean", mean, nz, nx)            // groups are created along the path
 *         .putAttribute("/", "seed", 42)                         // "/" is the file root
 *         .putAttribute("samples", "units", "m/s")
 *         .write(Path.of("out/run.h5"));
 * }</pre>
 *
 * <p>Paths are {@code /}-separated names relative to the root ({@code "a/b"} and {@code "/a/b"} are the same).
 * Datasets are copied when added, so the caller may reuse its arrays. {@link #write} can be called more than once;
 * it writes to a temporary file next to the target and renames it into place only when complete (see
 * {@link AtomicFiles}). Uses jHDF's writer (pure Java, contiguous storage, no compression). Not thread-safe.
 */
public final class Hdf5Writer {
    private final Group root = new Group();

    /**
     * Adds a float32 dataset.
     *
     * @param path  dataset path, e.g. {@code "posterior/mean"}; must not exist yet
     * @param data  values in row-major order (last dimension fastest), length {@code product(shape)}; not modified
     * @param shape dimensions, e.g. {@code n, c, nz, nx}; each {@code >= 1}
     * @return this writer
     * @throws IllegalArgumentException on a bad shape, a bad path, or a path already in use
     */
    public Hdf5Writer putFloats(String path, float[] data, int... shape) {
        FloatDataset checked = new FloatDataset(data, shape.clone());
        List<String> names = split(path);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs a name, got path '" + path + "'");
        }
        Group parent = groupAt(names.subList(0, names.size() - 1), path);
        String name = names.getLast();
        if (parent.children.containsKey(name)) {
            throw new IllegalArgumentException("'" + path + "' was already added");
        }
        parent.children.put(name, new Dataset(nested(checked.data(), checked.shape())));
        return this;
    }

    /** Adds a float32 dataset; see {@link #putFloats(String, float[], int...)}. */
    public Hdf5Writer putFloats(String path, FloatDataset dataset) {
        return putFloats(path, dataset.data(), dataset.shape());
    }

    /**
     * Creates the group at {@code path} and any missing parents; nothing happens if it exists.
     *
     * @throws IllegalArgumentException if a dataset is in the way
     */
    public Hdf5Writer putGroup(String path) {
        groupAt(split(path), path);
        return this;
    }

    /** Sets an int32 attribute on the root ({@code "/"}), a group or a dataset added before; replaces one of the same name. */
    public Hdf5Writer putAttribute(String nodePath, String name, int value) {
        return attribute(nodePath, name, value);
    }

    /** Sets a float64 attribute; see {@link #putAttribute(String, String, int)}. */
    public Hdf5Writer putAttribute(String nodePath, String name, double value) {
        return attribute(nodePath, name, value);
    }

    /** Sets a string attribute (UTF-8); see {@link #putAttribute(String, String, int)}. */
    public Hdf5Writer putAttribute(String nodePath, String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("attribute '" + name + "' on '" + nodePath + "' is null");
        }
        return attribute(nodePath, name, value);
    }

    /**
     * Writes everything added so far to {@code file}, replacing it if it exists. Either the complete file appears or
     * nothing changes on disk.
     *
     * @throws IOException whose message names {@code file}, what failed and how to fix it
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, "HDF5 file", temp -> {
            try (WritableHdfFile out = HdfFile.write(temp)) {
                writeGroup(out, root);
            }
        });
    }

    private Hdf5Writer attribute(String nodePath, String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank (node '" + nodePath + "')");
        }
        Node node = root;
        for (String part : split(nodePath)) {
            Node next = node instanceof Group g ? g.children.get(part) : null;
            if (next == null) {
                throw new IllegalArgumentException("no group or dataset '" + nodePath
                        + "' for attribute '" + name + "': add it first with putFloats or putGroup");
            }
            node = next;
        }
        node.attributes().put(name, value);
        return this;
    }

    /** The group at {@code names}, created with its missing parents. */
    private Group groupAt(List<String> names, String path) {
        Group group = root;
        for (String part : names) {
            Node next = group.children.computeIfAbsent(part, k -> new Group());
            if (!(next instanceof Group g)) {
                throw new IllegalArgumentException("'" + part + "' in '" + path + "' is a dataset, not a group");
            }
            group = g;
        }
        return group;
    }

    private static void writeGroup(WritableGroup out, Group group) {
        putAttributes(out, group.attributes);
        for (Map.Entry<String, Node> child : group.children.entrySet()) {
            switch (child.getValue()) {
                case Group g -> writeGroup(out.putGroup(child.getKey()), g);
                case Dataset d -> putAttributes(out.putDataset(child.getKey(), d.nested), d.attributes);
            }
        }
    }

    private static void putAttributes(WritableNode node, Map<String, Object> attributes) {
        attributes.forEach(node::putAttribute);
    }

    /** Splits a path into names; {@code ""} and {@code "/"} give the root (no names). */
    private static List<String> split(String path) {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        List<String> names = new ArrayList<>();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return names;
        }
        for (String part : trimmed.split("/", -1)) {
            if (part.isBlank() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("bad path '" + path + "': names must be non-blank and not . or ..");
            }
            names.add(part);
        }
        return names;
    }

    /** Copies flat row-major data into nested Java arrays ({@code float[d0][d1]...}), the form jHDF writes. */
    private static Object nested(float[] flat, int[] shape) {
        Object out = Array.newInstance(float.class, shape);
        fill(out, flat, 0, shape, 0);
        return out;
    }

    private static int fill(Object array, float[] flat, int offset, int[] shape, int dim) {
        if (dim == shape.length - 1) {
            System.arraycopy(flat, offset, (float[]) array, 0, shape[dim]);
            return offset + shape[dim];
        }
        for (Object sub : (Object[]) array) {
            offset = fill(sub, flat, offset, shape, dim + 1);
        }
        return offset;
    }

    private sealed interface Node permits Group, Dataset {
        Map<String, Object> attributes();
    }

    private record Group(Map<String, Node> children, Map<String, Object> attributes) implements Node {
        Group() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    private record Dataset(Object nested, Map<String, Object> attributes) implements Node {
        Dataset(Object nested) {
            this(nested, new LinkedHashMap<>());
        }
    }
}
