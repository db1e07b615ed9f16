package dev.strata.forward.acoustic;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.verify.OperatorVerification;
import dev.strata.kernels.ComputeBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code strata verify} for {@link AcousticWaveOperator} with the default sponge: a 32 x 40 grid (h = 10 m), 250 steps
 * of 1.5 ms, 12 Hz, two shots, velocities 1400 .. 2600 m/s; plus the constant-medium first-arrival check
 * ({@link FirstArrivalCheck}). {@link CpmlVerification} runs the same with the CPML border.
 */
public class AcousticVerification implements OperatorVerification {
    private static final Grid GRID = new Grid(32, 40, 10.0);

    private final String name;
    private final AbsorbingBoundary boundary;

    /** The sponge verification, {@code acoustic.fwi}. */
    public AcousticVerification() {
        this("acoustic.fwi", SpongeBoundary.DEFAULT);
    }

    protected AcousticVerification(String name, AbsorbingBoundary boundary) {
        this.name = name;
        this.boundary = boundary;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ForwardOperator operator(ComputeBackend backend) {
        AcousticSetup setup = AcousticSetup.of(GRID, new TimeAxis(250, 1.5e-3), RickerSource.withPeak(12.0),
                Acquisition.surfaceLine(GRID, 2, 2, 2, 2), new VelocityRange(1400, 2600)).withBoundary(boundary);
        return new AcousticWaveOperator(setup, backend);
    }

    /** A gradient 1850 .. 2150 m/s with depth plus two +-100 m/s Gaussian blobs: well inside the checked range. */
    @Override
    public float[] models(ForwardOperator op, SplittableRandom random, int n) {
        int nz = GRID.nz();
        int nx = GRID.nx();
        float[] v = new float[n * nz * nx];
        for (int m = 0; m < n; m++) {
            double[][] blobs = new double[2][];
            for (int k = 0; k < blobs.length; k++) {
                blobs[k] = new double[] {random.nextDouble(nz), random.nextDouble(nx), 3 + 3 * random.nextDouble(),
                        (random.nextBoolean() ? 1 : -1) * 100.0};
            }
            for (int z = 0; z < nz; z++) {
                for (int x = 0; x < nx; x++) {
                    double val = 1850 + 300.0 * z / nz;
                    for (double[] b : blobs) {
                        val += b[3] * Math.exp(-((z - b[0]) * (z - b[0]) + (x - b[1]) * (x - b[1])) / (b[2] * b[2]));
                    }
                    v[(m * nz + z) * nx + x] = (float) val;
                }
            }
        }
        return v;
    }

    /** Worst first-arrival time error (samples, limit 1) and amplitude error (limit 5 %) over three receivers. */
    @Override
    public List<PhysicsCheck> physicsChecks(ComputeBackend backend) {
        double time = 0;
        double amplitude = 0;
        for (FirstArrivalCheck c : FirstArrivalCheck.constantMedium(backend, boundary)) {
            time = Math.max(time, Math.abs(c.errorSamples()));
            amplitude = Math.max(amplitude, Math.abs(c.amplitudeRatio() - 1));
        }
        List<PhysicsCheck> checks = new ArrayList<>();
        checks.add(new PhysicsCheck("firstArrivalErrorSamples", time, 1.0));
        checks.add(new PhysicsCheck("firstArrivalAmplitudeError", amplitude, 0.05));
        return checks;
    }
}
