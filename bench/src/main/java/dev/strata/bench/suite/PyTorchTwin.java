package dev.strata.bench.suite;

import dev.strata.io.Float32;
import dev.strata.io.Json;
import dev.strata.sampler.nn.EdmPreconditioning;
import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.nn.NetworkDenoiser.NamedTensor;
import dev.strata.sampler.nn.SmallUNet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
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
    /** Pause before each call of a pair, while the other side's threads stop spinning. */
    static final long SETTLE_MILLIS = 20;
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
     * A running twin (its process, its output, its folder and what it measured), after its own timings: it runs one
     * more call at each {@link #seconds} (its time, measured in the twin), so that its calls and DJL's can be timed
     * back to back ({@link #pairedRatio}). Close it to end the twin.
     */
    record Session(Process process, BufferedReader out, Path dir, Result result) implements AutoCloseable {

        /** Runs {@code call} ("forward" or "vjp") once in the twin and returns its seconds. */
        double seconds(String call) {
            try {
                process.getOutputStream().write((call + "\n").getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
                String line = out.readLine();
                if (line == null) {
                    throw new IOException("the twin ended (" + lastLine(dir) + ")");
                }
                return Double.parseDouble(line.strip());
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("the PyTorch twin's " + call + " call failed: " + e.getMessage(), e);
            }
        }

        /**
         * DJL's seconds over the twin's for {@code call}, the median of back-to-back pairs (the twin's call, then
         * {@code djl}), {@link Timing#pairedRatio}: a phase of the machine that slows both leaves it alone. Each call
         * starts {@link #SETTLE_MILLIS} after the other process's, whose OpenMP threads spin a while when their work
         * ends before they sleep.
         */
        double pairedRatio(String call, Runnable djl, int repeats) {
            DoubleSupplier djlSeconds = Timing.wallSeconds(djl);
            return Timing.pairedRatio(repeats, () -> {
                settle();
                return seconds(call);
            }, () -> {
                settle();
                return djlSeconds.getAsDouble();
            }, System::nanoTime);
        }

        private static void settle() {
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted between paired calls", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            try {
                process.getOutputStream().close(); // the twin ends at the end of its input
            } catch (IOException e) {
                // a twin that has already ended
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            delete(dir);
        }
    }

    /**
     * Starts the twin of {@code net} loaded with {@code weights} (normally {@link NetworkDenoiser#parameters()}) on
     * {@code in}, with {@code threads} intra-op threads and at least {@code repeats} timed calls each, compares its
     * results with DJL's, and returns it running ({@link Session}). Empty, after one note, where {@code python}
     * cannot be started, cannot import torch, or the twin fails, prints no timings or runs past
     * {@link #TIMEOUT_SECONDS}.
     */
    static Optional<Session> start(String python, NetworkDenoiser net, List<NamedTensor> weights, Batch in,
                                   int threads, int repeats, Consumer<String> notes) throws InterruptedException {
        if (net.conditional()) {
            throw new IllegalArgumentException("the PyTorch twin is of unconditional networks");
        }
        Path dir = null;
        Process p = null;
        try {
            dir = Files.createTempDirectory("strata-pytorch-twin");
            writeJob(dir, net, weights, in, threads, repeats);
            p = new ProcessBuilder(python, dir.resolve(SCRIPT).toString(), dir.toString())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            Process started = p;
            AtomicBoolean late = new AtomicBoolean();
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    if (!started.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        late.set(true);
                        started.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    // the twin answered in time
                }
            });
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = firstJsonLine(out);
            watchdog.interrupt();
            if (line == null) { // the twin ended without its timings
                int exit = p.waitFor();
                notes.accept(late.get() ? "network rows: no PyTorch reference: the twin ran past " + TIMEOUT_SECONDS
                        + " s" : "network rows: no PyTorch reference: " + python + " failed (" + (exit == 0
                        ? "it printed no JSON line" : lastLine(dir)) + "); fix: pass --pytorch PYTHON of an"
                        + " environment with torch, e.g. a venv's bin/python");
                delete(dir);
                return Optional.empty();
            }
            return Optional.of(new Session(p, out, dir, result(line, dir, net, in)));
        } catch (IOException e) {
            notes.accept("network rows: no PyTorch reference: cannot run " + python + " (" + e.getMessage() + ");"
                    + " fix: pass --pytorch PYTHON of an environment with torch");
            if (p != null) {
                p.destroyForcibly().waitFor();
            }
            delete(dir);
            return Optional.empty();
        }
    }

    /** The first line of the twin's output that starts a JSON object, or null at its end. */
    private static String firstJsonLine(BufferedReader out) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.strip().startsWith("{")) {
                return line.strip();
            }
        }
        return null;
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

    private static Result result(String json, Path dir, NetworkDenoiser net, Batch in) throws IOException {
        Object line;
        try {
            line = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
        } catch (YAMLException e) {
            line = null;
        }
        if (!(line instanceof Map<?, ?> m)) {
            throw new IOException("the twin printed no JSON line: " + json);
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
