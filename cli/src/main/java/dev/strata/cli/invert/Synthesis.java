package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.forward.seismic.RickerWavelet;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.geology.Channel;
import dev.strata.forward.geology.FaciesImpedanceModel;
import dev.strata.forward.geology.LayeredVelocityModel;
import dev.strata.forward.geology.LogConductivityModel;
import dev.strata.forward.geology.ModelGenerator;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.io.Float32;
import dev.strata.io.TrainingSetFile;
import dev.strata.io.Observations;
import dev.strata.io.Observations.HeadData;
import dev.strata.io.Observations.ModelGrid;
import dev.strata.io.Observations.SeismicSection;
import dev.strata.io.Observations.ShotGathers;
import dev.strata.io.Observations.WellLog;
import dev.strata.io.RawGrid;
import dev.strata.kernels.ComputeBackend;
import dev.strata.sampler.Gaussian;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic observations from a true model ({@code --true}): the problem's default survey over the model, the
 * clean data from the forward operator, and Gaussian noise of relative size {@code noise}. Default surveys:
 * seismic, seed 000's conventions (as many data rows as model rows, even-length 30 Hz Ricker at 2 ms,
 * sigma_d = a + b |d| with a = noise RMS(d) / 2, b = noise / 2); wells, three vertical wells at 15, 50 and 85 % of
 * the width logging every channel; fwi, 6 surface shots and a receiver every other cell, recording 2.2 times the vertical travel time, peak frequency and time
 * step from the dispersion and CFL rules, a 1-D starting model (the true model averaged laterally); darcy, head
 * 1 m on the left and 0 m on the right, no flow above and below, one injection well, heads on a 6 x 6 array.
 */
final class Synthesis {
    private Synthesis() {
    }

    /** Names of the built-in true models of {@code --true builtin:NAME}. */
    static final List<String> BUILTIN = List.of("seismic", "marmousi", "faulted", "darcy");

    /**
     * Reads {@code --true}: raw float32 with a JSON sidecar (.f32), an HDF5 training set (its first model), or
     * {@code builtin:seismic} (a facies + impedance section from Strata's object-based generator, 80 x 100),
     * {@code builtin:marmousi} (Marmousi-II, 5 x 5 block-averaged to 34 x 100 cells of 100 m, shipped),
     * {@code builtin:faulted} (a faulted layered velocity model from Strata's generator, 64 x 64 cells of 10 m) or
     * {@code builtin:darcy} (a Gaussian random log-conductivity field, 32 x 32 cells of 10 m).
     */
    static Observations truthGrid(String problem, String spec, long seed) {
        if (spec.startsWith("builtin:")) {
            return builtin(problem, spec.substring("builtin:".length()), seed);
        }
        Path file = Path.of(spec);
        try {
            if (file.toString().endsWith(".f32")) {
                RawGrid r = RawGrid.read(file);
                String channel = problem.equals("fwi") ? "velocity" : problem.equals("darcy") ? "log_conductivity"
                        : "impedance";
                ModelGrid g = new ModelGrid(r.nz(), r.nx(), r.dz(), r.dx(), List.of(channel),
                        List.of(unitOf(channel)));
                return new Observations(problem, g, null, List.of(), null, null, r.values(), null);
            }
            TrainingSetFile set = TrainingSetFile.read(file);
            ModelGrid g = new ModelGrid(set.nz(), set.nx(), set.dz(), set.dx(), set.channels(), set.units());
            float[] first = Arrays.copyOf(set.models().data(), g.size());
            return new Observations(problem, g, null, List.of(), null, null, first, null);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException("--true " + spec + ": " + e.getMessage(), e);
        }
    }

    private static Observations builtin(String problem, String name, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ModelGenerator generator = switch (name) {
            case "seismic" -> FaciesImpedanceModel.defaults();
            case "darcy" -> LogConductivityModel.gaussian(new DarcyGrid(32, 32, 10));
            case "faulted" -> LayeredVelocityModel.faulted(new SectionGrid(64, 64, 10, 10));
            case "marmousi" -> null;
            default -> throw new UserInputException("--true builtin:" + name + " is unknown; fix: use one of builtin:"
                    + String.join(", builtin:", BUILTIN));
        };
        if (generator == null) {
            return new Observations(problem, new ModelGrid(34, 100, 100, 100, List.of("velocity"), List.of("m/s")),
                    null, List.of(), null, null, shippedMarmousi(), null);
        }
        SectionGrid g = generator.grid();
        ModelGrid grid = new ModelGrid(g.nz(), g.nx(), g.dz(), g.dx(),
                generator.channels().stream().map(Channel::name).toList(),
                generator.channels().stream().map(Channel::unit).toList());
        return new Observations(problem, grid, null, List.of(), null, null, generator.sample(random), null);
    }

