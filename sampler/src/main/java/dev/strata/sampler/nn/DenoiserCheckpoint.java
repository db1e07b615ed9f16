package dev.strata.sampler.nn;

import ai.djl.engine.Engine;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A trained network on disk: {@code NAME.params} (DJL's block parameter format) and the sidecar
 * {@code NAME.properties} with the training settings, seed, final loss, engine versions and the weights' SHA-256.
 * The sidecar has fixed key order and no time stamp, so the same training run writes byte-identical files.
 *
 * @param settings  the settings the network was trained with
 * @param weights   the parameters (not copied)
 * @param finalLoss the mean training loss over the last 10 % of steps
 */
public record DenoiserCheckpoint(DenoiserTrainer.Settings settings, byte[] weights, double finalLoss) {

    /** Format tag in the sidecar. */
    public static final String FORMAT = "strata-network-denoiser/1";

    public static DenoiserCheckpoint of(DenoiserTrainer.Result r) {
        return new DenoiserCheckpoint(r.settings(), r.weights(), r.finalLoss());
    }

    /** A denoiser with these weights; the caller closes it. */
    public NetworkDenoiser denoiser() {
        return new NetworkDenoiser(new SpectralGaussianPrior(settings.prior()).shape(),
                new EdmPreconditioning(settings.sigmaData()), settings.net(), weights);
    }

    /** SHA-256 of the weights, in hex. */
    public String sha256() {
        return sha256(weights);
    }

    /** The sidecar text for the weights file {@code paramsFile}. */
    public String sidecar(String paramsFile) {
        DenoiserTrainer.Settings s = settings;
        SpectralGaussianPrior.Config p = s.prior();
        SmallUNet.Config n = s.net();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("network", "SmallUNet");
        m.put("djl.version", Engine.getDjlVersion());
        m.put("engine", TorchEngine.NAME + " " + TorchEngine.get().getVersion());
        m.put("engine.threads", DenoiserTrainer.TRAINING_THREADS);
        m.put("prior", "SpectralGaussianPrior");
        m.put("prior.channels", p.channels());
        m.put("prior.nz", p.nz());
        m.put("prior.nx", p.nx());
        m.put("prior.mean", join(p.mean()));
        m.put("prior.std", join(p.std()));
        m.put("prior.corrZ", p.corrZ());
        m.put("prior.corrX", p.corrX());
        m.put("prior.modesZ", p.modesZ());
        m.put("prior.modesX", p.modesX());
        m.put("prior.nuggetFraction", p.nuggetFraction());
        m.put("net.channels", n.channels());
        m.put("net.width", n.width());
        m.put("net.levels", n.levels());
        m.put("net.groups", n.groups());
        m.put("net.features", n.features());
        m.put("net.embedding", n.embedding());
        m.put("edm.sigmaData", s.sigmaData());
        m.put("train.pMean", s.pMean());
        m.put("train.pStd", s.pStd());
        m.put("train.steps", s.steps());
        m.put("train.batch", s.batch());
        m.put("train.learningRate", s.learningRate());
        m.put("train.seed", s.seed());
        m.put("train.finalLoss", finalLoss);
        m.put("weights.file", paramsFile);
        m.put("weights.bytes", weights.length);
        m.put("weights.sha256", sha256(weights));
        return "# Strata network denoiser: EDM-preconditioned SmallUNet trained by DenoiserTrainer\n"
                + m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))
                + "\n";
    }

    /** Writes {@code dir/name.params} and {@code dir/name.properties}, each atomically (temp file, then move). */
    public void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        String paramsFile = name + ".params";
        atomicWrite(dir.resolve(paramsFile), weights);
        atomicWrite(dir.resolve(name + ".properties"), sidecar(paramsFile).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a checkpoint from its sidecar text and weights; checks the weights' size and SHA-256. */
    public static DenoiserCheckpoint read(String sidecar, byte[] weights) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(sidecar));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable sidecar", e);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("not a " + FORMAT + " sidecar (format=" + p.getProperty("format") + ")");
        }
        if (!sha256(weights).equals(p.getProperty("weights.sha256"))) {
            throw new IllegalArgumentException("weights do not match the sidecar's SHA-256 " + p.getProperty("weights.sha256"));
        }
        SpectralGaussianPrior.Config prior = new SpectralGaussianPrior.Config(integer(p, "prior.channels"),
                integer(p, "prior.nz"), integer(p, "prior.nx"), doubles(p, "prior.mean"), doubles(p, "prior.std"),
                number(p, "prior.corrZ"), number(p, "prior.corrX"), integer(p, "prior.modesZ"),
                integer(p, "prior.modesX"), number(p, "prior.nuggetFraction"));
        SmallUNet.Config net = new SmallUNet.Config(integer(p, "net.channels"), integer(p, "net.width"),
                integer(p, "net.levels"), integer(p, "net.groups"), integer(p, "net.features"), integer(p, "net.embedding"));
        DenoiserTrainer.Settings s = new DenoiserTrainer.Settings(prior, net, number(p, "edm.sigmaData"),
                number(p, "train.pMean"), number(p, "train.pStd"), integer(p, "train.steps"),
                integer(p, "train.batch"), number(p, "train.learningRate"), Long.parseLong(value(p, "train.seed")));
        return new DenoiserCheckpoint(s, weights, number(p, "train.finalLoss"));
    }

    /** Reads {@code NAME.properties} and {@code NAME.params} from the class path next to class {@code anchor}. */
    static DenoiserCheckpoint readResource(Class<?> anchor, String name) {
        try (InputStream props = open(anchor, name + ".properties");
             InputStream params = open(anchor, name + ".params")) {
            return read(new String(props.readAllBytes(), StandardCharsets.UTF_8), params.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped network " + name, e);
        }
    }

    private static InputStream open(Class<?> anchor, String resource) {
        InputStream in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " is missing next to " + anchor.getName());
        }
        return in;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void atomicWrite(Path target, byte[] data) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, data);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String join(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("sidecar lacks " + key);
        }
        return v.trim();
    }

    private static int integer(Properties p, String key) {
        return Integer.parseInt(value(p, key));
    }

    private static double number(Properties p, String key) {
        return Double.parseDouble(value(p, key));
    }

    private static double[] doubles(Properties p, String key) {
        return Arrays.stream(value(p, key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
