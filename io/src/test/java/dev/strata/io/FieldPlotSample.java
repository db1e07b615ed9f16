package dev.strata.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a sample figure for looking at: {@code FieldPlotSample OUT.png [builtin]}. Not a test. */
final class FieldPlotSample {
    private FieldPlotSample() {
    }

    public static void main(String[] args) throws IOException {
        int nz = 80;
        int nx = 100;
        float[] truth = new float[nz * nx];
        float[] mean = new float[nz * nx];
        float[] std = new float[nz * nx];
        float[] facies = new float[nz * nx];
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                double interface1 = 25 + 6 * Math.sin(x / 15.0);
                double interface2 = 55 - 0.1 * x;
                boolean sand = z > interface1 && z < interface2;
                int i = z * nx + x;
                truth[i] = (float) (1500 + 20 * z + (sand ? 600 : 0));
                mean[i] = (float) (1500 + 20 * z + 600 / (1 + Math.exp(-(z - interface1) / 3))
                        * (1 / (1 + Math.exp((z - interface2) / 3))));
                std[i] = (float) (30 + 150 * Math.exp(-Math.pow(z - interface1, 2) / 20)
                        + 150 * Math.exp(-Math.pow(z - interface2, 2) / 20));
                facies[i] = sand ? 1 : 0;
            }
        }
        int nt = 120;
        int nrec = 100;
        float[] shot = new float[nt * nrec];
        for (int r = 0; r < nrec; r++) {
            for (int t = 0; t < nt; t++) {
                double offset = (r - 30) * 0.8;
                double arrival = Math.sqrt(30 * 30 + offset * offset);
                double u = (t - arrival) / 4;
                double u2 = (t - arrival - 40) / 4;
                shot[t * nrec + r] = (float) ((1 - 2 * u * u) * Math.exp(-u * u) - 0.5 * (1 - 2 * u2 * u2)
                        * Math.exp(-u2 * u2));
            }
        }
        ValueRange shared = ValueRange.of(truth, mean);
        FieldPlot.Options options = FieldPlot.Options.defaults();
        if (args.length > 1 && args[1].equals("builtin")) {
            options = options.withText(FieldPlot.Text.BUILT_IN_FONT);
        }
        new FieldPlot(options).write(Path.of(args[0]), "DPS posterior, 64 samples (sigma = 0.05)", List.of(
                Panel.of("truth velocity (m/s)", truth, nz, nx, Colormap.VIRIDIS).withRange(shared)
                        .withMarkers(20, 75),
                Panel.of("posterior mean", mean, nz, nx, Colormap.VIRIDIS).withRange(shared).withMarkers(20, 75),
                Panel.of("posterior std", std, nz, nx, Colormap.VIRIDIS),
                Panel.of("shot 0: pressure", shot, nt, nrec, Colormap.SEISMIC),
                Panel.of("facies (sand = 1)", facies, nz, nx, Colormap.GREY),
                Panel.of("mean - truth", diff(mean, truth), nz, nx, Colormap.RDBU_R)));
    }

    private static float[] diff(float[] a, float[] b) {
        float[] d = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
