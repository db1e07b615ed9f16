package dev.strata.bench.suite;

import dev.strata.bench.BenchProblems;
import dev.strata.forward.acoustic.AcousticWaveOperator;
import dev.strata.forward.darcy.DarcyFlow;
import dev.strata.forward.darcy.DarcyOperator;
import dev.strata.forward.darcy.DarcyProblem;
import dev.strata.forward.darcy.Preconditioner;
import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.kernels.ComputeBackend;
import dev.strata.sampler.BackendSteps;
import java.util.Map;

/**
 * The physics and guidance kernels through their operators, per backend: the acoustic shot (forward with sponge and
 * with CPML, the Born (linearised) forward run and the checkpointed misfit gradient with their ratios to one forward
 * run), the seismic operator (apply, VJP and its ratio to apply), the Darcy solve and its adjoint gradient (ratio to
 * the solve) with the solve per iteration (multigrid-preconditioned, plain CG and the V-cycle between them), and the
 * sampler's update.
 */
final class OperatorRows {
    /** Bytes per value of {@link #samplerUpdate}: 12 float reads and writes. */
    static final double BYTES_PER_UPDATE = 48.0;

    private OperatorRows() {
    }

    static void run(SuiteContext ctx, String name, ComputeBackend backend) {
        ctx.attempt("acoustic rows on " + name, () -> acoustic(ctx, name, backend));
        ctx.attempt("seismic rows on " + name, () -> seismic(ctx, name, backend));
        ctx.attempt("Darcy rows on " + name, () -> darcy(ctx, name, backend));
        ctx.attempt("sampler-update row on " + name, () -> samplerUpdate(ctx, name, backend));
    }

    private static void acoustic(SuiteContext ctx, String name, ComputeBackend backend) {
        int n = ctx.settings().quick() ? 200 : 400;
        int nt = 600;
        int repeats = ctx.settings().repeats();
        Runnable sponge = null;
        for (boolean cpml : new boolean[] {false, true}) {
            String border = cpml ? "cpml" : "sponge";
            BenchProblems.Batch<AcousticWaveOperator> shot = BenchProblems.acousticShot(n, nt, cpml, backend);
            AcousticWaveOperator op = shot.operator();
            double points = (double) (n + 48) * (n + 48) * nt;
            Runnable apply = () -> op.apply(shot.x(), 1);
            Timing forward = Timing.of(repeats, apply);
            ctx.emit(ctx.row("acoustic-forward-" + border, n, name, backend.device().device(), forward, points,
                    cpml ? Double.NaN : PerfReference.STENCIL_BYTES_PER_POINT, Map.of("nt", nt)));
            float[] dx = new float[shot.x().length];
            java.util.Arrays.fill(dx, 10f);
            Runnable jvp = () -> op.jvp(shot.x(), dx, 1);
            Timing born = Timing.of(repeats, jvp);
            ctx.emit(ctx.row("acoustic-born-" + border, n, name, backend.device().device(), born, points, Double.NaN,
                    Map.of("nt", nt, "ratioToForward", Timing.pairedRatio(repeats, apply, jvp))));
            Runnable misfitGradient = () -> op.misfitGradient(shot.x(), shot.dy());
            Timing gradient = Timing.of(repeats, misfitGradient);
            ctx.emit(ctx.row("acoustic-gradient-" + border, n, name, backend.device().device(), gradient, points,
                    Double.NaN, Map.of("nt", nt, "ratioToForward", Timing.pairedRatio(repeats, apply, misfitGradient),
                            "checkpointInterval", op.checkpointing().interval())));
            if (!cpml) {
                sponge = apply;
                storedRunGradient(ctx, name, backend, shot, apply, points);
            } else {
                ctx.emit(ctx.row("acoustic-cpml-over-sponge", n, name, backend.device().device(), forward, points,
                        Double.NaN, Map.of("nt", nt, "ratioToSponge", Timing.pairedRatio(repeats, sponge, apply))));
            }
        }
        cpmlOverSpongeOnTheIssueModel(ctx, name, backend);
    }

