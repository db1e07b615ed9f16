package dev.strata.forward.acoustic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.kernels.jvm.JvmBackend;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcousticPhysicsTest {

    private final JvmBackend backend = JvmBackend.withDefaults();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    @Test
    void firstArrivalInConstantMediumComesAtDistanceOverVelocityWithinOneSample() {
        List<FirstArrivalCheck> checks = FirstArrivalCheck.constantMedium(backend);
        for (FirstArrivalCheck c : checks) {
            String what = "receiver at " + c.distance() + " m: arrival r/v + delay " + c.arrival() + " s, analytic peak "
                    + c.expectedPeak() + " s, modelled peak " + c.measuredPeak() + " s";
            assertTrue(Math.abs(c.errorSamples()) <= 1.0, what + ", error " + c.errorSamples() + " samples");
            assertEquals(1.0, c.amplitudeRatio(), 0.05, what + ", amplitude ratio");
            assertTrue(c.expectedPeak() > c.arrival() && c.expectedPeak() < c.arrival() + 0.25 / 15.0,
                    what + ": the 2-D peak should trail the arrival by less than a quarter period");
        }
    }

    @Test
    void cflViolatingSetupIsRefusedWithTheLargestStableTimeStep() {
        Grid grid = new Grid(40, 48, 10.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AcousticSetup.of(grid,
                new TimeAxis(300, 3e-3), RickerSource.withPeak(10.0), Acquisition.surfaceLine(grid, 1, 2, 2, 4),
                new VelocityRange(1500, 2500)));
        assertContains(e, "CFL", "0.7500", "dt <= 0.00221");
        assertEquals(0.5546, StabilityChecks.maxCourantNumber(), 1e-4);
    }

    @Test
    void tooFewPointsPerWavelengthAreRefusedWithTheLargestUsableFrequency() {
        Grid grid = new Grid(40, 48, 10.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AcousticSetup.of(grid,
                new TimeAxis(300, 1e-3), RickerSource.withPeak(25.0), Acquisition.surfaceLine(grid, 1, 2, 2, 4),
                new VelocityRange(1500, 2500)));
        assertContains(e, "dispersion", "2.40 points per wavelength", "<= 15.00 Hz", "h <= 6.000 m");
    }

    @Test
    void receiverOutsideTheModelIsRefusedNamingShotAndReceiver() {
        Grid grid = new Grid(40, 48, 10.0);
        Acquisition outside = new Acquisition(List.of(
                new Shot(new GridPoint(2, 5), SmallProblems.line(2, 4, 8)),
                new Shot(new GridPoint(2, 30), List.of(new GridPoint(2, 4), new GridPoint(40, 8)))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AcousticSetup.of(grid,
                new TimeAxis(300, 1e-3), RickerSource.withPeak(10.0), outside, new VelocityRange(1500, 2500)));
        assertContains(e, "shot 1 receiver 1", "(z 40, x 8)", "outside");
    }

    @Test
    void velocityOutsideTheCheckedRangeIsRefusedNamingThePoint() {
        AcousticWaveOperator op = new AcousticWaveOperator(SmallProblems.setup(), backend);
        float[] v = SmallProblems.constant(SmallProblems.GRID, 2000);
        v[7 * 48 + 9] = 3000;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.apply(v, 1));
        assertContains(e, "3000", "z 7, x 9", "[1500.0, 2500.0]");
    }

    /**
     * The misfit of a background model against data from a model with a slow blob falls along -g, and its directional
     * derivative by central differences matches (g, d).
     */
    @Test
    void misfitGradientPointsDownhillAndMatchesCentralDifferences() {
        AcousticSetup setup = SmallProblems.setup();
        AcousticWaveOperator op = new AcousticWaveOperator(setup, backend);
        Grid grid = setup.grid();
        float[] truth = background(grid);
        for (int z = 0; z < grid.nz(); z++) {
            for (int x = 0; x < grid.nx(); x++) {
                double r2 = ((z - 22.0) * (z - 22.0) + (x - 24.0) * (x - 24.0)) / 25.0;
                truth[z * grid.nx() + x] -= (float) (200 * Math.exp(-r2));
            }
        }
        float[] observed = op.apply(truth, 1);
        float[] v0 = background(grid);
        Misfit m0 = op.misfitGradient(v0, observed);
        double g2 = 0;
        for (float g : m0.gradient()) {
            g2 += (double) g * g;
        }
        double alpha = 0.01 * m0.value() / g2;
        float[] v1 = v0.clone();
        for (int i = 0; i < v1.length; i++) {
            v1[i] -= (float) (alpha * m0.gradient()[i]);
        }
        double j1 = op.misfitGradient(v1, observed).value();
        double predicted = m0.value() - alpha * g2;
        assertTrue(j1 < m0.value(), "a step along -g raised the misfit from " + m0.value() + " to " + j1);
        assertEquals(predicted, j1, 0.2 * (m0.value() - predicted), "misfit after the step vs first-order prediction");

        float[] dir = new float[v0.length];
        for (int i = 0; i < dir.length; i++) {
            dir[i] = (float) Math.sin(0.3 * i);
        }
        double eps = 1.0;
        double plus = misfit(op, shifted(v0, dir, eps), observed);
        double minus = misfit(op, shifted(v0, dir, -eps), observed);
        double fd = (plus - minus) / (2 * eps);
        double an = 0;
        for (int i = 0; i < dir.length; i++) {
            an += (double) m0.gradient()[i] * dir[i];
        }
        assertEquals(fd, an, 1e-2 * Math.abs(fd), "directional derivative: central difference vs (g, d)");
    }

    /** Data of a flat reflector (direct wave removed) migrated in the background: the image peaks at its depth. */
    @Test
    void rtmOfASingleReflectorPeaksAtTheReflectorDepth() {
        Grid grid = new Grid(50, 60, 10.0);
        int reflector = 30;
        AcousticSetup setup = AcousticSetup.of(grid, new TimeAxis(500, 1.5e-3), RickerSource.withPeak(15.0),
                Acquisition.surfaceLine(grid, 3, 2, 2, 1), new VelocityRange(1500, 2500));
        AcousticWaveOperator op = new AcousticWaveOperator(setup, backend);
        float[] v0 = SmallProblems.constant(grid, 1800);
        float[] layered = v0.clone();
        java.util.Arrays.fill(layered, reflector * grid.nx(), layered.length, 2400f);
        float[] direct = op.apply(v0, 1);
        float[] reflected = op.apply(layered, 1);
        for (int i = 0; i < reflected.length; i++) {
            reflected[i] -= direct[i];
        }
        float[] image = op.rtmImage(v0, reflected);
        double[] depthProfile = new double[grid.nz()];
        int best = 0;
        for (int z = 0; z < grid.nz(); z++) {
            for (int x = 15; x < 45; x++) {
                depthProfile[z] += image[z * grid.nx() + x];
            }
            if (depthProfile[z] > depthProfile[best]) {
                best = z;
            }
        }
        assertTrue(Math.abs(best - reflector) <= 1, "image peaks at depth index " + best + ", reflector at "
                + reflector + "; profile " + java.util.Arrays.toString(depthProfile));
    }

    private static double misfit(AcousticWaveOperator op, float[] v, float[] observed) {
        float[] d = op.apply(v, 1);
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            double r = (double) d[i] - observed[i];
            s += 0.5 * r * r;
        }
        return s;
    }

    private static float[] shifted(float[] v, float[] dir, double eps) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] + eps * dir[i]);
        }
        return out;
    }

    private static float[] background(Grid grid) {
        float[] v = new float[grid.size()];
        for (int z = 0; z < grid.nz(); z++) {
            java.util.Arrays.fill(v, z * grid.nx(), (z + 1) * grid.nx(), (float) (1800 + 10.0 * z));
        }
        return v;
    }

    private static void assertContains(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "': " + e.getMessage());
        }
    }
}
