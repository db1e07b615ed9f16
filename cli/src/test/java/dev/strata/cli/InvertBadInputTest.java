package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.io.ObservationFile;
import dev.strata.io.TrainingSetFile;
import dev.strata.io.Observations;
import dev.strata.io.Observations.SeismicSection;
import dev.strata.io.Hdf5Writer;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed input to {@code strata invert} is refused with exit code 2 and one line on stderr naming what is wrong,
 * no stack trace, and no output folder (or nothing new in an existing one).
 */
class InvertBadInputTest {
    @TempDir
    Path tmp;
    private Path seismic;
    private Path model;

    /** One malformed invocation: its arguments (without {@code --out}) and a phrase the message must contain. */
    private record Case(String name, List<String> args, String expected) {
    }

    @BeforeEach
    void validInputs() throws IOException {
        seismic = tmp.resolve("seismic.h5");
        ObservationFile.write(seismic, InvertFixtures.seismicObservations());
        model = InvertFixtures.seismicModel(tmp);
    }

    @Test
    void theValidFilesTheCasesAreMadeFromRun() throws IOException {
        Path fwi = tmp.resolve("fwi.h5");
        ObservationFile.write(fwi, InvertFixtures.fwiObservations(1e-3, 0.1));
        Path darcy = tmp.resolve("darcy.h5");
        ObservationFile.write(darcy, InvertFixtures.darcyObservations());
        for (List<String> args : List.of(List.of("--problem", "seismic", "--data", seismic.toString()),
                List.of("--problem", "seismic", "--true", model.toString()),
                List.of("--problem", "fwi", "--data", fwi.toString(), "--zeta", "0.1"),
                List.of("--problem", "darcy", "--data", darcy.toString()))) {
            Path out = tmp.resolve("ok-" + args.get(1) + "-" + args.get(2).substring(2));
            List<String> all = new ArrayList<>(List.of("invert", "--samples", "1", "--steps", "4", "--out",
                    out.toString()));
            all.addAll(args);
            InvertFixtures.runOk(all.toArray(String[]::new));
            assertTrue(Files.isRegularFile(out.resolve("posterior.h5")), args.toString());
        }
    }