    /**
     * The sponge gradient with memory for the whole run ({@code acoustic-gradient-sponge-stored}): the operator for an
     * unbounded budget ({@link AcousticWaveOperator#withMemoryBudget}), whose ring holds every step, so that nothing
     * is recomputed; {@code bytes} is what it holds, against the checkpointed row's.
     */
    private static void storedRunGradient(SuiteContext ctx, String name, ComputeBackend backend,
                                          BenchProblems.Batch<AcousticWaveOperator> shot, Runnable apply,
                                          double points) {
        AcousticWaveOperator stored = shot.operator().withMemoryBudget(Long.MAX_VALUE / 4);
        Runnable misfitGradient = () -> stored.misfitGradient(shot.x(), shot.dy());
        Timing gradient = Timing.of(ctx.settings().repeats(), misfitGradient);
        ctx.emit(ctx.row("acoustic-gradient-sponge-stored", shot.operator().setup().grid().nx(), name,
                backend.device().device(), gradient, points, Double.NaN, Map.of(
                        "nt", stored.setup().time().nt(),
                        "ratioToForward", Timing.pairedRatio(ctx.settings().repeats(), apply, misfitGradient),
                        "checkpointInterval", stored.checkpointing().interval(),
                        "bytes", stored.bytesForGradient(1),
                        "checkpointedBytes", shot.operator().bytesForGradient(1))));
    }

    /**
     * The CPML against the sponge on the 186 x 800 model the performance issue states its CPML goal on (row n = 800,
     * with nz and nx; 22 % of its 234 x 848 points lie in the strips, against a third of the square rows'): forward
     * runs of 300 steps (600 in a full suite), the ratio paired.
     */
    private static void cpmlOverSpongeOnTheIssueModel(SuiteContext ctx, String name, ComputeBackend backend) {
        int nz = 186;
        int nx = 800;
        int nt = ctx.settings().quick() ? 300 : 600;
        int repeats = ctx.settings().repeats();
        BenchProblems.Batch<AcousticWaveOperator> sponge = BenchProblems.acousticShot(nz, nx, nt, false, backend);
        BenchProblems.Batch<AcousticWaveOperator> cpml = BenchProblems.acousticShot(nz, nx, nt, true, backend);
        Runnable spongeRun = () -> sponge.operator().apply(sponge.x(), 1);
        Runnable cpmlRun = () -> cpml.operator().apply(cpml.x(), 1);
        Timing forward = Timing.of(repeats, cpmlRun);
        ctx.emit(ctx.row("acoustic-cpml-over-sponge", nx, name, backend.device().device(), forward,
                (double) (nz + 48) * (nx + 48) * nt, Double.NaN, Map.of("nt", nt, "nz", nz, "nx", nx,
                        "ratioToSponge", Timing.pairedRatio(repeats, spongeRun, cpmlRun))));
    }

    private static void seismic(SuiteContext ctx, String name, ComputeBackend backend) {
        for (int batch : ctx.settings().quick() ? new int[] {16} : new int[] {1, 16, 64}) {
            BenchProblems.Batch<ConvolutionalSeismic> p = BenchProblems.seismic(batch, backend);
            ConvolutionalSeismic op = p.operator();
            double values = (double) batch * op.inputSize();
            Runnable forward = () -> op.apply(p.x(), batch);
            Runnable adjoint = () -> op.vjp(p.x(), p.dy(), batch);
            Timing apply = Timing.of(ctx.settings().repeats(), forward);
            Timing vjp = Timing.of(ctx.settings().repeats(), adjoint);
            ctx.emit(ctx.row("seismic-apply", batch, name, backend.device().device(), apply, values, Double.NaN,
                    Map.of("batch", batch)));
            ctx.emit(ctx.row("seismic-vjp", batch, name, backend.device().device(), vjp, values, Double.NaN,
                    Map.of("batch", batch, "ratioToApply", Timing.pairedRatio(ctx.settings().repeats(), forward,
                            adjoint))));
        }
    }

