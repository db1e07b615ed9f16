package dev.strata.sampler.nn;

import static dev.strata.sampler.nn.LearnedPriorCheckpoint.integer;
import static dev.strata.sampler.nn.LearnedPriorCheckpoint.number;
import static dev.strata.sampler.nn.LearnedPriorCheckpoint.value;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A latent diffusion prior ({@link LatentPriorWeights}) on disk, in one folder: {@code latent-vae.params} and
 * {@code latent-denoiser.params} (weights in DJL's block format) and {@code latent-prior.properties} (shapes,
 * normalisations, SHA-256 of both weight files, and the training settings as text). Written by
 * {@code strata train --latent}.
 */
public final class LatentPriorCheckpoint {
    /** Format tag in the sidecar. */
    public static final String FORMAT = "strata-latent-prior/1";
    public static final String SIDECAR = "latent-prior.properties";
    static final String VAE = "latent-vae.params";
    static final String DENOISER = "latent-denoiser.params";

    private LatentPriorCheckpoint() {
    }

    /** Whether {@code dir} holds a latent prior's sidecar. */
    public static boolean isIn(Path dir) {
        return Files.isRegularFile(dir.resolve(SIDECAR));
    }

    /** Writes the three files into {@code dir} (created if missing), each atomically; {@code training} as text. */
    public static void write(LatentPriorWeights w, Map<String, String> training, Path dir) throws IOException {
        Files.createDirectories(dir);
        DenoiserCheckpoint.atomicWrite(dir.resolve(VAE), w.vaeWeights());
        DenoiserCheckpoint.atomicWrite(dir.resolve(DENOISER), w.netWeights());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("field.nz", w.nz());
        m.put("field.nx", w.nx());
        m.put("field.mean", w.fieldMean());
        m.put("field.std", w.fieldStd());
        m.put("vae.width", w.vae().width());
        m.put("vae.latentChannels", w.vae().latentChannels());
        m.put("vae.downsamplings", w.vae().downsamplings());
        m.put("latent.mean", join(w.latentMean()));
        m.put("latent.std", join(w.latentStd()));
        m.put("net.width", w.net().width());
        m.put("net.levels", w.net().levels());
        m.put("net.groups", w.net().groups());
        m.put("net.features", w.net().features());
        m.put("net.embedding", w.net().embedding());
        m.put("edm.sigmaData", w.sigmaData());
        training.forEach((k, v) -> m.put("train." + k, v));
        m.put("vae.sha256", DenoiserCheckpoint.sha256(w.vaeWeights()));
        m.put("denoiser.sha256", DenoiserCheckpoint.sha256(w.netWeights()));
        String text = "# Strata latent diffusion prior: FieldVae + EDM SmallUNet on its latents"
                + " (strata train --latent)\n"
                + m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))
                + "\n";
        DenoiserCheckpoint.atomicWrite(dir.resolve(SIDECAR), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the prior in {@code dir}.
     *
     * @throws IOException naming the missing or inconsistent file
     */
    public static LatentPriorWeights read(Path dir) throws IOException {
        if (!isIn(dir)) {
            throw new IOException(dir + " holds no " + SIDECAR + " (write one with strata train --latent)");
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(dir.resolve(SIDECAR))));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(dir.resolve(SIDECAR) + " is not a " + FORMAT + " sidecar");
        }
        byte[] vae = Files.readAllBytes(dir.resolve(VAE));
        byte[] net = Files.readAllBytes(dir.resolve(DENOISER));
        if (!DenoiserCheckpoint.sha256(vae).equals(p.getProperty("vae.sha256"))
                || !DenoiserCheckpoint.sha256(net).equals(p.getProperty("denoiser.sha256"))) {
            throw new IOException(dir + ": a weight file does not match the SHA-256 in " + SIDECAR);
        }
        try {
            FieldVae.Config v = new FieldVae.Config(integer(p, "vae.width"), integer(p, "vae.latentChannels"),
                    integer(p, "vae.downsamplings"));
            SmallUNet.Config n = new SmallUNet.Config(v.latentChannels(), integer(p, "net.width"),
                    integer(p, "net.levels"), integer(p, "net.groups"), integer(p, "net.features"),
                    integer(p, "net.embedding"));
            return new LatentPriorWeights(v, vae, integer(p, "field.nz"), integer(p, "field.nx"),
                    number(p, "field.mean"), number(p, "field.std"), floats(p, "latent.mean"),
                    floats(p, "latent.std"), n, net, number(p, "edm.sigmaData"));
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(SIDECAR) + ": " + e.getMessage(), e);
        }
    }

    private static String join(float[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }

    private static float[] floats(Properties p, String key) throws IOException {
        String[] parts = value(p, key).split(",");
        float[] f = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            f[i] = Float.parseFloat(parts[i]);
        }
        return f;
    }
}
