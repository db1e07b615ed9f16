package dev.strata.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.forward.acoustic.AcousticSetup;
import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.acoustic.Acquisition;
import dev.strata.forward.acoustic.Grid;
import dev.strata.forward.acoustic.Misfit;
import dev.strata.forward.acoustic.RickerSource;
import dev.strata.forward.acoustic.TimeAxis;
import dev.strata.forward.acoustic.VelocityRange;
import dev.strata.io.RawGrid;
import dev.strata.kernels.jvm.JvmBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Marmousi-II (shared/data, 174 x 500 at 20 m) decimated by 3 to 58 x 167 at 60 m, 2.4 Hz Ricker, 4 shots and 84
 * receivers at 60 m depth, 500 steps of 6 ms: forward data, the misfit gradient of a smoothed model, and an RTM image,
 * end to end through the io reader and the acoustic operator. Skipped, with a message, where shared/data is absent.
 */
class MarmousiEndToEndTest {

    private static final String FILE = "marmousi2_denise_174x500.f32";

    @Test
    void marmousiRunsForwardGradientAndRtm() throws IOException {
        Path file = findSharedData(FILE);
        Assumptions.assumeTrue(file != null, "skipped: " + FILE + " not found in ../shared/data above "
                + Path.of("").toAbsolutePath());
        RawGrid marmousi = RawGrid.read(file).decimate(3, 3);
        Grid grid = new Grid(marmousi.nz(), marmousi.nx(), marmousi.dx());
        AcousticSetup setup = AcousticSetup.of(grid, new TimeAxis(500, 6e-3), RickerSource.withPeak(2.4),
                Acquisition.surfaceLine(grid, 4, 1, 1, 2), new VelocityRange(1500, 4800));
        try (JvmBackend backend = JvmBackend.withDefaults()) {
            AcousticWaveOperator op = new AcousticWaveOperator(setup, backend);
            float[] truth = marmousi.values();
            float[] observed = op.apply(truth, 1);
            assertFiniteAndNonZero(observed, "observed data");

            float[] smooth = smooth(truth, grid, 4);
            Misfit m = op.misfitGradient(smooth, observed);
            assertFiniteAndNonZero(m.gradient(), "gradient");
            double g2 = 0;
            for (float g : m.gradient()) {
                g2 += (double) g * g;
            }
            float[] stepped = smooth.clone();
            double alpha = 0.01 * m.value() / g2;
            for (int i = 0; i < stepped.length; i++) {
                stepped[i] = (float) Math.min(4800, Math.max(1500, stepped[i] - alpha * m.gradient()[i]));
            }
            double after = op.misfitGradient(stepped, observed).value();
            assertTrue(after < m.value(), "misfit rose from " + m.value() + " to " + after + " along -g");

            float[] reflections = m.residual().clone();
            for (int i = 0; i < reflections.length; i++) {
                reflections[i] = -reflections[i];
            }
            float[] image = op.rtmImage(smooth, reflections);
            assertFiniteAndNonZero(image, "RTM image");
            int seaFloor = 0;
            while (truth[seaFloor * grid.nx() + grid.nx() / 2] <= 1500f) {
                seaFloor++;
            }
            double water = 0;
            double below = 0;
            for (int z = 2; z < grid.nz(); z++) {
                for (int x = 0; x < grid.nx(); x++) {
                    double a = Math.abs(image[z * grid.nx() + x]);
                    if (z < seaFloor - 1) {
                        water += a;
                    } else {
                        below += a;
                    }
                }
            }
            assertTrue(below > 3 * water, "the image should be mostly below the sea floor (row " + seaFloor
                    + "): |I| below " + below + ", in the water " + water);
        }
    }

    /** {@code shared/data/name} in the nearest ancestor of the working directory that has it; null if none. */
    static Path findSharedData(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }

    /** A box blur of radius r applied twice (a triangle filter), edges clamped; water rows keep 1500 m/s. */
    private static float[] smooth(float[] v, Grid grid, int r) {
        float[] out = v.clone();
        for (int pass = 0; pass < 2; pass++) {
            float[] in = out.clone();
            for (int z = 0; z < grid.nz(); z++) {
                for (int x = 0; x < grid.nx(); x++) {
                    double s = 0;
                    int n = 0;
                    for (int dz = -r; dz <= r; dz++) {
                        for (int dx = -r; dx <= r; dx++) {
                            int zz = Math.min(Math.max(z + dz, 0), grid.nz() - 1);
                            int xx = Math.min(Math.max(x + dx, 0), grid.nx() - 1);
                            s += in[zz * grid.nx() + xx];
                            n++;
                        }
                    }
                    out[z * grid.nx() + x] = (float) (s / n);
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (v[i] <= 1500f) {
                out[i] = 1500f;
            }
        }
        return out;
    }

    private static void assertFiniteAndNonZero(float[] a, String what) {
        double s = 0;
        for (float f : a) {
            assertTrue(Float.isFinite(f), what + " has a non-finite value");
            s += Math.abs(f);
        }
        assertTrue(s > 0, what + " is all zero");
    }
}
