package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.io.Hdf5Reader;
import dev.strata.io.Observations;
import dev.strata.io.Observations.HeadData;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Observations.SeismicSection;
import dev.strata.io.Observations.ShotGathers;
import dev.strata.io.Observations.WellLog;
import dev.strata.io.SampleStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Tiny models, observation files, child JVMs and shard readers shared by the {@code strata invert} tests. */
final class InvertFixtures {
    /** Seismic test grid: 24 x 16 cells of 1 m x 10 m. */
    static final int SEISMIC_NZ = 24;
    static final int SEISMIC_NX = 16;
    /** FWI and Darcy test grid: 16 x 16 cells of 10 m. */
    static final int SQUARE_N = 16;
    static final double SQUARE_H = 10;

    private InvertFixtures() {
    }

    /** A layered impedance model (5000 / 6000 / 7000 m/s*g/cm3 with a gentle lateral ripple) as raw .f32 + JSON. */
    static Path seismicModel(Path dir) throws IOException {
        float[] v = new float[SEISMIC_NZ * SEISMIC_NX];
        for (int z = 0; z < SEISMIC_NZ; z++) {
            for (int x = 0; x < SEISMIC_NX; x++) {
                v[z * SEISMIC_NX + x] = (z < 8 ? 5000 : z < 16 ? 6000 : 7000) + 100 * (float) Math.sin(x + z);
            }
        }
        return rawModel(dir.resolve("impedance.f32"), SEISMIC_NZ, SEISMIC_NX, 1, 10, v);
    }

    /** A three-layer velocity model (1800 / 2200 / 2600 m/s) on the square grid, as raw .f32 + JSON. */
    static Path velocityModel(Path dir) throws IOException {
        float[] v = new float[SQUARE_N * SQUARE_N];
        for (int i = 0; i < v.length; i++) {
            int z = i / SQUARE_N;
            v[i] = z < 6 ? 1800 : z < 11 ? 2200 : 2600;
        }
        return rawModel(dir.resolve("velocity.f32"), SQUARE_N, SQUARE_N, SQUARE_H, SQUARE_H, v);
    }

