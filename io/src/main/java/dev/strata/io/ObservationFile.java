package dev.strata.io;

import dev.strata.io.Observations.HeadData;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Observations.SeismicSection;
import dev.strata.io.Observations.ShotGathers;
import dev.strata.io.Observations.WellLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes Strata observation files (HDF5, schema {@value #SCHEMA}); the layout is documented in the README
 * ("Observation files"). Every dataset is float32, positions are metres from the grid's top-left corner:
 *
 * <pre>
 * /                 problem, strata_schema, and the model grid: nz, nx, dz_m, dx_m, channels ("facies,impedance"),
 *                   units ("1,m/s*g/cm3")
 * /model            truth [C][nz][nx] (optional), background [C][nz][nx] (optional: smooth prior mean / starting
 *                   model)
 * /seismic          data [rows][nx], wavelet [L];  dt_s, convention (same-rows | difference-rows), noise_a, noise_b
 * /wells/NAME       z_m [k], x_m [k], values [k][c], sigma [c];  channels ("impedance")
 * /fwi              data [shots][nt][receivers], sources [shots][2], receivers [receivers][2];  dt_s, peak_hz,
 *                   sigma, free_surface (0 | 1)
 * /darcy            heads [k], positions [k][2], wells [w][3] (z, x, rate; optional);  top, bottom, left, right
 *                   ("no-flow" | "head:VALUE"), sigma
 * </pre>
 *
 * <p>A file that does not follow the schema is refused with an IOException naming the file, the item and the fix.
 */
public final class ObservationFile {
    /** Schema name and version written into every file. */
    public static final String SCHEMA = "observations/1";

    private ObservationFile() {
    }

    /** Writes {@code obs} to {@code file} atomically. */
    public static void write(Path file, Observations obs) throws IOException {
        ModelGrid g = obs.grid();
        // the grid's attributes sit on the root: jHDF 0.13 writes a group holding only attributes with a broken
        // object header when other groups follow, which h5py and jHDF then cannot open
        Hdf5Writer w = new Hdf5Writer()
                .putAttribute("/", "strata_schema", SCHEMA)
                .putAttribute("/", "problem", obs.problem())
                .putAttribute("/", "nz", g.nz())
                .putAttribute("/", "nx", g.nx())
                .putAttribute("/", "dz_m", g.dz())
                .putAttribute("/", "dx_m", g.dx())
                .putAttribute("/", "channels", String.join(",", g.channelNames()))
                .putAttribute("/", "units", String.join(",", g.units()));
        if (obs.truth() != null) {
            w.putFloats("model/truth", obs.truth(), g.channels(), g.nz(), g.nx());
        }
        if (obs.background() != null) {
            w.putFloats("model/background", obs.background(), g.channels(), g.nz(), g.nx());
        }
        SeismicSection s = obs.seismic();
        if (s != null) {
            w.putFloats("seismic/data", s.data(), s.rows(), s.nx())
                    .putFloats("seismic/wavelet", s.wavelet(), s.wavelet().length)
                    .putAttribute("seismic", "dt_s", s.dt())
                    .putAttribute("seismic", "convention", s.sameRows() ? "same-rows" : "difference-rows")
                    .putAttribute("seismic", "noise_a", s.noiseA())
                    .putAttribute("seismic", "noise_b", s.noiseB());
        }
        for (WellLog well : obs.wells()) {
            String p = "wells/" + well.name();
            int c = well.channels().size();
            float[] sigma = new float[c];
            for (int i = 0; i < c; i++) {
                sigma[i] = (float) well.sigma()[i];
            }
            w.putFloats(p + "/z_m", well.zM(), well.points())
                    .putFloats(p + "/x_m", well.xM(), well.points())
                    .putFloats(p + "/values", well.values(), well.points(), c)
                    .putFloats(p + "/sigma", sigma, c)
                    .putAttribute(p, "channels", String.join(",", well.channels()));
        }
        ShotGathers f = obs.shots();
        if (f != null) {
            w.putFloats("fwi/data", f.data(), f.shots(), f.nt(), f.receiverCount())
                    .putFloats("fwi/sources", f.sources(), f.shots(), 2)
                    .putFloats("fwi/receivers", f.receivers(), f.receiverCount(), 2)
                    .putAttribute("fwi", "dt_s", f.dt())
                    .putAttribute("fwi", "peak_hz", f.peakHz())
                    .putAttribute("fwi", "sigma", f.sigma())
                    .putAttribute("fwi", "free_surface", f.freeSurface() ? 1 : 0);
        }
        HeadData h = obs.heads();
        if (h != null) {
            w.putFloats("darcy/heads", h.heads(), h.heads().length)
                    .putFloats("darcy/positions", h.positions(), h.heads().length, 2)
                    .putAttribute("darcy", "sigma", h.sigma());
            if (h.wells().length > 0) {
                w.putFloats("darcy/wells", h.wells(), h.wells().length / 3, 3);
            }
            String[] names = {"top", "bottom", "left", "right"};
            for (int i = 0; i < 4; i++) {
                w.putAttribute("darcy", names[i], h.sides().get(i));
            }
        }
        w.write(file);
    }

    /**
     * Reads an observation file.
     *
     * @throws IOException one line naming the file, what is wrong and how to fix it
     */
    public static Observations read(Path file) throws IOException {
        try (Hdf5Reader in = Hdf5Reader.open(file)) {
            return new Parser(file, in).parse();
        }
    }

    /** One file being read; every failure message names the file. */
    private record Parser(Path file, Hdf5Reader in) {

        Observations parse() throws IOException {
            String schema = string("/", "strata_schema");
            if (!SCHEMA.equals(schema)) {
                throw bad("has strata_schema '" + schema + "', this Strata reads '" + SCHEMA + "'",
                        "write it with 'strata datagen --observations' or follow the README's schema");
            }
            String problem = string("/", "problem");
            for (String group : requiredGroups(problem)) {
                if (!in.contains(group)) {
                    throw bad("problem '" + problem + "' needs the group /" + group + ", which is missing (or the file"
                            + " is cut short)", "add it (see the README's observation-file schema) or write the file"
                            + " again");
                }
            }
            ModelGrid grid = new ModelGrid(integer("/", "nz"), integer("/", "nx"), number("/", "dz_m"),
                    number("/", "dx_m"), names(string("/", "channels")), names(string("/", "units")));
            float[] truth = optionalModel("model/truth", grid);
            float[] background = optionalModel("model/background", grid);
            try {
                return new Observations(problem, grid, seismic(), wells(), shots(), heads(), truth, background);
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage(), "correct the file's content");
            }
        }

        private static List<String> requiredGroups(String problem) {
            return switch (problem) {
                case "seismic" -> List.of("seismic");
                case "wells" -> List.of("wells");
                case "seismic+wells" -> List.of("seismic", "wells");
                case "fwi" -> List.of("fwi");
                case "darcy" -> List.of("darcy");
                default -> List.of();
            };
        }

        private float[] optionalModel(String path, ModelGrid grid) throws IOException {
            return in.contains(path) ? floats(path, grid.channels(), grid.nz(), grid.nx()).data() : null;
        }

        private SeismicSection seismic() throws IOException {
            if (!in.contains("seismic")) {
                return null;
            }
            FloatDataset data = floats("seismic/data", -1, -1);
            FloatDataset wavelet = floats("seismic/wavelet", -1);
            String convention = string("seismic", "convention");
            if (!convention.equals("same-rows") && !convention.equals("difference-rows")) {
                throw bad("seismic convention '" + convention + "' is unknown",
                        "set the attribute to same-rows or difference-rows");
            }
            return guarded(() -> new SeismicSection(data.data(), data.shape()[0], data.shape()[1], wavelet.data(),
                    number("seismic", "dt_s"), convention.equals("same-rows"), number("seismic", "noise_a"),
                    number("seismic", "noise_b")));
        }

        private List<WellLog> wells() throws IOException {
            List<WellLog> wells = new ArrayList<>();
            if (!in.contains("wells")) {
                return wells;
            }
            for (String name : in.children("wells")) {
                String p = "wells/" + name;
                List<String> channels = names(string(p, "channels"));
                FloatDataset z = floats(p + "/z_m", -1);
                int k = z.shape()[0];
                float[] x = floats(p + "/x_m", k).data();
                float[] values = floats(p + "/values", k, channels.size()).data();
                float[] s = floats(p + "/sigma", channels.size()).data();
                double[] sigma = new double[s.length];
                for (int i = 0; i < s.length; i++) {
                    sigma[i] = s[i];
                }
                wells.add(guarded(() -> new WellLog(name, z.data(), x, channels, values, sigma)));
            }
            return wells;
        }

        private ShotGathers shots() throws IOException {
            if (!in.contains("fwi")) {
                return null;
            }
            FloatDataset d = floats("fwi/data", -1, -1, -1);
            int shots = d.shape()[0];
            int nrec = d.shape()[2];
            float[] sources = floats("fwi/sources", shots, 2).data();
            float[] receivers = floats("fwi/receivers", nrec, 2).data();
            int free = integer("fwi", "free_surface");
            return guarded(() -> new ShotGathers(d.data(), shots, d.shape()[1], nrec, sources, receivers,
                    number("fwi", "dt_s"), number("fwi", "peak_hz"), number("fwi", "sigma"), free != 0));
        }

        private HeadData heads() throws IOException {
            if (!in.contains("darcy")) {
                return null;
            }
            FloatDataset heads = floats("darcy/heads", -1);
            int k = heads.shape()[0];
            float[] positions = floats("darcy/positions", k, 2).data();
            float[] wells = in.contains("darcy/wells") ? floats("darcy/wells", -1, 3).data() : new float[0];
            List<String> sides = List.of(string("darcy", "top"), string("darcy", "bottom"), string("darcy", "left"),
                    string("darcy", "right"));
            return guarded(() -> new HeadData(heads.data(), positions, wells, sides, number("darcy", "sigma")));
        }

        /** A float32 dataset of the given rank; a dimension of -1 may be anything. */
        private FloatDataset floats(String path, int... shape) throws IOException {
            if (!in.contains(path)) {
                throw bad("has no dataset " + path, "add it (see the README's observation-file schema)");
            }
            FloatDataset d;
            try {
                d = in.readFloats(path);
            } catch (IOException e) {
                throw bad(e.getMessage(), "store " + path + " as a float32 array");
            }
            boolean ok = d.shape().length == shape.length;
            for (int i = 0; ok && i < shape.length; i++) {
                ok = shape[i] < 0 || shape[i] == d.shape()[i];
            }
            if (!ok) {
                throw bad(path + " has shape " + Arrays.toString(d.shape()) + ", expected "
                        + Arrays.toString(shape).replace("-1", "any"), "reshape it to match the schema");
            }
            return d;
        }

        private String string(String node, String name) throws IOException {
            Object v = attribute(node, name);
            if (!(v instanceof String s)) {
                throw bad("attribute '" + name + "' of " + node + " is not a string", "store it as a string");
            }
            return s.trim();
        }

        private double number(String node, String name) throws IOException {
            if (!(attribute(node, name) instanceof Number n)) {
                throw bad("attribute '" + name + "' of " + node + " is not a number", "store it as a number");
            }
            return n.doubleValue();
        }

        private int integer(String node, String name) throws IOException {
            double v = number(node, name);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw bad("attribute '" + name + "' of " + node + " is " + v + ", not a whole number",
                        "store a whole number");
            }
            return (int) v;
        }

        private Object attribute(String node, String name) throws IOException {
            if (!in.contains(node)) {
                throw bad("has no group " + node, "add it (see the README's observation-file schema)");
            }
            Map<String, Object> attrs = in.attributes(node);
            Object v = attrs.get(name);
            if (v == null) {
                throw bad("has no attribute '" + name + "' on " + node,
                        "add it (see the README's observation-file schema)");
            }
            return v;
        }

        private static List<String> names(String commaSeparated) {
            return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
        }

        private <T> T guarded(IoSupplier<T> make) throws IOException {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage(), "correct the file's content");
            }
        }

        private IOException bad(String what, String fix) {
            return new IOException("observation file " + file + ": " + what + "; fix: " + fix);
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }
}
