package dev.strata.bench;

import dev.strata.forward.acoustic.AcousticSetup;
import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.acoustic.Acquisition;
import dev.strata.forward.acoustic.CpmlBoundary;
import dev.strata.forward.acoustic.Grid;
import dev.strata.forward.acoustic.RickerSource;
import dev.strata.forward.acoustic.SpongeBoundary;
import dev.strata.forward.acoustic.TimeAxis;
import dev.strata.forward.acoustic.VelocityRange;
import dev.strata.forward.darcy.Boundaries;
import dev.strata.forward.darcy.Cell;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.DarcyProblem;
import dev.strata.forward.darcy.GaussianRandomField;
import dev.strata.forward.darcy.Preconditioner;
import dev.strata.forward.darcy.SolverSettings;
import dev.strata.forward.darcy.Well;
import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.forward.seismic.RickerWavelet;
import dev.strata.kernels.ComputeBackend;
import java.util.List;
import java.util.SplittableRandom;

/** The problems the benchmarks time (JMH classes and {@code strata bench --suite} alike), with their inputs. */
public final class BenchProblems {
    private BenchProblems() {
    }

    /** An operator with a batch of inputs and output cotangents. */
    public record Batch<T>(T operator, float[] x, float[] dy, int batch) {
    }

    /**
     * One shot on an n x n model, h = 10 m, 2000 .. 2800 m/s in depth, 10 Hz Ricker, dt = 1.5 ms, a receiver at every
     * x at depth 2, 20-point sponge or CPML; {@code dy} holds the data of the truth (+100 m/s in the lower half), so
     * the misfit gradient has a residual. The simulated grid is (n + 48)^2 points per step.
     */
    public static Batch<AcousticWaveOperator> acousticShot(int n, int nt, boolean cpml, ComputeBackend backend) {
        return acousticShot(n, n, nt, cpml, backend);
    }

    /** {@link #acousticShot(int, int, boolean, ComputeBackend)} on an nz x nx model: (nz + 48) x (nx + 48) points. */
    public static Batch<AcousticWaveOperator> acousticShot(int nz, int nx, int nt, boolean cpml,
                                                           ComputeBackend backend) {
        Grid grid = new Grid(nz, nx, 10.0);
        AcousticSetup setup = AcousticSetup.of(grid, new TimeAxis(nt, 1.5e-3), RickerSource.withPeak(10.0),
                Acquisition.surfaceLine(grid, 1, 2, 2, 1), new VelocityRange(2000, 3000))
                .withBoundary(cpml ? CpmlBoundary.DEFAULT : SpongeBoundary.DEFAULT);
        AcousticWaveOperator operator = new AcousticWaveOperator(setup, backend);
        float[] model = new float[grid.size()];
        float[] truth = new float[grid.size()];
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                model[z * nx + x] = (float) (2000 + 800.0 * z / nz);
                truth[z * nx + x] = model[z * nx + x] + (z > nz / 2 ? 100f : 0f);
            }
        }
        return new Batch<>(operator, model, operator.apply(truth, 1), 1);
    }

    /** Seed 000's convolutional seismic operator (2 x 80 x 100, 30 Hz Ricker at 2 ms, 41 taps) on a batch. */
    public static Batch<ConvolutionalSeismic> seismic(int batch, ComputeBackend backend) {
        ConvolutionalSeismic op = ConvolutionalSeismic.defaultProblem(new RickerWavelet(30, 0.002, 41), backend);
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[batch * op.inputSize()];
        int plane = ConvolutionalSeismic.DEFAULT_NZ * ConvolutionalSeismic.DEFAULT_NX;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < plane; i++) {
                x[(2 * b) * plane + i] = r.nextBoolean() ? 1 : 0;
                x[(2 * b + 1) * plane + i] = (float) (5000 + 3000 * r.nextDouble());
            }
        }
        float[] dy = new float[batch * op.outputSize()];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) r.nextGaussian();
        }
        return new Batch<>(op, x, dy, batch);
    }

    /**
     * A Darcy head problem on N x N (fixed heads left and right, one well, one observation in the middle), PCG to
     * 1e-10 with the given preconditioner.
     */
    public static DarcyProblem darcy(int n, Preconditioner preconditioner) {
        DarcyGrid grid = new DarcyGrid(n, n, 10.0);
        SolverSettings settings = SolverSettings.defaults().withPreconditioner(preconditioner)
                .withMaxIterations(20 * n);
        return new DarcyProblem(grid, Boundaries.lateral(1.0, 0.0),
                List.of(new Well(new Cell(n / 2, n / 3), 0.5)), List.of(new Cell(n / 2, n / 2)), settings);
    }

    /** Gaussian random log K of standard deviation 1 and correlation length N / 8 cells, for a batch. */
    public static float[] logConductivity(DarcyProblem problem, int batch) {
        DarcyGrid grid = problem.grid();
        return new GaussianRandomField(grid, 0, 1.0, grid.nx() * 10.0 / 8, 256)
                .samples(new SplittableRandom(2512), batch);
    }
}
