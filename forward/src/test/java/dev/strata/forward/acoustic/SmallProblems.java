package dev.strata.forward.acoustic;

import java.util.List;
import java.util.SplittableRandom;

/** Small setups and models shared by the acoustic tests. */
final class SmallProblems {
    private SmallProblems() {
    }

    static final Grid GRID = new Grid(40, 48, 10.0);
    static final VelocityRange RANGE = new VelocityRange(1500, 2500);

    /** 40 x 48, h = 10 m, 300 steps of 1.5 ms, 15 Hz, 2 shots at depth 2, 24 receivers at depth 2 every 2 points. */
    static AcousticSetup setup() {
        return setup(300);
    }

    /** {@link #setup()} with {@code nt} steps. */
    static AcousticSetup setup(int nt) {
        return AcousticSetup.of(GRID, new TimeAxis(nt, 1.5e-3), RickerSource.withPeak(15.0),
                Acquisition.surfaceLine(GRID, 2, 2, 2, 2), RANGE);
    }

    /** Background 1800 + 300 z / nz m/s plus three Gaussian blobs of +-150 m/s at random places. */
    static float[] smoothModels(SplittableRandom random, int n) {
        int nz = GRID.nz();
        int nx = GRID.nx();
        float[] v = new float[n * nz * nx];
        for (int m = 0; m < n; m++) {
            double[][] blobs = new double[3][];
            for (int k = 0; k < blobs.length; k++) {
                blobs[k] = new double[] {random.nextDouble(nz), random.nextDouble(nx), 3 + 4 * random.nextDouble(),
                        (random.nextBoolean() ? 1 : -1) * 150.0};
            }
            for (int z = 0; z < nz; z++) {
                for (int x = 0; x < nx; x++) {
                    double val = 1800 + 300.0 * z / nz;
                    for (double[] b : blobs) {
                        double r2 = ((z - b[0]) * (z - b[0]) + (x - b[1]) * (x - b[1])) / (b[2] * b[2]);
                        val += b[3] * Math.exp(-r2);
                    }
                    v[(m * nz + z) * nx + x] = (float) val;
                }
            }
        }
        return v;
    }

    /** A constant model. */
    static float[] constant(Grid grid, double velocity) {
        float[] v = new float[grid.size()];
        java.util.Arrays.fill(v, (float) velocity);
        return v;
    }

    /** Sources along a line at depth index z. */
    static List<GridPoint> line(int z, int... xs) {
        return java.util.Arrays.stream(xs).mapToObj(x -> new GridPoint(z, x)).toList();
    }
}
