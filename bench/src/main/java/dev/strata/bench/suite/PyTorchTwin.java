package dev.strata.bench.suite;

import dev.strata.io.Float32;
import dev.strata.io.Json;
import dev.strata.sampler.nn.EdmPreconditioning;
import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.nn.NetworkDenoiser.NamedTensor;
import dev.strata.sampler.nn.SmallUNet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The reference of the network rows: the same U-Net, weights and inputs in plain PyTorch ({@code unet_twin.py}, built
 * from nn.Conv2d, nn.GroupNorm and F.interpolate as a PyTorch user would write it), run by a Python that imports torch
 * with DJL's intra-op thread count and timed as {@link Timing} times. Its D(x; sigma) and input VJP must agree with
 * DJL's to {@link #AGREEMENT} before its timings count: a twin that computes another function is no reference.
 */
final class PyTorchTwin {
    /** Largest max-norm difference from DJL's result, relative to that result's max norm, of the same network. */
    static final double AGREEMENT = 1e-4;
    /** Seconds the twin may take, Python's start and torch's import included. */
    static final long TIMEOUT_SECONDS = 600;
    private static final String SCRIPT = "unet_twin.py";

    private PyTorchTwin() {
    }

    /**
     * What the twin measured.
     *
     * @param forwardError max |D_twin - D_djl| / max |D_djl|
     * @param vjpError     the same for the input VJP
     */
    record Result(String torch, int threads, Timing forward, Timing vjp, double forwardError, double vjpError) {
        /** Whether the twin computed DJL's function to {@link #AGREEMENT}. */
        boolean agrees() {
            return forwardError <= AGREEMENT && vjpError <= AGREEMENT;
        }
    }

    /** A batch to run: {@code x} and cotangent {@code v} of {@code batch} samples, at noise level {@code sigma}. */
    record Batch(float[] x, float[] v, double sigma, int batch) {
    }

    /**
     * Runs the twin of {@code net} loaded with {@code weights} (normally {@link NetworkDenoiser#parameters()}) on
     * {@code in}, with {@code threads} intra-op threads and at least {@code repeats} timed calls each, and compares its
     * results with DJL's. Empty, after one note, where {@code python} cannot be started, cannot import torch, or the
     * twin fails or prints no timings.
     */
    static Optional<Result> measure(String python, NetworkDenoiser net, List<NamedTensor> weights, Batch in,
                                    int threads, int repeats, Consumer<String> notes) throws InterruptedException {
        if (net.conditional()) {
            throw new IllegalArgumentException("the PyTorch twin is of unconditional networks");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("strata-pytorch-twin");
            writeJob(dir, net, weights, in, threads, repeats);
            Process p = new ProcessBuilder(python, dir.resolve(SCRIPT).toString(), dir.toString())
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                notes.accept("network rows: no PyTorch reference: the twin ran past " + TIMEOUT_SECONDS + " s");
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                notes.accept("network rows: no PyTorch reference: " + python + " failed (" + lastLine(dir) + ");"
                        + " fix: pass --pytorch PYTHON of an environment with torch, e.g. a venv's bin/python");
                return Optional.empty();
            }
            return Optional.of(result(dir, net, in));
        } catch (IOException e) {
            notes.accept("network rows: no PyTorch reference: cannot run " + python + " (" + e.getMessage() + ");"
                    + " fix: pass --pytorch PYTHON of an environment with torch");
            return Optional.empty();
        } finally {
            delete(dir);
        }
    }

    private static void writeJob(Path dir, NetworkDenoiser net, List<NamedTensor> weights, Batch in, int threads,
                                 int repeats) throws IOException {
        try (InputStream script = PyTorchTwin.class.getResourceAsStream(SCRIPT)) {
            Files.copy(script, dir.resolve(SCRIPT));
        }
        SmallUNet.Config c = net.network();
        EdmPreconditioning pre = net.preconditioning();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("channels", c.channels());
        config.put("width", c.width());
        config.put("levels", c.levels());
        config.put("groups", c.groups());
        config.put("features", c.features());
        config.put("embedding", c.embedding());
        List<Map<String, Object>> parameters = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (NamedTensor t : weights) {
            parameters.add(Map.of("name", t.name(), "shape", t.shape()));
            values.add(t.values());
        }
        float[] phi = SmallUNet.noiseFeatures(new double[] {pre.cNoise(in.sigma())}, c.features());
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("config", config);
        job.put("parameters", parameters);
        job.put("shape", java.util.Arrays.stream(net.shape()).asLongStream().toArray());
        job.put("batch", in.batch());
        job.put("threads", threads);
        job.put("cIn", pre.cIn(in.sigma()));
        job.put("cSkip", pre.cSkip(in.sigma()));
        job.put("cOut", pre.cOut(in.sigma()));
        job.put("phi", toDouble(phi));
        job.put("repeats", repeats);
        job.put("warmupSeconds", Timing.WARMUP_SECONDS);
        job.put("timedSeconds", Timing.TIMED_SECONDS);
        job.put("maxTimedRuns", Timing.MAX_TIMED_RUNS);
        job.put("nativeWarmCalls", NetworkRows.NATIVE_WARM_CALLS);
        Files.writeString(dir.resolve("job.json"), Json.object(job) + "\n", StandardCharsets.UTF_8);
        write(dir.resolve("weights.f32"), values);
        write(dir.resolve("x.f32"), List.of(in.x()));
        write(dir.resolve("v.f32"), List.of(in.v()));
    }

    private static Result result(Path dir, NetworkDenoiser net, Batch in) throws IOException {
        String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8).strip();
        Object line;
        try {
            line = new Yaml(new SafeConstructor(new LoaderOptions())).load(out.substring(out.lastIndexOf('\n') + 1));
        } catch (YAMLException e) {
            line = null;
        }
        if (!(line instanceof Map<?, ?> m)) {
            throw new IOException("the twin printed no JSON line: " + out);
        }
        double forwardError = relativeError(read(dir.resolve("denoised.f32")), net.denoise(in.x(), in.sigma(),
                in.batch()));
        double vjpError = relativeError(read(dir.resolve("vjp.f32")), net.vjp(in.x(), in.sigma(), in.v(),
                in.batch()));
        return new Result(String.valueOf(m.get("torch")), number(m, "threads").intValue(),
                timing(m, "forward"), timing(m, "vjp"), forwardError, vjpError);
    }

    /** max |a - b| / max |b|. */
    static double relativeError(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs((double) a[i] - b[i]));
            norm = Math.max(norm, Math.abs((double) b[i]));
        }
        return diff / norm;
    }

    private static Timing timing(Map<?, ?> m, String name) throws IOException {
        return new Timing(number(m, name + "FirstSeconds").doubleValue(), number(m, name + "Seconds").doubleValue(),
                number(m, name + "Repeats").intValue(), true); // no JIT: the twin warms up for its time alone
    }

    private static Number number(Map<?, ?> m, String key) throws IOException {
        if (m.get(key) instanceof Number n) {
            return n;
        }
        throw new IOException("the twin's JSON line has no number " + key);
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static void write(Path file, List<float[]> arrays) throws IOException {
        Files.write(file, Float32.encode(arrays));
    }

    private static float[] read(Path file) throws IOException {
        return Float32.decode(Files.readAllBytes(file));
    }

    private static String lastLine(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no message" : lines.get(lines.size() - 1).strip();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind harms nothing
        }
    }
}