    private static void darcy(SuiteContext ctx, String name, ComputeBackend backend) {
        for (int n : ctx.settings().quick() ? new int[] {64} : new int[] {64, 128, 256}) {
            DarcyProblem problem = BenchProblems.darcy(n, Preconditioner.MULTIGRID);
            DarcyOperator op = new DarcyOperator(problem, backend);
            float[] logK = BenchProblems.logConductivity(problem, 1);
            float[] dy = new float[op.outputSize()];
            java.util.Arrays.fill(dy, 1f);
            Runnable heads = () -> op.apply(logK, 1);
            Runnable adjoint = () -> op.vjp(logK, dy, 1);
            Timing solve = Timing.of(ctx.settings().repeats(), heads);
            Timing gradient = Timing.of(ctx.settings().repeats(), adjoint);
            ctx.emit(ctx.row("darcy-solve", n, name, backend.device().device(), solve, (double) n * n, Double.NaN,
                    Map.of()));
            ctx.emit(ctx.row("darcy-gradient", n, name, backend.device().device(), gradient, (double) n * n,
                    Double.NaN, Map.of("ratioToSolve", Timing.pairedRatio(ctx.settings().repeats(), heads, adjoint))));
            darcyIterations(ctx, name, backend, n, logK, solve, iterations(problem, backend, logK));
        }
    }

    /**
     * Per-iteration rows of the Darcy solve, whole solves divided by their iteration counts: the multigrid-
     * preconditioned CG iteration (matvec, vector updates and one V(2,2)-cycle; assembly shared over the
     * iterations), the plain CG iteration of the same problem (matvec and vector updates), and the V-cycle as their
     * difference (a derived row, {@code "derived": true}).
     */
    private static void darcyIterations(SuiteContext ctx, String name, ComputeBackend backend, int n, float[] logK,
                                        Timing multigrid, int multigridIterations) {
        DarcyProblem plain = BenchProblems.darcy(n, Preconditioner.NONE);
        DarcyOperator op = new DarcyOperator(plain, backend);
        Timing solve = Timing.of(ctx.settings().repeats(), () -> op.apply(logK, 1));
        int plainIterations = iterations(plain, backend, logK);
        Timing pcg = perIteration(multigrid, multigridIterations);
        Timing cg = perIteration(solve, plainIterations);
        String device = backend.device().device();
        double points = (double) n * n;
        ctx.emit(ctx.row("darcy-pcg-iteration", n, name, device, pcg, points, Double.NaN,
                Map.of("iterations", multigridIterations)));
        ctx.emit(ctx.row("darcy-cg-iteration", n, name, device, cg, points, Double.NaN,
                Map.of("iterations", plainIterations)));
        ctx.emit(ctx.row("darcy-vcycle", n, name, device, new Timing(pcg.firstSeconds() - cg.firstSeconds(),
                pcg.medianSeconds() - cg.medianSeconds(), pcg.repeats(), pcg.settled() && cg.settled()), points,
                Double.NaN, Map.of("derived", true)));
    }

    private static int iterations(DarcyProblem problem, ComputeBackend backend, float[] logK) {
        return new DarcyFlow(problem, backend).heads(logK, 1).iterations()[0];
    }

    private static Timing perIteration(Timing solve, int iterations) {
        return new Timing(solve.firstSeconds() / iterations, solve.medianSeconds() / iterations, solve.repeats(),
                solve.settled());
    }

    /**
     * One EDM Euler update x + h (x - x̂0) of a batch of 16 seismic-sized samples, hand-over included: the inputs
     * copied in (3 reads, 3 writes), the kernel (3 reads, 1 write), the result copied out (1 read, 1 write), into one
     * array kept over the calls: a new 1 MB array a call made the row time the kernel's page faults on fresh heap
     * whenever the collector had just grown it (about 10x slower for a second or two, in 2 of 7 suite runs).
     */
    private static void samplerUpdate(SuiteContext ctx, String name, ComputeBackend backend) {
        int length = 16 * 2 * 80 * 100;
        float[] x = new float[length];
        float[] x0hat = new float[length];
        float[] dx = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) Math.sin(i);
            x0hat[i] = 0.5f * x[i];
        }
        float[] next = new float[length];
        try (BackendSteps steps = new BackendSteps(backend, length)) {
            int calls = 100;
            Timing t = Timing.of(ctx.settings().repeats(), () -> {
                for (int k = 0; k < calls; k++) {
                    steps.extrapolate(x, x0hat, -0.01, dx, next);
                }
            });
            ctx.emit(ctx.row("sampler-update", length, name, backend.device().device(), t, (double) length * calls,
                    BYTES_PER_UPDATE, Map.of("callsPerRepeat", calls)));
        }
    }
}