    /** Raw little-endian float32 {@code [nz][nx]} with its JSON sidecar. */
    static Path rawModel(Path f32, int nz, int nx, double dz, double dx, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : values) {
            b.putFloat(f);
        }
        Files.write(f32, b.array());
        String name = f32.getFileName().toString().replaceFirst("\\.f32$", "");
        Files.writeString(f32.resolveSibling(name + ".json"), "{\"nz\": " + nz + ", \"nx\": " + nx + ", \"dz_m\": "
                + dz + ", \"dx_m\": " + dx + "}\n");
        return f32;
    }

    /** A training set of {@code n} models from {@code strata datagen} (in-process) on a small grid. */
    static Path trainingSet(Path dir, String problem, int n, int nz, int nx) {
        Path out = dir.resolve(problem + "-train.h5");
        CliRunner r = CliRunner.run("datagen", "--problem", problem, "--n", Integer.toString(n), "--nz",
                Integer.toString(nz), "--nx", Integer.toString(nx), "--seed", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    /** Seismic observations (same-rows convention, a 9-sample wavelet) on the seismic test grid. */
    static Observations seismicObservations() {
        ModelGrid g = new ModelGrid(SEISMIC_NZ, SEISMIC_NX, 1, 10, List.of("impedance"), List.of("m/s*g/cm3"));
        float[] data = new float[SEISMIC_NZ * SEISMIC_NX];
        for (int i = 0; i < data.length; i++) {
            data[i] = 0.05f * (float) Math.sin(0.7 * i);
        }
        float[] wavelet = {-0.1f, -0.3f, 0.2f, 0.8f, 1f, 0.8f, 0.2f, -0.3f, -0.1f};
        float[] truth = new float[g.size()];
        java.util.Arrays.fill(truth, 6000);
        // with a true model: ObservationFile.write of a /model group without datasets next to other groups makes a
        // file that jHDF 0.13 and h5py cannot read back (reported; see InvertBadInputTest)
        return new Observations("seismic", g, new SeismicSection(data, SEISMIC_NZ, SEISMIC_NX, wavelet, 0.002, true,
                0.005, 0.05), List.of(), null, null, truth, null);
    }

    /** A vertical well log of impedance at column {@code x} metres on the seismic test grid. */
    static WellLog well(String name, double xM) {
        float[] z = new float[SEISMIC_NZ];
        float[] x = new float[SEISMIC_NZ];
        float[] v = new float[SEISMIC_NZ];
        for (int i = 0; i < SEISMIC_NZ; i++) {
            z[i] = i;
            x[i] = (float) xM;
            v[i] = 6000;
        }
        return new WellLog(name, z, x, List.of("impedance"), v, new double[] {100});
    }

    /** Shot gathers over a constant 2000 m/s background on the square grid, sampled every {@code dt} seconds. */
    static Observations fwiObservations(double dt, double sigma) {
        ModelGrid g = new ModelGrid(SQUARE_N, SQUARE_N, SQUARE_H, SQUARE_H, List.of("velocity"), List.of("m/s"));
        float[] background = new float[g.size()];
        java.util.Arrays.fill(background, 2000);
        int nt = 60;
        int nrec = 8;
        float[] receivers = new float[2 * nrec];
        for (int r = 0; r < nrec; r++) {
            receivers[2 * r] = 20;
            receivers[2 * r + 1] = 20 * r;
        }
        ShotGathers s = new ShotGathers(new float[nt * nrec], 1, nt, nrec, new float[] {20, 80}, receivers, dt, 10,
                sigma, false);
        return new Observations("fwi", g, null, List.of(), s, null, null, background);
    }

    /** Heads on a 3 x 3 array of the square grid, 1 m on the left, 0 m on the right. */
    static Observations darcyObservations() {
        ModelGrid g = new ModelGrid(SQUARE_N, SQUARE_N, SQUARE_H, SQUARE_H, List.of("log_conductivity"),
                List.of("ln(m/s)"));
        float[] heads = new float[9];
        float[] positions = new float[18];
        for (int k = 0; k < 9; k++) {
            positions[2 * k] = (float) ((k / 3 + 0.5) * SQUARE_N / 3 * SQUARE_H);
            positions[2 * k + 1] = (float) ((k % 3 + 0.5) * SQUARE_N / 3 * SQUARE_H);
            heads[k] = 1 - positions[2 * k + 1] / (float) (SQUARE_N * SQUARE_H);
        }
        return new Observations("darcy", g, null, List.of(), null, new HeadData(heads, positions, new float[0],
                List.of("no-flow", "no-flow", "head:1", "head:0"), 0.01), new float[g.size()], null);
    }

    /** The samples of every shard of the run in {@code out}, by shard file name. */
    static Map<String, float[]> shardSamples(Path out) throws IOException {
        SampleStore store = SampleStore.open(out);
        Map<String, float[]> m = new TreeMap<>();
        for (SampleStore.Shard s : store.shards()) {
            m.put(s.file().getFileName().toString(), store.read(s).samples().data());
        }
        return m;
    }

    /** Every file name in {@code dir/shards} (complete shards and anything else left there). */
    static List<String> shardFiles(Path out) throws IOException {
        Path d = out.resolve("shards");
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A root attribute of {@code posterior.h5} as a number. */
    static double rootNumber(Path h5, String name) throws IOException {
        try (Hdf5Reader in = Hdf5Reader.open(h5)) {
            return in.numberAttribute("/", name);
        }
    }

    /** Runs the CLI in-process and requires exit code 0. */
    static CliRunner runOk(String... args) {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.err());
        return r;
    }

    /**
     * The command line of a child JVM running {@code strata} with the test class path: the same java binary, the
     * project's JVM flags, then {@code jvmOptions} and the CLI arguments.
     */
    static List<String> childCommand(List<String> jvmOptions, String... cliArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        cmd.addAll(List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-Xss8m"));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(cliArgs));
        return cmd;
    }

    /** Starts {@code command} with stdout and stderr going to {@code log}. */
    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs {@code command} to its end (at most 60 s) and requires exit code 0. */
    static void runChild(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = start(command, log);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not end within 60 s: " + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    /** Quotes {@code s} for {@code sh -c}. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