    /** The shipped Marmousi-II velocity model, 34 x 100 cells of 100 m (see the JSON beside it). */
    static float[] shippedMarmousi() {
        try (var in = Synthesis.class.getResourceAsStream("marmousi2_34x100.f32")) {
            float[] v = Float32.decode(in.readAllBytes());
            if (v.length != 34 * 100) {
                throw new IllegalStateException("the shipped Marmousi model holds " + v.length
                        + " values, not 34 x 100");
            }
            return v;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the shipped Marmousi model is missing from the jar", e);
        }
    }

    static String unitOf(String channel) {
        return switch (channel) {
            case "velocity" -> "m/s";
            case "impedance" -> "m/s*g/cm^3";
            case "log_conductivity" -> "ln(m/s)";
            default -> "1";
        };
    }

    /** Observations of {@code truth} (a grid and true model, no data) by the default survey, with noise. */
    static Observations observe(Observations truth, double noise, long seed, ComputeBackend backend) {
        Observations survey = survey(truth);
        PhysicalProblem p = ProblemBuilders.build(survey, backend, 0);
        float[] clean = p.operator().apply(truth.truth(), 1);
        Gaussian g = new Gaussian(seed ^ 0x0b5e7L);
        double[] rmsOfBlock = rmsOf(clean, p.blocks());
        double[] sigma = new double[clean.length];
        for (int k = 0; k < p.blocks().size(); k++) {
            DataBlock b = p.blocks().get(k);
            for (int j = b.offset(); j < b.offset() + b.size(); j++) {
                sigma[j] = switch (b.name()) {
                    case "seismic" -> 0.5 * noise * rmsOfBlock[k] + 0.5 * noise * Math.abs(clean[j]);
                    default -> noise * rmsOfBlock[k];
                };
            }
        }
        float[] all = withNoise(clean, sigma, g);
        List<float[]> noisy = new ArrayList<>();
        for (DataBlock b : p.blocks()) {
            noisy.add(Arrays.copyOfRange(all, b.offset(), b.offset() + b.size()));
        }
        List<WellLog> logs = new ArrayList<>();
        for (WellLog w : survey.wells()) {
            float[] values = w.values().clone();
            int c = w.channels().size();
            for (int i = 0; i < values.length; i++) {
                values[i] += (float) (w.sigma()[i % c] * g.next());
            }
            logs.add(new WellLog(w.name(), w.zM(), w.xM(), w.channels(), values, w.sigma()));
        }
        return withData(survey, noisy, logs, noise, rmsOfBlock);
    }

