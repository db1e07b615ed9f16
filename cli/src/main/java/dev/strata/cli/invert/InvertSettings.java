package dev.strata.cli.invert;

import dev.strata.cli.UserInputException;
import dev.strata.io.SampleStore;
import dev.strata.sampler.nn.NetworkDevice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that defines an inversion run; written to the run's manifest and into every output file, and read back
 * by {@code --resume}. Checked when built: each bad value is refused by name with the fix.
 *
 * @param problem   seismic | wells | seismic+wells | fwi | darcy
 * @param data      observation file, or empty with {@code truth}
 * @param truth     true model to synthesise observations from, or empty
 * @param noise     relative noise of synthesised data (share of the clean data's RMS)
 * @param prior     gaussian | gmm:FILE | memorized:FILE | network:DIR
 * @param sampler   edm-euler | edm-heun | ddim | ddpm | pcn | mala (MCMC baselines; steps = iterations)
 * @param guidance  dps | cdps | power | none
 * @param covariance C_x̂0 of cdps: isotropic (the denoiser's error per channel, seed 000) | tweedie
 * @param zeta      DPS step scale
 * @param lambda    likelihood power of the power-scaled posterior (seed 003)
 * @param alpha     prior power of the power-scaled posterior (seed 003); other than 1 with power guidance only
 * @param samples   posterior samples
 * @param seed      random seed; sample i depends on (seed, i) only
 * @param steps     reverse-diffusion steps
 * @param churn     EDM stochastic churn S_churn (0: deterministic)
 * @param batch     samples drawn together; also the shard size
 * @param backend   compute backend (jvm, tornadovm[:N])
 * @param device    where the prior network runs (cpu, gpu, gpu:N)
 * @param maxMemoryBytes memory budget of one FWI gradient in bytes (shots run in passes that fit), 0 for all shots
 * @param shard     the share of the run's batches this process draws ({@link ShardSpec#WHOLE}: all of them)
 */
public record InvertSettings(String problem, String data, String truth, double noise, String prior, String sampler,
                             String guidance, String covariance, double zeta, double lambda, double alpha, int samples, long seed, int steps, double churn, int batch,
                             String backend, String device, long maxMemoryBytes, ShardSpec shard) {

    /** The manifest key of {@link #shard}: the one setting in which the shares of one run differ. */
    public static final String SHARD_KEY = "shard";
    static final Set<String> PROBLEMS = Set.of("seismic", "wells", "seismic+wells", "fwi", "darcy");
    static final Set<String> SAMPLERS = Set.of("edm-euler", "edm-heun", "ddim", "ddpm", "pcn", "mala", "ld-dim");
    static final Set<String> GUIDANCES = Set.of("dps", "cdps", "power", "none");

    public InvertSettings {
        oneOf("--problem", problem, PROBLEMS);
        oneOf("--sampler", sampler, SAMPLERS);
        oneOf("--guidance", guidance, GUIDANCES);
        oneOf("--covariance", covariance, Set.of("isotropic", "tweedie"));
        try {
            NetworkDevice.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--device: " + e.getMessage());
        }
        if (!device.equals("cpu") && !prior.startsWith("network:")) {
            throw new UserInputException("--device " + device + " places the prior network, and --prior " + prior
                    + " has none; fix: drop --device or use --prior network:DIR");
        }
        if (data.isEmpty() == truth.isEmpty()) {
            throw new UserInputException("give exactly one of --data FILE (observations) and --true MODEL (synthesise"
                    + " observations); got " + (data.isEmpty() ? "neither" : "both"));
        }
        finitePositive("--noise", noise);
        finitePositive("--zeta", zeta);
        if (!(lambda > 0 && lambda <= 100)) {
            throw new UserInputException("--lambda must lie in (0, 100], got " + lambda + " (for the prior alone use"
                    + " --guidance none)");
        }
        if (!(alpha > 0 && alpha <= 100)) {
            throw new UserInputException("--alpha must lie in (0, 100], got " + alpha);
        }
        if (alpha != 1 && !(guidance.equals("power") && sampler.startsWith("edm-"))) {
            throw new UserInputException("--alpha " + alpha + ": a prior power other than 1 is sampled by the EDM"
                    + " predictor-corrector with --guidance power; fix: add --guidance power --sampler edm-euler, or"
                    + " use --alpha 1");
        }
        if (!(churn >= 0) || !Double.isFinite(churn)) {
            throw new UserInputException("--churn must be finite and >= 0, got " + churn);
        }
        atLeast("--samples", samples, 1);
        atLeast("--steps", steps, 2);
        atLeast("--batch", batch, 1);
        if (maxMemoryBytes < 0) {
            throw new UserInputException("--max-memory must be positive, got " + maxMemoryBytes + " bytes");
        }
        if (steps > 100_000) {
            throw new UserInputException("--steps " + steps + " is more than 100000; fix: use fewer steps");
        }
        if (sampler.equals("ld-dim") != prior.startsWith("latent:")) {
            throw new UserInputException(sampler.equals("ld-dim") ? "--sampler ld-dim inverts in the latent space of a"
                    + " latent diffusion prior, --prior is " + prior + "; fix: add --prior latent:DIR (strata train"
                    + " --latent)" : "--prior " + prior + " is a latent diffusion prior, which only --sampler ld-dim"
                    + " uses; fix: add --sampler ld-dim");
        }
        if (prior.isBlank()) {
            throw new UserInputException("--prior is empty; fix: gaussian, gmm:FILE, memorized:FILE or network:DIR");
        }
        long batches = batchCount(samples, batch);
        if (shard.count() > batches) {
            throw new UserInputException("--shard " + shard + ": the run has only " + batches + " batch(es) (--samples "
                    + samples + " in batches of --batch " + batch + "), so some shares would draw nothing; fix: split"
                    + " it into at most " + batches + " shares, or use a smaller --batch");
        }
    }

    /** The settings of a whole run, drawn in one process ({@link ShardSpec#WHOLE}). */
    public InvertSettings(String problem, String data, String truth, double noise, String prior, String sampler,
                          String guidance, String covariance, double zeta, double lambda, double alpha, int samples,
                          long seed, int steps, double churn, int batch, String backend, String device,
                          long maxMemoryBytes) {
        this(problem, data, truth, noise, prior, sampler, guidance, covariance, zeta, lambda, alpha, samples, seed,
                steps, churn, batch, backend, device, maxMemoryBytes, ShardSpec.WHOLE);
    }

    /** Batches (store shard files) of a run of {@code samples} drawn {@code batch} at a time. */
    public static long batchCount(int samples, int batch) {
        return (samples + (long) batch - 1) / batch;
    }

    /** The settings as text, in a fixed order (manifest, file attributes, config files). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("problem", problem);
        m.put("data", data);
        m.put("true", truth);
        m.put("noise", Double.toString(noise));
        m.put("prior", prior);
        m.put("sampler", sampler);
        m.put("guidance", guidance);
        m.put("covariance", covariance);
        m.put("zeta", Double.toString(zeta));
        m.put("lambda", Double.toString(lambda));
        m.put("alpha", Double.toString(alpha));
        m.put("samples", Integer.toString(samples));
        m.put("seed", Long.toString(seed));
        m.put("steps", Integer.toString(steps));
        m.put("churn", Double.toString(churn));
        m.put("batch", Integer.toString(batch));
        m.put("backend", backend);
        m.put("device", device);
        m.put("max_memory_bytes", Long.toString(maxMemoryBytes));
        m.put(SHARD_KEY, shard.toString());
        return m;
    }

    /** Reads settings written by {@link #toMap()}. */
    public static InvertSettings fromMap(Map<String, String> m) {
        try {
            return new InvertSettings(m.get("problem"), m.get("data"), m.get("true"),
                    Double.parseDouble(m.get("noise")), m.get("prior"), m.get("sampler"), m.get("guidance"), m.get("covariance"),
                    Double.parseDouble(m.get("zeta")), Double.parseDouble(m.get("lambda")),
                    Double.parseDouble(m.get("alpha")), Integer.parseInt(m.get("samples")), Long.parseLong(m.get("seed")),
                    Integer.parseInt(m.get("steps")), Double.parseDouble(m.get("churn")),
                    Integer.parseInt(m.get("batch")), m.get("backend"), m.getOrDefault("device", "cpu"),
                    Long.parseLong(m.get("max_memory_bytes")),
                    ShardSpec.parse(m.getOrDefault(SHARD_KEY, ShardSpec.WHOLE.toString())));
        } catch (NullPointerException | NumberFormatException e) {
            throw new UserInputException("the run's manifest is incomplete or damaged (" + e.getMessage()
                    + "); fix: start a new run in another --out");
        }
    }

    /** Parses a memory size such as {@code 512M}, {@code 2G} or {@code 1500000} (bytes). */
    public static long parseBytes(String flag, String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = t.endsWith("K") ? 1L << 10 : t.endsWith("M") ? 1L << 20 : t.endsWith("G") ? 1L << 30 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double v = Double.parseDouble(digits);
            if (v > 0 && Double.isFinite(v)) {
                return (long) (v * unit);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UserInputException(flag + " '" + text + "' is not a memory size; fix: write e.g. 512M or 2G");
    }

    /** First sample indices of the batches this share draws, in order. */
    public List<Long> ownBatchFirsts() {
        List<Long> out = new ArrayList<>();
        for (long b = shard.index(); b * batch < samples; b += shard.count()) {
            out.add(b * batch);
        }
        return out;
    }

    /** First sample indices of the batches of this share that {@code present} (a store's shard files) lacks. */
    public List<Long> missing(List<SampleStore.Shard> present) {
        Set<Long> done = new HashSet<>();
        for (SampleStore.Shard s : present) {
            if (s.count() == shardSize(s.first())) {
                done.add(s.first());
            }
        }
        return ownBatchFirsts().stream().filter(first -> !done.contains(first)).toList();
    }

    /** Samples drawn together in the shard starting at global index {@code first}. */
    public int shardSize(long first) {
        return (int) Math.min(batch, samples - first);
    }

    private static void oneOf(String flag, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new UserInputException(flag + " '" + value + "' is unknown; fix: use one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }

    private static void finitePositive(String flag, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new UserInputException(flag + " must be a finite number > 0, got " + v);
        }
    }

    private static void atLeast(String flag, long v, long min) {
        if (v < min) {
            throw new UserInputException(flag + " must be >= " + min + ", got " + v);
        }
    }
}