    @Test
    void malformedInputIsRefusedInOneLineWithExitCodeTwoAndNoOutput() throws IOException {
        List<Case> cases = new ArrayList<>();
        String s = seismic.toString();
        List<String> seis = List.of("--problem", "seismic", "--data", s);

        cases.add(new Case("NaN in a raw velocity model", List.of("--problem", "fwi", "--true",
                raw("nan.f32", Float.NaN, 1500).toString()), "non-finite value (NaN)"));
        cases.add(new Case("negative velocity", List.of("--problem", "fwi", "--true",
                raw("negative.f32", -1500, 2000).toString()), "velocit"));
        cases.add(new Case("CFL violation", List.of("--problem", "fwi", "--data",
                obs("cfl.h5", InvertFixtures.fwiObservations(0.02, 0.1)).toString()), "CFL"));
        cases.add(new Case("seismic shape disagrees with the grid", List.of("--problem", "seismic", "--data",
                obs("shape.h5", withSeismicRows(InvertFixtures.SEISMIC_NZ - 1)).toString()), "seismic data are 23 x 16"));
        Observations base = InvertFixtures.seismicObservations();
        cases.add(new Case("a well outside the grid", List.of("--problem", "seismic+wells", "--data",
                obs("well.h5", new Observations("seismic+wells", base.grid(), base.seismic(),
                        List.of(InvertFixtures.well("W1", 1000)), null, null, base.truth(), null)).toString()),
                "well W1 point 0"));
        cases.add(new Case("a missing observation file", List.of("--problem", "seismic", "--data",
                tmp.resolve("missing.h5").toString()), "no such file"));
        cases.add(new Case("a missing true model", List.of("--problem", "seismic", "--true",
                tmp.resolve("missing.f32").toString()), "missing.f32"));
        Path truncated = tmp.resolve("truncated.h5");
        byte[] whole = Files.readAllBytes(seismic);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        cases.add(new Case("a truncated HDF5 file", List.of("--problem", "seismic", "--data", truncated.toString()),
                "truncated.h5"));
        Path text = Files.writeString(tmp.resolve("notes.h5"), "these are not observations\n");
        cases.add(new Case("a file that is not HDF5", List.of("--problem", "seismic", "--data", text.toString()),
                "notes.h5"));
        cases.add(new Case("float64 where float32 is required", List.of("--problem", "seismic", "--true",
                model.toString(), "--prior", "gmm:" + float64TrainingSet()), "not a float32 array"));
        cases.add(new Case("unknown --problem", List.of("--problem", "gravity", "--data", s), "--problem 'gravity'"));
        cases.add(new Case("unknown --prior", concat(seis, "--prior", "banana"), "--prior 'banana' is unknown"));
        cases.add(new Case("unknown --sampler", concat(seis, "--sampler", "rk45"), "--sampler 'rk45' is unknown"));
        cases.add(new Case("unknown --guidance", concat(seis, "--guidance", "magic"), "--guidance 'magic'"));
        cases.add(new Case("unknown --backend", concat(seis, "--backend", "abacus"), "--backend abacus"));
        cases.add(new Case("unknown --device", concat(seis, "--device", "tpu"), "--device: device 'tpu'"));
        cases.add(new Case("--device gpu without a network prior", concat(seis, "--device", "gpu"),
                "--prior gaussian has none"));
        cases.add(new Case("sigma <= 0 in the observation file", List.of("--problem", "fwi", "--data",
                zeroSigmaFwi().toString()), "sigma"));
        Observations noWells = new Observations("wells", base.grid(), null, List.of(), null, null, base.truth(), null);
        cases.add(new Case("empty observations", List.of("--problem", "wells", "--data",
                obs("empty.h5", noWells).toString()), "needs the group /wells"));
        cases.add(new Case("--samples 0", concat(seis, "--samples", "0"), "--samples must be >= 1"));
        cases.add(new Case("--samples 100000000", concat(seis, "--samples", "100000000"), "GB of memory"));
        cases.add(new Case("--zeta Infinity", concat(seis, "--zeta", "Infinity"), "--zeta must be a finite"));
        cases.add(new Case("--zeta NaN", concat(seis, "--zeta", "NaN"), "--zeta must be a finite"));
        cases.add(new Case("--zeta -1", concat(seis, "--zeta", "-1"), "--zeta must be a finite"));
        cases.add(new Case("--steps 1", concat(seis, "--steps", "1"), "--steps must be >= 2"));
        cases.add(new Case("unknown setting in --config", concat(seis, "--config", Files.writeString(
                tmp.resolve("unknown.yaml"), "samples: 2\ntemperature: 300\n").toString()), "'temperature'"));
        cases.add(new Case("a --config that is not YAML", concat(seis, "--config", Files.writeString(
                tmp.resolve("broken.yaml"), "samples: [2\n  steps: {{\n").toString()), "not valid YAML"));
        cases.add(new Case("a --config that is missing", concat(seis, "--config", tmp.resolve("none.yaml")
                .toString()), "does not exist"));

        Path outDir = Files.createDirectories(tmp.resolve("outs"));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path out = outDir.resolve("case-" + i);
            assertRefused(c, concat(c.args(), "--out", out.toString()));
            assertFalse(Files.exists(out), c.name() + ": created the output folder " + out);
        }

        Path file = Files.writeString(tmp.resolve("a-regular-file"), "x");
        assertRefused(new Case("--out is a regular file", List.of(), "a-regular-file"),
                concat(seis, "--out", file.toString()));
        assertRefused(new Case("--out under a regular file", List.of(), "a-regular-file"),
                concat(seis, "--out", file.resolve("out").toString()));
        assertEquals("x", Files.readString(file));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        List<String> nothing = list(empty);
        assertRefused(new Case("--resume without a run", List.of(), "no run to resume"),
                List.of("--resume", "--out", empty.toString()));
        assertEquals(nothing, list(empty));

