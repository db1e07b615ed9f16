package dev.strata.bench;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import dev.strata.kernels.acoustic.ReferenceWaveProblem;
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
 * The 8th-order acoustic stencil of shared/perf-ref/wave-c on N x N for {@code steps} steps, per backend variant.
 * One operation = one whole run; Mpts/s = N^2 steps / (seconds per op) / 1e6, comparable with wave-c's figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class WaveStencilBenchmark {

    /** Grid size N. */
    @Param({"1024"})
    public int n;

    /** Time steps per operation. */
    @Param({"50"})
    public int steps;

    /** {@code jvm-vector}, {@code jvm-scalar}, {@code jvm-1thread} or any backend spec such as {@code tornadovm:0}. */
    @Param({"jvm-vector", "jvm-scalar"})
    public String variant;

    private ComputeBackend backend;
    private ReferenceWaveProblem problem;

    @Setup(Level.Trial)
    public void setUp() {
        backend = switch (variant) {
            case "jvm-vector" -> new JvmBackend(JvmConfig.defaults().withVectorized(true));
            case "jvm-scalar" -> new JvmBackend(JvmConfig.defaults().withVectorized(false));
            case "jvm-1thread" -> new JvmBackend(JvmConfig.defaults().withThreads(1));
            default -> ComputeBackends.open(variant);
        };
        problem = new ReferenceWaveProblem(n, steps);
    }

    @Benchmark
    public double propagate() {
        return ReferenceWaveProblem.checksum(problem.run(backend));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }
}
