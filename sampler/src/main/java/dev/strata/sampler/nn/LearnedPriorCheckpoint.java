package dev.strata.sampler.nn;

import ai.djl.engine.Engine;
import dev.strata.sampler.prior.ChannelNormalisation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A prior learned by {@link ScoreMatchingTrainer} on disk, in one folder: {@code network.params} (the EMA weights in
 * DJL's block format), {@code network.properties} (shape, the training set's per-channel mean and std, network and
 * training settings, final loss, SHA-256 of the weights) and {@code network-examples.f32} (up to
 * {@link #EXAMPLES} normalised training models, little-endian float32, for the denoiser's error profile).
 * The network works in normalised units x = (m - mean_c) / std_c.
 *
 * @param normalisation the training set's per-channel statistics (and the model shape)
 * @param net           the network's shape
 * @param sigmaData     sigma_data of the EDM preconditioning
 * @param training      the training settings, as key/value text for the sidecar
 * @param finalLoss     mean loss over the last 10 % of steps
 * @param weights       the EMA weights (not copied)
 * @param examples      normalised training models {@code [k, C, nz, nx]} (not copied)
 */
public record LearnedPriorCheckpoint(ChannelNormalisation normalisation, SmallUNet.Config net, double sigmaData,
                                     Map<String, String> training, double finalLoss, byte[] weights,
                                     float[] examples) {
    /** Format tag in the sidecar. */
    public static final String FORMAT = "strata-learned-prior/1";
    /** Name of the weights and sidecar files. */
    public static final String NAME = "network";
    /** Most normalised training models kept for the error profile. */
    public static final int EXAMPLES = 64;

    /** A denoiser D(x; sigma) in normalised units with these weights; the caller closes it. */
    public NetworkDenoiser denoiser() {
        return denoiser(NetworkDevice.CPU);
    }

    /** The denoiser with the network on {@code device}. */
    public NetworkDenoiser denoiser(NetworkDevice device) {
        return new NetworkDenoiser(normalisation.shape(), new EdmPreconditioning(sigmaData), net, weights, device);
    }

    /**
     * The per-channel normalisation c' = (c - mean_k) / std_k a conditional network was trained with
     * ({@code train.conditionMean}, {@code train.conditionStd}); null for an unconditional network.
     */
    public ChannelNormalisation conditionNormalisation() {
        String mean = training.get("conditionMean");
        String std = training.get("conditionStd");
        if (net.conditionChannels() == 0 || mean == null || std == null) {
            return null;
        }
        int[] shape = normalisation.shape();
        return new ChannelNormalisation(Arrays.stream(mean.split(",")).mapToDouble(Double::parseDouble).toArray(),
                Arrays.stream(std.split(",")).mapToDouble(Double::parseDouble).toArray(),
                new int[] {net.conditionChannels(), shape[1], shape[2]});
    }

    /** Number of stored examples. */
    public int exampleCount() {
        return examples.length / (normalisation.offset().length);
    }

    /** Writes the three files into {@code dir} (created if missing), each atomically. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        DenoiserCheckpoint.atomicWrite(dir.resolve(NAME + ".params"), weights);
        ByteBuffer b = ByteBuffer.allocate(examples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(examples);
        DenoiserCheckpoint.atomicWrite(dir.resolve(NAME + "-examples.f32"), b.array());
        DenoiserCheckpoint.atomicWrite(dir.resolve(NAME + ".properties"), sidecar().getBytes(StandardCharsets.UTF_8));
    }

    /** The sidecar text: fixed key order, no time stamp. */
    public String sidecar() {
        int[] shape = normalisation.shape();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("network", "SmallUNet");
        m.put("djl.version", Engine.getDjlVersion());
        m.put("engine", TorchEngine.NAME + " " + TorchEngine.get().getVersion());
        m.put("engine.threads", TorchEngine.threads());
        m.put("shape.channels", shape[0]);
        m.put("shape.nz", shape[1]);
        m.put("shape.nx", shape[2]);
        m.put("normalisation.mean", join(normalisation.mean()));
        m.put("normalisation.std", join(normalisation.std()));
        m.put("net.width", net.width());
        m.put("net.levels", net.levels());
        m.put("net.groups", net.groups());
        m.put("net.features", net.features());
        m.put("net.embedding", net.embedding());
        m.put("net.conditionChannels", net.conditionChannels());
        m.put("edm.sigmaData", sigmaData);
        training.forEach((k, v) -> m.put("train." + k, v));
        m.put("train.finalLoss", finalLoss);
        m.put("examples.count", exampleCount());
        m.put("weights.file", NAME + ".params");
        m.put("weights.bytes", weights.length);
        m.put("weights.sha256", DenoiserCheckpoint.sha256(weights));
        return "# Strata learned prior: EDM-preconditioned SmallUNet trained by strata train\n"
                + m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))
                + "\n";
    }

    /** The files of a checkpoint by name ({@code network.params}, ...), from a folder or from resources. */
    @FunctionalInterface
    public interface CheckpointFiles {
        byte[] bytes(String name) throws IOException;
    }

    /**
     * Reads the checkpoint in {@code dir}.
     *
     * @throws IOException naming the missing or inconsistent file
     */
    public static LearnedPriorCheckpoint read(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(NAME + ".properties"))) {
            throw new IOException(dir + " holds no " + NAME + ".properties (write one with strata train)");
        }
        return read(dir.toString(), name -> Files.readAllBytes(dir.resolve(name)));
    }

    /**
     * Reads the checkpoint whose files {@code files} gives; {@code where} names them in messages.
     *
     * @throws IOException naming the missing or inconsistent file
     */
    public static LearnedPriorCheckpoint read(String where, CheckpointFiles files) throws IOException {
        String sidecar = where + "/" + NAME + ".properties";
        Properties p = new Properties();
        p.load(new StringReader(new String(files.bytes(NAME + ".properties"), StandardCharsets.UTF_8)));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(sidecar + " is not a " + FORMAT + " sidecar (format=" + p.getProperty("format")
                    + ")");
        }
        byte[] weights = files.bytes(NAME + ".params");
        if (!DenoiserCheckpoint.sha256(weights).equals(p.getProperty("weights.sha256"))) {
            throw new IOException(where + "/" + NAME + ".params does not match the SHA-256 in " + sidecar);
        }
        int[] shape = {integer(p, "shape.channels"), integer(p, "shape.nz"), integer(p, "shape.nx")};
        ChannelNormalisation norm = new ChannelNormalisation(doubles(p, "normalisation.mean"),
                doubles(p, "normalisation.std"), shape);
        SmallUNet.Config net = new SmallUNet.Config(shape[0], integer(p, "net.width"), integer(p, "net.levels"),
                integer(p, "net.groups"), integer(p, "net.features"), integer(p, "net.embedding"),
                Integer.parseInt(p.getProperty("net.conditionChannels", "0").trim()));
        ByteBuffer b = ByteBuffer.wrap(files.bytes(NAME + "-examples.f32")).order(ByteOrder.LITTLE_ENDIAN);
        float[] examples = new float[b.remaining() / 4];
        b.asFloatBuffer().get(examples);
        if (examples.length != integer(p, "examples.count") * shape[0] * shape[1] * shape[2]) {
            throw new IOException(where + "/" + NAME + "-examples.f32 does not hold examples.count models");
        }
        Map<String, String> training = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("train.") && !k.equals("train.finalLoss")).sorted()
                .forEach(k -> training.put(k.substring(6), p.getProperty(k)));
        return new LearnedPriorCheckpoint(norm, net, number(p, "edm.sigmaData"), training,
                number(p, "train.finalLoss"), weights, examples);
    }

    private static String join(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    static String value(Properties p, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException("the sidecar lacks " + key);
        }
        return v.trim();
    }

    static int integer(Properties p, String key) throws IOException {
        return Integer.parseInt(value(p, key));
    }

    static double number(Properties p, String key) throws IOException {
        return Double.parseDouble(value(p, key));
    }

    private static double[] doubles(Properties p, String key) throws IOException {
        return Arrays.stream(value(p, key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
