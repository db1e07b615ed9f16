package dev.strata.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A training set for a diffusion prior as one HDF5 file (schema {@value #SCHEMA}):
 * <pre>
 *   /models            float32 [N, C, nz, nx]   N models of C channels, row 0 at the surface
 *   /conditions        float32 [N, K, nz, nx]   optional: what model n is conditioned on (e.g. an RTM image), for a
 *                                               conditional prior trained with classifier-free guidance
 *   root attributes    strata_schema   "training-set/1"
 *                      problem         "seismic" | "fwi" | "darcy"
 *                      channels        C comma-separated names, e.g. "facies,impedance"
 *                      units           C comma-separated units, e.g. "1,m/s*g/cm^3"
 *                      dz_m, dx_m      grid spacings in metres (float64)
 *                      generator       the generator's settings as JSON text
 *                      seed            the seed, as text
 *                      strata_version  the Strata version that wrote the file
 * </pre>
 * {@link #write} is atomic (the file appears complete or not at all); {@link #read} checks all of the above and
 * refuses a bad file with one {@link IOException} line naming the file, what is wrong and how to fix it.
 *
 * @param problem       one of {@link #PROBLEMS}
 * @param channels      C channel names, none empty or containing a comma
 * @param units         C units, likewise
 * @param dz            depth spacing in m, positive
 * @param dx            lateral spacing in m, positive
 * @param generator     generator settings as JSON text, not blank
 * @param seed          the seed, not blank
 * @param strataVersion the writing version, not blank
 * @param models        {@code [N, C, nz, nx]}, finite values; the record holds the dataset it is given
 * @param conditions    {@code [N, K, nz, nx]}, finite values, or null for an unconditional training set
 */
public record TrainingSetFile(String problem, List<String> channels, List<String> units, double dz, double dx,
                              String generator, String seed, String strataVersion, FloatDataset models,
                              FloatDataset conditions) {

    /** Value of the {@code strata_schema} attribute. */
    public static final String SCHEMA = "training-set/1";
    /** The problems a training set can be for. */
    public static final List<String> PROBLEMS = List.of("seismic", "fwi", "darcy");
    /** The dataset holding the models. */
    public static final String MODELS = "models";
    /** The optional dataset holding the conditions. */
    public static final String CONDITIONS = "conditions";

    private static final String REWRITE = "write it again with 'strata datagen'";

    /** An unconditional training set. */
    public TrainingSetFile(String problem, List<String> channels, List<String> units, double dz, double dx,
                           String generator, String seed, String strataVersion, FloatDataset models) {
        this(problem, channels, units, dz, dx, generator, seed, strataVersion, models, null);
    }

    /** @throws IllegalArgumentException whose message says what is wrong and, after "Fix:", how to fix it */
    public TrainingSetFile {
        if (!PROBLEMS.contains(problem)) {
            throw new IllegalArgumentException("problem is '" + problem + "'. Fix: use one of " + PROBLEMS);
        }
        if (models == null || models.rank() != 4) {
            throw new IllegalArgumentException("/" + MODELS + " has shape "
                    + (models == null ? "none" : Arrays.toString(models.shape()))
                    + ", not [N, C, nz, nx]. Fix: store the models as a rank-4 float32 dataset");
        }
        channels = List.copyOf(channels);
        units = List.copyOf(units);
        int c = models.shape()[1];
        requireNames("channels", channels, c);
        requireNames("units", units, c);
        if (!(dz > 0) || !(dx > 0) || Double.isInfinite(dz) || Double.isInfinite(dx)) {
            throw new IllegalArgumentException("dz_m " + dz + " and dx_m " + dx
                    + " must be positive and finite. Fix: give the grid spacings in metres");
        }
        for (String[] text : new String[][] {{"generator", generator}, {"seed", seed},
                {"strata_version", strataVersion}}) {
            if (text[1] == null || text[1].isBlank()) {
                throw new IllegalArgumentException("attribute " + text[0] + " is empty. Fix: " + REWRITE);
            }
        }
        float[] v = models.data();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                int perModel = v.length / models.shape()[0];
                throw new IllegalArgumentException("/" + MODELS + " holds " + v[i] + " in model " + i / perModel
                        + " (flat index " + i + "). Fix: regenerate the models, or drop the bad ones");
            }
        }
        if (conditions != null) {
            int[] m = models.shape();
            int[] k = conditions.shape();
            if (k.length != 4 || k[0] != m[0] || k[2] != m[2] || k[3] != m[3]) {
                throw new IllegalArgumentException("/" + CONDITIONS + " has shape " + Arrays.toString(k)
                        + ", not [N, K, " + m[2] + ", " + m[3] + "] with N = " + m[0] + " models. Fix: store one condition per model"
                        + " on the models' grid");
            }
            for (float value : conditions.data()) {
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("/" + CONDITIONS + " holds " + value + ". Fix: regenerate the"
                            + " conditions");
                }
            }
        }
    }

    /** N, the number of models. */
    public int count() {
        return models.shape()[0];
    }

    /** Rows of each model. */
    public int nz() {
        return models.shape()[2];
    }

    /** Columns of each model. */
    public int nx() {
        return models.shape()[3];
    }

    /**
     * Writes this training set to {@code file}, atomically.
     *
     * @throws IOException naming {@code file}; nothing is left behind then
     */
    public void write(Path file) throws IOException {
        Hdf5Writer w = new Hdf5Writer().putFloats(MODELS, models);
        if (conditions != null) {
            w.putFloats(CONDITIONS, conditions);
        }
        w
                .putAttribute("/", "strata_schema", SCHEMA)
                .putAttribute("/", "problem", problem)
                .putAttribute("/", "channels", String.join(",", channels))
                .putAttribute("/", "units", String.join(",", units))
                .putAttribute("/", "dz_m", dz)
                .putAttribute("/", "dx_m", dx)
                .putAttribute("/", "generator", generator)
                .putAttribute("/", "seed", seed)
                .putAttribute("/", "strata_version", strataVersion)
                .write(file);
    }

    /**
     * Reads and checks a training set.
     *
     * @throws IOException one line naming {@code file}, what is wrong and how to fix it: not HDF5, another schema, a
     *                     missing or non-float32 or wrongly shaped {@code /models}, non-finite values, missing or
     *                     inconsistent attributes
     */
    public static TrainingSetFile read(Path file) throws IOException {
        try (Hdf5Reader in = Hdf5Reader.open(file)) {
            Map<String, Object> a = in.attributes("/");
            Object schema = a.get("strata_schema");
            if (!SCHEMA.equals(schema)) {
                throw invalid(file, "attribute strata_schema is " + (schema == null ? "missing" : "'" + schema + "'")
                        + ", not '" + SCHEMA + "'. Fix: " + REWRITE);
            }
            if (!in.contains(MODELS)) {
                throw invalid(file, "there is no dataset /" + MODELS + ". Fix: store the models as float32 /"
                        + MODELS + " [N, C, nz, nx]");
            }
            FloatDataset models = floats(file, in, MODELS);
            return new TrainingSetFile(text(file, a, "problem"), split(text(file, a, "channels")),
                    split(text(file, a, "units")), number(file, a, "dz_m"), number(file, a, "dx_m"),
                    text(file, a, "generator"), text(file, a, "seed"), text(file, a, "strata_version"), models,
                    in.contains(CONDITIONS) ? floats(file, in, CONDITIONS) : null);
        } catch (IllegalArgumentException e) {
            throw invalid(file, e.getMessage());
        }
    }

    private static FloatDataset floats(Path file, Hdf5Reader in, String name) throws IOException {
        try {
            return in.readFloats(name);
        } catch (IOException e) {
            throw invalid(file, "/" + name + " cannot be read as float32: " + e.getMessage() + ". Fix: store /" + name
                    + " as float32");
        }
    }

    private static void requireNames(String what, List<String> names, int c) {
        if (names.size() != c || names.stream().anyMatch(n -> n.isBlank() || n.contains(","))) {
            throw new IllegalArgumentException(what + " " + names + " do not name the " + c + " channels of /"
                    + MODELS + ". Fix: give " + c + " non-empty names without commas");
        }
    }

    private static List<String> split(String commaSeparated) {
        return List.of(commaSeparated.split(",", -1));
    }

    private static String text(Path file, Map<String, Object> attributes, String name) throws IOException {
        if (!(attributes.get(name) instanceof String s)) {
            throw invalid(file, "root attribute " + name + " is " + describe(attributes.get(name))
                    + ", not text. Fix: " + REWRITE);
        }
        return s;
    }

    private static double number(Path file, Map<String, Object> attributes, String name) throws IOException {
        if (!(attributes.get(name) instanceof Number n)) {
            throw invalid(file, "root attribute " + name + " is " + describe(attributes.get(name))
                    + ", not a number. Fix: give the spacing in metres as a float64 attribute");
        }
        return n.doubleValue();
    }

    private static String describe(Object value) {
        return value == null ? "missing" : "a " + value.getClass().getSimpleName();
    }

    private static IOException invalid(Path file, String what) {
        return new IOException("training-set file " + file.toAbsolutePath().normalize() + " is not valid: " + what
                + ".");
    }
}
