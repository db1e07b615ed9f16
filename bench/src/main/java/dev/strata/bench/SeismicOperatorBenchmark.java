package dev.strata.bench;

import dev.strata.forward.seismic.ConvolutionalSeismic;
import dev.strata.kernels.jvm.JvmBackend;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The convolutional seismic operator of seed 000 (2 x 80 x 100, 30 Hz Ricker at 2 ms, 41 taps) on a batch:
 * apply and VJP. One operation = one batched call; models per second = batch / (seconds per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SeismicOperatorBenchmark {

    @Param({"16"})
    public int batch;

    private ConvolutionalSeismic op;
    private float[] x;
    private float[] dy;

    @Setup(Level.Trial)
    public void setUp() {
        BenchProblems.Batch<ConvolutionalSeismic> problem = BenchProblems.seismic(batch, JvmBackend.common());
        op = problem.operator();
        x = problem.x();
        dy = problem.dy();
    }

    @Benchmark
    public float[] apply() {
        return op.apply(x, batch);
    }

    @Benchmark
    public float[] vjp() {
        return op.vjp(x, dy, batch);
    }
}