    /** y_j = clean_j + sigma_j z_j with z the next standard normals of {@code g}, in datum order. */
    static float[] withNoise(float[] clean, double[] sigma, Gaussian g) {
        float[] y = new float[clean.length];
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) (clean[j] + sigma[j] * g.next());
        }
        return y;
    }

    /** RMS of the clean data per block. */
    static double[] rmsOf(float[] clean, List<DataBlock> blocks) {
        double[] out = new double[blocks.size()];
        for (int k = 0; k < blocks.size(); k++) {
            DataBlock b = blocks.get(k);
            double s = 0;
            for (int j = b.offset(); j < b.offset() + b.size(); j++) {
                s += (double) clean[j] * clean[j];
            }
            out[k] = Math.sqrt(s / b.size());
        }
        return out;
    }

    /** The default survey over the truth's grid, with placeholder (zero) data. */
    static Observations survey(Observations t) {
        ModelGrid g = t.grid();
        return switch (t.problem()) {
            case "seismic", "wells", "seismic+wells" -> seismicSurvey(t, g);
            case "fwi" -> fwiSurvey(t, g);
            default -> darcySurvey(t, g);
        };
    }

    private static Observations seismicSurvey(Observations t, ModelGrid g) {
        SeismicSection seismic = null;
        if (t.problem().contains("seismic")) {
            float[] w = RickerWavelet.symmetricSamples(30, 0.002, 42);
            seismic = new SeismicSection(new float[g.nz() * g.nx()], g.nz(), g.nx(), w, 0.002, true, 1, 0);
        }
        List<WellLog> wells = new ArrayList<>();
        if (t.problem().contains("wells")) {
            for (double at : new double[] {0.15, 0.5, 0.85}) {
                int ix = (int) Math.round(at * (g.nx() - 1));
                float[] z = new float[g.nz()];
                float[] x = new float[g.nz()];
                for (int iz = 0; iz < g.nz(); iz++) {
                    z[iz] = (float) (iz * g.dz());
                    x[iz] = (float) (ix * g.dx());
                }
                double[] sigma = new double[g.channels()];
                float[] values = new float[g.nz() * g.channels()];
                for (int c = 0; c < g.channels(); c++) {
                    sigma[c] = 0.05 * PriorDefaults.typical(g.channelNames().get(c))[1];
                    for (int iz = 0; iz < g.nz(); iz++) {
                        values[iz * g.channels() + c] = t.truth()[(c * g.nz() + iz) * g.nx() + ix];
                    }
                }
                wells.add(new WellLog("W" + (wells.size() + 1), z, x, g.channelNames(), values, sigma));
            }
        }
        return new Observations(t.problem(), g, seismic, wells, null, null, t.truth(), null);
    }

    private static Observations fwiSurvey(Observations t, ModelGrid g) {
        float[] v = t.truth();
        float[] background = lateralMean(v, g);
        dev.strata.forward.acoustic.VelocityRange range = FwiProblemBuilder.velocityRange(background);
        double vmin = range.min();
        double vmax = range.max();
        double h = g.dx();
        double peak = 0.9 * vmin / (2.5 * 4 * h);
        double dt = 0.45 * h / vmax;
        double duration = (2.2 * g.nz() * h + 0.25 * g.nx() * h) / meanOf(background);
        int nt = (int) Math.ceil(duration / dt);
        int shots = Math.min(6, g.nx());
        float[] sources = new float[2 * shots];
        for (int k = 0; k < shots; k++) {
            sources[2 * k] = (float) (2 * h);
            sources[2 * k + 1] = (float) (Math.round((k + 0.5) * (g.nx() - 1) / shots) * h);
        }
        int nrec = (g.nx() + 1) / 2;
        float[] receivers = new float[2 * nrec];
        for (int r = 0; r < nrec; r++) {
            receivers[2 * r] = (float) (2 * h);
            receivers[2 * r + 1] = (float) (2 * r * h);
        }
        ShotGathers s = new ShotGathers(new float[shots * nt * nrec], shots, nt, nrec, sources, receivers, dt, peak,
                1, false);
        return new Observations("fwi", g, null, List.of(), s, null, v, background);
    }

    private static double meanOf(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** The 1-D starting model: the model averaged along x at each depth. */
    static float[] lateralMean(float[] v, ModelGrid g) {
        float[] out = new float[v.length];
        for (int iz = 0; iz < g.nz(); iz++) {
            double s = 0;
            for (int ix = 0; ix < g.nx(); ix++) {
                s += v[iz * g.nx() + ix];
            }
            Arrays.fill(out, iz * g.nx(), (iz + 1) * g.nx(), (float) (s / g.nx()));
        }
        return out;
    }

    private static Observations darcySurvey(Observations t, ModelGrid g) {
        int k = 6;
        float[] positions = new float[2 * k * k];
        int at = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                positions[at++] = (float) ((i + 0.5) * g.nz() / k * g.dz());
                positions[at++] = (float) ((j + 0.5) * g.nx() / k * g.dx());
            }
        }
        float[] wells = {(float) (g.nz() / 2.0 * g.dz()), (float) (g.nx() / 4.0 * g.dx()), 1e-4f};
        HeadData h = new HeadData(new float[k * k], positions, wells, List.of("no-flow", "no-flow", "head:1",
                "head:0"), 1);
        return new Observations("darcy", g, null, List.of(), null, h, t.truth(), null);
    }

    private static Observations withData(Observations s, List<float[]> data, List<WellLog> noisyLogs, double noise,
                                         double[] rms) {
        int k = 0;
        SeismicSection seismic = s.seismic();
        if (seismic != null) {
            seismic = new SeismicSection(data.get(k), seismic.rows(), seismic.nx(), seismic.wavelet(), seismic.dt(),
                    seismic.sameRows(), 0.5 * noise * rms[k], 0.5 * noise);
            k++;
        }
        List<WellLog> wells = new ArrayList<>();
        if (!s.wells().isEmpty()) {
            k++; // well logs observe the model directly: noise is added to each log (noisyLogs)
            wells = noisyLogs;
        }
        ShotGathers f = s.shots();
        if (f != null) {
            f = new ShotGathers(data.get(k), f.shots(), f.nt(), f.receiverCount(), f.sources(), f.receivers(), f.dt(),
                    f.peakHz(), noise * rms[k], f.freeSurface());
            k++;
        }
        HeadData h = s.heads();
        if (h != null) {
            h = new HeadData(data.get(k), h.positions(), h.wells(), h.sides(), Math.max(noise * rms[k], 1e-6));
        }
        return new Observations(s.problem(), s.grid(), seismic, wells, f, h, s.truth(), s.background());
    }
}
