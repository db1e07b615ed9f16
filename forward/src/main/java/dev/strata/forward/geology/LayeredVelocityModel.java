package dev.strata.forward.geology;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * P-wave velocity sections of folded layers, optionally cut by faults, in the manner of the OpenFWI "FlatVel",
 * "CurveVel" and "FlatFault" / "CurveFault" families; one channel, velocity in m/s.
 *
 * <p><b>Layers.</b> L layers (L uniform in [minLayers, maxLayers]) with velocities v_1 &lt;= ... &lt;= v_L, the sorted
 * values of L uniform draws from {@code velocity}, so velocity never decreases with depth inside a fault block. The
 * L - 1 boundaries are
 * <pre>
 *   z_k(x) = d_k + A sin(2 pi x / lambda + phi) + R sum_{j=1..3} a_kj sin(j pi x / W + psi_kj) / (j H_3),
 * </pre>
 * d_k sorted uniform depths in the section, one fold (A from {@code foldAmplitude}, lambda from
 * {@code foldWavelength}, phi uniform) shared by all boundaries so the layers stay conformable, a small smooth
 * roughness of amplitude R = {@code roughness} per boundary (a_kj uniform in [-1, 1], W the section width, H_3 = 11/6).
 * A point lies in layer 1 + (number of boundaries above it).
 *
 * <p><b>Faults.</b> Each of {@code faults} planar faults passes through a point drawn in the middle half of the section
 * (dip angle theta from {@code faultDip} in degrees, dipping left or right with equal odds). The block on the upper
 * side of the plane (the hanging wall) is moved along the dip by a throw from {@code faultThrow} in metres, down
 * (normal fault) or up (reverse fault) with equal odds: the velocity there is the unfaulted velocity at the point
 * displaced back by the slip. Faults are applied one after another.
 *
 * @param grid           the section (default 70 x 70 cells of 10 m, as OpenFWI)
 * @param velocity       range of layer velocities in m/s, positive (default 1500 to 4500)
 * @param minLayers      fewest layers, >= 1 (default 3)
 * @param maxLayers      most layers, >= minLayers (default 8)
 * @param foldAmplitude  A in m, >= 0 (default 0 to 60)
 * @param foldWavelength lambda in m, positive (default 300 to 1400)
 * @param roughness      R in m, >= 0 (default 10)
 * @param faults         number of faults, >= 0 (0 for {@link #layered()}, 1 for {@link #faulted()})
 * @param faultThrow     throw in m along the dip, >= 0 (default 50 to 200)
 * @param faultDip       dip in degrees from the horizontal, in (0, 90] (default 45 to 80)
 */
public record LayeredVelocityModel(SectionGrid grid, Interval velocity, int minLayers, int maxLayers,
                                   Interval foldAmplitude, Interval foldWavelength, double roughness, int faults,
                                   Interval faultThrow, Interval faultDip) implements ModelGenerator {

    private static final double HARMONIC_3 = 11.0 / 6.0;

    public LayeredVelocityModel {
        if (grid == null || velocity == null || foldAmplitude == null || foldWavelength == null
                || faultThrow == null || faultDip == null) {
            throw new IllegalArgumentException("grid and every interval must be given");
        }
        if (!velocity.positive() || minLayers < 1 || maxLayers < minLayers || faults < 0) {
            throw new IllegalArgumentException("need positive velocities, 1 <= minLayers <= maxLayers and faults"
                    + " >= 0, got " + velocity + ", " + minLayers + ", " + maxLayers + ", " + faults);
        }
        if (foldAmplitude.lo() < 0 || !foldWavelength.positive() || !(roughness >= 0)
                || Double.isInfinite(roughness) || faultThrow.lo() < 0 || !faultDip.positive()
                || faultDip.hi() > 90) {
            throw new IllegalArgumentException("need fold amplitude, roughness and throw >= 0, a positive fold"
                    + " wavelength and a dip in (0, 90] degrees");
        }
    }

    /** Folded layers without faults on 70 x 70 cells of 10 m. */
    public static LayeredVelocityModel layered() {
        return layered(new SectionGrid(70, 70, 10, 10));
    }

    /** Folded layers without faults on {@code grid}. */
    public static LayeredVelocityModel layered(SectionGrid grid) {
        return new LayeredVelocityModel(grid, new Interval(1500, 4500), 3, 8, new Interval(0, 60),
                new Interval(300, 1400), 10, 0, new Interval(50, 200), new Interval(45, 80));
    }

    /** Folded layers cut by one fault on 70 x 70 cells of 10 m. */
    public static LayeredVelocityModel faulted() {
        return faulted(new SectionGrid(70, 70, 10, 10));
    }

    /** Folded layers cut by one fault on {@code grid}. */
    public static LayeredVelocityModel faulted(SectionGrid grid) {
        return layered(grid).withFaults(1);
    }

    /** This family with {@code count} faults. */
    public LayeredVelocityModel withFaults(int count) {
        return new LayeredVelocityModel(grid, velocity, minLayers, maxLayers, foldAmplitude, foldWavelength,
                roughness, count, faultThrow, faultDip);
    }

    @Override
    public List<Channel> channels() {
        return List.of(new Channel("velocity", "m/s"));
    }

    @Override
    public Record config() {
        return this;
    }

    @Override
    public float[] sample(SplittableRandom random) {
        Layers layers = drawLayers(random);
        Fault[] cuts = new Fault[faults];
        for (int f = 0; f < faults; f++) {
            cuts[f] = drawFault(random);
        }
        float[] v = new float[grid.cells()];
        for (int iz = 0; iz < grid.nz(); iz++) {
            for (int ix = 0; ix < grid.nx(); ix++) {
                double z = (iz + 0.5) * grid.dz();
                double x = (ix + 0.5) * grid.dx();
                for (int f = faults - 1; f >= 0; f--) { // undo the last fault first
                    Fault c = cuts[f];
                    if (c.hangingWall(z, x)) {
                        z -= c.slipZ();
                        x -= c.slipX();
                    }
                }
                v[iz * grid.nx() + ix] = (float) layers.velocityAt(z, x);
            }
        }
        return v;
    }

    private Layers drawLayers(SplittableRandom random) {
        int count = minLayers + random.nextInt(maxLayers - minLayers + 1);
        double[] speeds = new double[count];
        for (int k = 0; k < count; k++) {
            speeds[k] = velocity.draw(random);
        }
        Arrays.sort(speeds);
        double[] depths = new double[count - 1];
        for (int k = 0; k < depths.length; k++) {
            depths[k] = grid.depth() * random.nextDouble();
        }
        Arrays.sort(depths);
        double amplitude = foldAmplitude.draw(random);
        double wavenumber = 2 * Math.PI / foldWavelength.draw(random);
        double phase = 2 * Math.PI * random.nextDouble();
        double[] rough = new double[depths.length * 6];
        for (int i = 0; i < rough.length; i += 2) {
            rough[i] = 2 * random.nextDouble() - 1;
            rough[i + 1] = 2 * Math.PI * random.nextDouble();
        }
        return new Layers(speeds, depths, amplitude, wavenumber, phase, roughness / HARMONIC_3,
                Math.PI / grid.width(), rough);
    }

    private Fault drawFault(SplittableRandom random) {
        double z0 = grid.depth() * (0.25 + 0.5 * random.nextDouble());
        double x0 = grid.width() * (0.25 + 0.5 * random.nextDouble());
        double dip = Math.toRadians(faultDip.draw(random));
        double side = random.nextBoolean() ? 1 : -1; // the plane descends towards +x (1) or -x (-1)
        double slip = faultThrow.draw(random) * (random.nextBoolean() ? 1 : -1); // down (normal) or up (reverse)
        return new Fault(z0, x0, Math.cos(dip) * side, Math.sin(dip), slip);
    }

    /** Layer velocities and boundary shapes of one model. */
    private record Layers(double[] speeds, double[] depths, double amplitude, double wavenumber, double phase,
                          double roughness, double roughWavenumber, double[] rough) {
        double velocityAt(double z, double x) {
            double fold = amplitude * Math.sin(wavenumber * x + phase);
            int above = 0;
            for (int k = 0; k < depths.length; k++) {
                double r = 0;
                for (int j = 1; j <= 3; j++) {
                    int o = k * 6 + (j - 1) * 2;
                    r += rough[o] * Math.sin(j * roughWavenumber * x + rough[o + 1]) / j;
                }
                if (depths[k] + fold + roughness * r < z) {
                    above++;
                }
            }
            return speeds[above];
        }
    }

    /**
     * A planar fault through (z0, x0) with down-dip unit direction (ux, uz), uz > 0; the hanging wall (above the
     * plane) is displaced by {@code slip} metres along (ux, uz).
     */
    private record Fault(double z0, double x0, double ux, double uz, double slip) {
        boolean hangingWall(double z, double x) {
            // signed distance to the plane, positive above it: normal (uz, -ux) in (x, z) flipped to point up
            double n = (x - x0) * uz * Math.signum(ux) - (z - z0) * Math.abs(ux);
            return n > 0;
        }

        double slipZ() {
            return slip * uz;
        }

        double slipX() {
            return slip * ux;
        }
    }
}
