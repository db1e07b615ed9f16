package dev.strata.cli.demo;

import dev.strata.io.Colormap;
import dev.strata.io.FieldPlot;
import dev.strata.io.Hdf5Writer;
import dev.strata.io.Panel;
import dev.strata.io.ValueRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the demo's results: {@code posterior.h5} (truth, data, samples, mean, std, settings as attributes) and
 * {@code posterior.png}. Each file is written atomically; if the picture fails after the HDF5 file was written, the
 * HDF5 file is removed again, so a failed run leaves no partial output.
 */
public final class DemoOutputs {
    public static final String HDF5 = "posterior.h5";
    public static final String PNG = "posterior.png";

    private DemoOutputs() {
    }

    /** Writes both files into {@code dir} (created if missing) and returns their paths. */
    public static List<Path> write(Path dir, SeismicDemo.Result r) {
        SeismicDemoConfig c = r.config();
        Hdf5Writer h5 = hdf5(r);
        FieldPlot plot = new FieldPlot(FieldPlot.Options.defaults().withColumns(3).withPixelsPerCell(3));
        String title = String.format("Seismic impedance inversion: %d posterior samples (EDM + DPS)", c.samples());
        List<Panel> panels = panels(r);
        boolean created = !Files.isDirectory(dir);
        Path h5Path = dir.resolve(HDF5);
        Path pngPath = dir.resolve(PNG);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir + ": " + e.getMessage()
                    + "; choose another --out", e);
        }
        try {
            h5.write(h5Path);
            try {
                plot.write(pngPath, title, panels);
            } catch (IOException e) {
                Files.deleteIfExists(h5Path);
                throw e;
            }
        } catch (IOException e) {
            if (created) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // the folder is not empty: something else was put there meanwhile; leave it
                }
            }
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return List.of(h5Path, pngPath);
    }

    static List<Panel> panels(SeismicDemo.Result r) {
        SeismicDemoConfig c = r.config();
        int nz = c.nz();
        int nx = c.nx();
        int plane = nz * nx;
        ValueRange ip = ValueRange.of(r.truth(), r.mean());
        return List.of(
                Panel.of("true impedance (unknown)", r.truth(), nz, nx, Colormap.VIRIDIS).withRange(ip),
                Panel.of("observed seismic (10% noise)", r.data(), nz - 1, nx, Colormap.SEISMIC),
                Panel.of("posterior mean", r.mean(), nz, nx, Colormap.VIRIDIS).withRange(ip),
                Panel.of("posterior sample 1", Arrays.copyOfRange(r.samples(), 0, plane), nz, nx, Colormap.VIRIDIS)
                        .withRange(ip),
                Panel.of("posterior sample 2", Arrays.copyOfRange(r.samples(), plane, 2 * plane), nz, nx,
                        Colormap.VIRIDIS).withRange(ip),
                Panel.of("posterior std (prior std " + Math.round(c.stdIp()) + ")", r.std(), nz, nx, Colormap.VIRIDIS));
    }

    static Hdf5Writer hdf5(SeismicDemo.Result r) {
        SeismicDemoConfig c = r.config();
        int nz = c.nz();
        int nx = c.nx();
        Hdf5Writer w = new Hdf5Writer()
                .putFloats("model/truth", r.truth(), nz, nx)
                .putFloats("data/seismic", r.data(), nz - 1, nx)
                .putFloats("data/clean", r.cleanData(), nz - 1, nx)
                .putFloats("posterior/samples", r.samples(), c.samples(), nz, nx)
                .putFloats("posterior/mean", r.mean(), nz, nx)
                .putFloats("posterior/std", r.std(), nz, nx)
                .putAttribute("/", "strata_command", "demo")
                .putAttribute("/", "problem", "convolutional seismic, acoustic impedance, 1 channel")
                .putAttribute("/", "sampler", "EDM Euler (Karras 2022) + DPS (Chung 2023)")
                .putAttribute("/", "prior", "Gaussian, cosine-basis spectrum, corrZ " + c.corrZ() + " corrX " + c.corrX())
                .putAttribute("/", "seed", Long.toString(c.seed()))
                .putAttribute("/", "samples", c.samples())
                .putAttribute("/", "steps", c.steps())
                .putAttribute("/", "zeta", c.zeta())
                .putAttribute("/", "ricker_peak_hz", c.peakHz())
                .putAttribute("/", "dt_s", c.dt())
                .putAttribute("/", "prior_mean_ip", c.meanIp())
                .putAttribute("/", "prior_std_ip", c.stdIp())
                .putAttribute("/", "noise_std", r.noiseStd())
                .putAttribute("/", "seconds", r.seconds());
        for (int b = 0; b < r.chi().length; b++) {
            w.putAttribute("posterior/samples", "chi_" + b, r.chi()[b]);
        }
        return w;
    }
}
