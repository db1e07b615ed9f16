package dev.strata.bench;

import dev.strata.forward.acoustic.AcousticWaveOperator;
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
 * One shot of {@link AcousticWaveOperator} on an n x n model (h = 10 m, 2000 .. 2800 m/s in depth (truth: +100 m/s in the lower half), 10 Hz Ricker,
 * dt = 1.5 ms, a receiver at every x at depth 2, 20-point sponge or CPML): the forward modelling, and the misfit gradient
 * (checkpointed forward run + adjoint sweep). One operation = one whole shot; the grid simulated is
 * (n + 48)^2 points per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class AcousticShotBenchmark {

    /** Model size n (n x n points). */
    @Param({"200", "400"})
    public int n;

    /** Time steps. */
    @Param({"600"})
    public int nt;

    /** Absorbing border: {@code sponge} (Cerjan, 20 points) or {@code cpml} (20 points). */
    @Param({"sponge", "cpml"})
    public String boundary;

    /** {@code jvm-vector}, {@code jvm-scalar} or any backend spec such as {@code tornadovm:0}. */
    @Param({"jvm-vector"})
    public String variant;

    private ComputeBackend backend;
    private AcousticWaveOperator operator;
    private float[] model;
    private float[] observed;

    @Setup(Level.Trial)
    public void setUp() {
        backend = switch (variant) {
            case "jvm-vector" -> new JvmBackend(JvmConfig.defaults().withVectorized(true));
            case "jvm-scalar" -> new JvmBackend(JvmConfig.defaults().withVectorized(false));
            default -> ComputeBackends.open(variant);
        };
        BenchProblems.Batch<AcousticWaveOperator> shot = BenchProblems.acousticShot(n, nt, boundary.equals("cpml"), backend);
        operator = shot.operator();
        model = shot.x();
        observed = shot.dy();
    }

    @Benchmark
    public float forwardShot() {
        return operator.apply(model, 1)[0];
    }

    @Benchmark
    public double gradientShot() {
        return operator.misfitGradient(model, observed).value();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }
}