        Path done = tmp.resolve("done");
        InvertFixtures.runOk("invert", "--problem", "seismic", "--data", s, "--samples", "1", "--steps", "2",
                "--out", done.toString());
        List<String> before = list(done);
        assertRefused(new Case("a second run into a folder that holds one", List.of(), "already holds a run"),
                concat(seis, "--samples", "1", "--steps", "2", "--out", done.toString()));
        assertEquals(before, list(done));
    }

    private static void assertRefused(Case c, List<String> args) {
        CliRunner r = CliRunner.run(Stream.concat(Stream.of("invert"), args.stream()).toArray(String[]::new));
        String what = c.name() + " " + args + ":\n" + r.err();
        assertEquals(2, r.exitCode(), what);
        assertEquals(1, r.err().lines().count(), what);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), what);
        assertTrue(r.err().contains(c.expected()), c.name() + ": the message should name '" + c.expected() + "': "
                + r.err());
    }

    private Path raw(String name, float first, float rest) throws IOException {
        float[] v = new float[InvertFixtures.SQUARE_N * InvertFixtures.SQUARE_N];
        Arrays.fill(v, rest);
        v[0] = first;
        return InvertFixtures.rawModel(tmp.resolve(name), InvertFixtures.SQUARE_N, InvertFixtures.SQUARE_N,
                InvertFixtures.SQUARE_H, InvertFixtures.SQUARE_H, v);
    }

    private Path obs(String name, Observations o) throws IOException {
        Path p = tmp.resolve(name);
        ObservationFile.write(p, o);
        return p;
    }

    private static Observations withSeismicRows(int rows) {
        Observations o = InvertFixtures.seismicObservations();
        SeismicSection s = o.seismic();
        SeismicSection cut = new SeismicSection(Arrays.copyOf(s.data(), rows * s.nx()), rows, s.nx(), s.wavelet(),
                s.dt(), true, s.noiseA(), s.noiseB());
        return new Observations("seismic", o.grid(), cut, List.of(), null, null, o.truth(), null);
    }

    /** An fwi file as ObservationFile writes it, with /fwi sigma -1 (the record itself refuses such a sigma). */
    private Path zeroSigmaFwi() throws IOException {
        Observations.ShotGathers f = InvertFixtures.fwiObservations(1e-3, 0.1).shots();
        int n = InvertFixtures.SQUARE_N;
        Path p = tmp.resolve("sigma0.h5");
        new Hdf5Writer()
                .putAttribute("/", "strata_schema", ObservationFile.SCHEMA)
                .putAttribute("/", "problem", "fwi")
                .putAttribute("/", "nz", n)
                .putAttribute("/", "nx", n)
                .putAttribute("/", "dz_m", InvertFixtures.SQUARE_H)
                .putAttribute("/", "dx_m", InvertFixtures.SQUARE_H)
                .putAttribute("/", "channels", "velocity")
                .putAttribute("/", "units", "m/s")
                .putFloats("fwi/data", f.data(), f.shots(), f.nt(), f.receiverCount())
                .putFloats("fwi/sources", f.sources(), f.shots(), 2)
                .putFloats("fwi/receivers", f.receivers(), f.receiverCount(), 2)
                .putAttribute("fwi", "dt_s", f.dt())
                .putAttribute("fwi", "peak_hz", f.peakHz())
                .putAttribute("fwi", "sigma", -1.0)
                .putAttribute("fwi", "free_surface", 0)
                .write(p);
        return p;
    }

    /** A training set (schema attribute set) whose /models is float64 [2, 1, 24, 16]. */
    private Path float64TrainingSet() {
        Path p = tmp.resolve("float64.h5");
        double[][][][] m = new double[2][1][InvertFixtures.SEISMIC_NZ][InvertFixtures.SEISMIC_NX];
        for (double[][][] a : m) {
            for (double[] row : a[0]) {
                Arrays.fill(row, 6000 + Math.random());
            }
        }
        try (WritableHdfFile w = HdfFile.write(p)) {
            w.putAttribute("strata_schema", TrainingSetFile.SCHEMA);
            w.putDataset("models", m);
        }
        return p;
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
