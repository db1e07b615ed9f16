package dev.strata.bench;

import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.acoustic.ReferenceWaveProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end stencil benchmark: Strata's wave stencil on a backend and the C/OpenMP reference of
 * {@code shared/perf-ref/wave-c} on the same problem, in the same run, reported as a ratio. The best of
 * {@code reps} timed runs after one warm-up run counts, as wave.c reports per repetition.
 */
public final class StencilBench {

    /**
     * One measurement.
     *
     * @param impl     what ran ({@code c}, or a backend and device)
     * @param n        grid size N (N x N)
     * @param steps    time steps
     * @param seconds  best wall time of the propagation
     * @param mpts     N^2 steps / seconds / 1e6
     * @param checksum sum of p^2 of the final field
     * @param firstSeconds wall time of the first run, which builds (on a device backend, compiles) the plans; NaN
     *                     where not measured (the C reference)
     */
    public record Row(String impl, int n, int steps, double seconds, double mpts, double checksum,
                      double firstSeconds) {
    }

    private StencilBench() {
    }

    /**
     * Times the Java stencil on {@code backend}: the first run (plans built, on a device compiled) apart, then the
     * best of {@code reps} runs that reuse the plans.
     */
    public static Row java(ComputeBackend backend, int n, int steps, int reps) {
        ReferenceWaveProblem problem = new ReferenceWaveProblem(n, steps);
        long start = System.nanoTime();
        problem.run(backend);
        double first = (System.nanoTime() - start) / 1e9;
        double best = Double.POSITIVE_INFINITY;
        double checksum = 0;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            float[] p = problem.run(backend);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            checksum = ReferenceWaveProblem.checksum(p);
        }
        return new Row(backend.name() + ":" + backend.device().index(), n, steps, best, (double) n * n * steps / best / 1e6,
                checksum, first);
    }

    /**
     * Builds (make, gcc -O3 -fopenmp) and runs the C reference in {@code perfRef} with {@code threads} OpenMP threads;
     * empty when the folder or a C compiler is missing, so the caller can say so.
     */
    public static List<Row> c(Path perfRef, int n, int steps, int reps, int threads) throws IOException, InterruptedException {
        if (!Files.isRegularFile(perfRef.resolve("Makefile"))) {
            return List.of();
        }
        Process make = new ProcessBuilder("make", "-s", "-C", perfRef.toString(), "wave-c/wave").redirectErrorStream(true).start();
        String makeOut = new String(make.getInputStream().readAllBytes());
        if (!make.waitFor(300, TimeUnit.SECONDS) || make.exitValue() != 0) {
            throw new IOException("building the C reference in " + perfRef + " failed: " + makeOut.strip());
        }
        ProcessBuilder pb = new ProcessBuilder(perfRef.resolve("wave-c/wave").toString(), String.valueOf(n),
                String.valueOf(steps), String.valueOf(reps)).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        pb.environment().put("OMP_PROC_BIND", "true");
        pb.environment().put("OMP_PLACES", "cores");
        Process wave = pb.start();
        String out = new String(wave.getInputStream().readAllBytes());
        if (!wave.waitFor(600, TimeUnit.SECONDS) || wave.exitValue() != 0) {
            throw new IOException("the C reference failed: " + out.strip());
        }
        Pattern p = Pattern.compile("RESULT bench=wave impl=(\\S+) N=(\\d+) threads=(\\d+) steps=(\\d+) rep=\\d+ seconds=(\\S+) mpts=\\S+ checksum=(\\S+)");
        Row best = null;
        for (String line : out.split("\n")) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                double s = Double.parseDouble(m.group(5));
                if (best == null || s < best.seconds()) {
                    best = new Row(m.group(1) + "-omp" + m.group(3), n, steps, s, (double) n * n * steps / s / 1e6,
                            Double.parseDouble(m.group(6)), Double.NaN);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        if (best != null) {
            rows.add(best);
        }
        return rows;
    }
}
