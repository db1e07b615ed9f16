package dev.strata.forward.acoustic;

import dev.strata.kernels.ComputeBackend;
import java.util.List;

/**
 * Physics oracle: in a constant medium the wave of a point source reaches a receiver at distance r after r / v. The
 * modelled trace is compared with the analytic 2-D trace for the same source,
 * <pre>
 *   u(r, t) = (1 / 2 pi) int_{r/v}^inf w(t - tau) / sqrt(tau^2 - r^2 / v^2) dtau = (1 / 2 pi) int_0^inf w(t - (r/v) cosh s) ds,
 * </pre>
 * the wavelet w convolved with the 2-D Green's function of u_tt = v^2 (Laplacian u + w delta). The 2-D tail puts the
 * trace's peak a little after r / v + delay; both peaks are picked the same way (largest sample, refined by a
 * parabola through it and its neighbours), so their difference is the error of the modelled arrival time.
 *
 * @param distance        source-receiver distance in m
 * @param arrival         r / v + delay: when the wavelet's centre arrives, in s
 * @param expectedPeak    peak time of the analytic trace, in s
 * @param measuredPeak    peak time of the modelled trace, in s
 * @param dt              time sample in s
 * @param amplitudeRatio  modelled peak value / analytic peak value
 */
public record FirstArrivalCheck(double distance, double arrival, double expectedPeak, double measuredPeak, double dt,
                                double amplitudeRatio) {

    /** Velocity of the constant-medium check, m/s. */
    public static final double VELOCITY = 2000.0;

    /** Arrival-time error in time samples (signed). */
    public double errorSamples() {
        return (measuredPeak - expectedPeak) / dt;
    }

    /**
     * The check on an 80 x 100 grid, h = 10 m, v = 2000 m/s, 15 Hz Ricker, dt = 1 ms, 500 steps; source at (40, 20),
     * receivers at offsets 300 m and 600 m in x and at (20, 70) (about 539 m at 22 degrees). Returns one result per
     * receiver.
     */
    public static List<FirstArrivalCheck> constantMedium(ComputeBackend backend) {
        return constantMedium(backend, SpongeBoundary.DEFAULT);
    }

    /** {@link #constantMedium(ComputeBackend)} with another absorbing border. */
    public static List<FirstArrivalCheck> constantMedium(ComputeBackend backend, AbsorbingBoundary boundary) {
        Grid grid = new Grid(80, 100, 10.0);
        TimeAxis time = new TimeAxis(500, 1e-3);
        RickerSource source = RickerSource.withPeak(15.0);
        GridPoint src = new GridPoint(40, 20);
        List<GridPoint> receivers = List.of(new GridPoint(40, 50), new GridPoint(40, 80), new GridPoint(20, 70));
        AcousticSetup setup = AcousticSetup.of(grid, time, source,
                Acquisition.fixedSpread(List.of(src), receivers), new VelocityRange(VELOCITY, VELOCITY))
                .withBoundary(boundary);
        float[] v = new float[grid.size()];
        java.util.Arrays.fill(v, (float) VELOCITY);
        float[] data = new AcousticWaveOperator(setup, backend).apply(v, 1);
        List<FirstArrivalCheck> out = new java.util.ArrayList<>();
        for (int r = 0; r < receivers.size(); r++) {
            double dist = src.distance(receivers.get(r), grid.spacing());
            double[] modelled = new double[time.nt()];
            for (int t = 0; t < time.nt(); t++) {
                modelled[t] = data[t * receivers.size() + r];
            }
            double[] analytic = analyticTrace(source, time, VELOCITY, dist);
            int im = argMax(modelled);
            int ia = argMax(analytic);
            out.add(new FirstArrivalCheck(dist, dist / VELOCITY + source.delay(), peakTime(analytic, ia, time.dt()),
                    peakTime(modelled, im, time.dt()), time.dt(), modelled[im] / analytic[ia]));
        }
        return out;
    }

    /**
     * The analytic 2-D trace u(r, k dt) above for a Ricker source, by the trapezoid rule in s (step 1e-3) up to where
     * the wavelet has died out (6 / f before its centre).
     */
    public static double[] analyticTrace(RickerSource source, TimeAxis time, double velocity, double distance) {
        if (!(distance > 0)) {
            throw new IllegalArgumentException("the 2-D trace is singular at the source; distance must be > 0, got "
                    + distance);
        }
        double a = distance / velocity;
        double ds = 1e-3;
        double earliest = source.delay() - 6.0 / source.peakFrequency();
        double[] u = new double[time.nt()];
        for (int k = 0; k < u.length; k++) {
            double t = k * time.dt();
            double limit = (t - earliest) / a;
            if (limit <= 1) {
                continue;
            }
            double smax = Math.log(limit + Math.sqrt(limit * limit - 1));
            int steps = (int) Math.ceil(smax / ds);
            double h = smax / steps;
            double sum = 0.5 * (source.amplitude(t - a) + source.amplitude(t - a * Math.cosh(smax)));
            for (int i = 1; i < steps; i++) {
                sum += source.amplitude(t - a * Math.cosh(i * h));
            }
            u[k] = sum * h / (2 * Math.PI);
        }
        return u;
    }

    private static int argMax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Vertex of the parabola through samples i - 1, i, i + 1, as a time. */
    private static double peakTime(double[] x, int i, double dt) {
        if (i == 0 || i == x.length - 1) {
            return i * dt;
        }
        double den = x[i - 1] - 2 * x[i] + x[i + 1];
        double shift = den == 0 ? 0 : 0.5 * (x[i - 1] - x[i + 1]) / den;
        return (i + shift) * dt;
    }
}
