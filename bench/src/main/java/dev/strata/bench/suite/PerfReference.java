package dev.strata.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The yardsticks of {@code shared/perf-ref}, built (make, gcc -O3 -march=native -fopenmp) and run in the same run as
 * the Java measurements: the STREAM-style triad (GB/s, the bandwidth bound) and the C/OpenMP wave stencil (Mpts/s,
 * the reference of every stencil ratio). Each figure is the median of the repetitions the program prints.
 */
public final class PerfReference {
    /** Bytes one point of the sponge wave stencil moves per step: read p, p_prev, vc, write p_next (float32). */
    public static final double STENCIL_BYTES_PER_POINT = 16.0;

    /**
     * The C stencil at one size: median seconds and Mpts/s, and its checksum (sum of p^2 of the final field); with
     * {@code flushToZero}, run with the CPU's flush-to-zero and denormals-are-zero modes on.
     */
    public record Wave(int n, int steps, int threads, boolean flushToZero, double seconds, double mpts,
                       double checksum) {
    }

    private final Path dir;

    private PerfReference(Path dir) {
        this.dir = dir;
    }

    /** The reference in {@code dir}, built; empty when the folder has no Makefile (the caller says so). */
    public static java.util.Optional<PerfReference> build(Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(dir.resolve("Makefile"))) {
            return java.util.Optional.empty();
        }
        String out = run(List.of("make", "-s", "-C", dir.toString(), "triad/triad", "wave-c/wave"), Map.of(), 300);
        if (!Files.isExecutable(dir.resolve("wave-c/wave"))) {
            throw new IOException("building the C reference in " + dir + " failed: " + out.strip());
        }
        return java.util.Optional.of(new PerfReference(dir));
    }

    /** Triad bandwidth in GB/s (float64, write-allocate not counted) with {@code threads} OpenMP threads. */
    public double triadGbs(int threads, int reps) throws IOException, InterruptedException {
        String out = run(List.of(dir.resolve("triad/triad").toString(), String.valueOf(reps), "10"), env(threads), 600);
        List<Double> gbs = new ArrayList<>();
        for (String line : out.split("\n")) {
            Map<String, String> kv = fields(line, "RESULT bench=triad");
            if (kv != null) {
                gbs.add(Double.parseDouble(kv.get("GBs")));
            }
        }
        if (gbs.isEmpty()) {
            throw new IOException("the triad printed no result: " + out.strip());
        }
        return Timing.median(gbs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The C wave stencil on N x N for {@code steps} steps, {@code reps} repetitions, {@code threads} threads; with
     * {@code flushToZero} (wave.c's WAVE_FTZ=1) the CPU flushes subnormal floats to zero, which makes it the
     * like-for-like reference of Strata's steps, which store values below {@code AcousticKernels.TINY} as 0.
     */
    public Wave wave(int n, int steps, int reps, int threads, boolean flushToZero)
            throws IOException, InterruptedException {
        Map<String, String> env = new TreeMap<>(env(threads));
        env.put("WAVE_FTZ", flushToZero ? "1" : "0");
        String out = run(List.of(dir.resolve("wave-c/wave").toString(), String.valueOf(n), String.valueOf(steps),
                String.valueOf(reps)), env, 600);
        List<Double> seconds = new ArrayList<>();
        double checksum = Double.NaN;
        for (String line : out.split("\n")) {
            Map<String, String> kv = fields(line, "RESULT bench=wave");
            if (kv != null) {
                seconds.add(Double.parseDouble(kv.get("seconds")));
                checksum = Double.parseDouble(kv.get("checksum"));
            }
        }
        if (seconds.isEmpty()) {
            throw new IOException("the C stencil printed no result: " + out.strip());
        }
        double s = Timing.median(seconds.stream().mapToDouble(Double::doubleValue).toArray());
        return new Wave(n, steps, threads, flushToZero, s, (double) n * n * steps / s / 1e6, checksum);
    }

    private static Map<String, String> env(int threads) {
        return Map.of("OMP_NUM_THREADS", String.valueOf(threads), "OMP_PROC_BIND", "true", "OMP_PLACES", "cores");
    }

    /** The key=value fields of a line that starts with {@code prefix}, or null. */
    private static Map<String, String> fields(String line, String prefix) {
        int at = line.indexOf(prefix);
        if (at < 0) {
            return null;
        }
        Map<String, String> kv = new TreeMap<>();
        for (String token : line.substring(at).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                kv.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return kv;
    }

    private static String run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }
}
