package dev.strata.bench;

import dev.strata.forward.darcy.DarcyFlow;
import dev.strata.forward.darcy.DarcyProblem;
import dev.strata.forward.darcy.Preconditioner;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.jvm.JvmConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Darcy head solve on N x N: assembly of K = exp(m) and the two-point flux system, the multigrid hierarchy, and
 * PCG to relative residual 1e-10 (about 8 to 9 iterations at every N), for a Gaussian random log K of standard
 * deviation 1 and correlation length N / 8 cells, fixed heads left and right, one well. One operation = one solve of
 * {@code batch} models.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DarcySolveBenchmark {

    /** Grid size N. */
    @Param({"64", "128", "256"})
    public int n;

    /** Models solved together. */
    @Param({"1"})
    public int batch;

    /** {@code multigrid} or {@code none} (plain CG; slow at large N). */
    @Param({"multigrid"})
    public String preconditioner;

    /** {@code jvm}, {@code jvm-1thread} or any backend spec such as {@code tornadovm:0}. */
    @Param({"jvm"})
    public String variant;

    private ComputeBackend backend;
    private DarcyFlow flow;
    private float[] logK;

    @Setup(Level.Trial)
    public void setUp() {
        backend = switch (variant) {
            case "jvm" -> JvmBackend.withDefaults();
            case "jvm-1thread" -> new JvmBackend(JvmConfig.defaults().withThreads(1));
            default -> ComputeBackends.open(variant);
        };
        DarcyProblem problem = BenchProblems.darcy(n,
                Preconditioner.valueOf(preconditioner.toUpperCase(java.util.Locale.ROOT)));
        flow = new DarcyFlow(problem, backend);
        logK = BenchProblems.logConductivity(problem, batch);
    }

    @Benchmark
    public double solve() {
        DarcyFlow.Heads h = flow.heads(logK, batch);
        return h.heads()[h.heads().length / 2] + h.iterations()[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }
}
