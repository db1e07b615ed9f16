package dev.strata.cli;

import dev.strata.cli.invert.InvertRun;
import dev.strata.cli.invert.InvertSettings;
import dev.strata.cli.invert.ShardSpec;
import dev.strata.io.ConfigText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata invert}: posterior samples of a subsurface model from a user's observations. */
@Command(name = "invert", mixinStandardHelpOptions = true,
        description = "Draw posterior samples of a subsurface model given observations: a diffusion prior and the"
                + " physics (forward operator and adjoint) meet in every reverse step. Writes under --out a sample"
                + " store (manifest.json, shards/), posterior.h5 (mean, std, quantiles, misfit, metrics against a"
                + " true model) and the pictures posterior.png, data.png and wrmse.png. A killed run continues with"
                + " --resume. Examples: strata invert --problem seismic+wells --true builtin:seismic --guidance cdps;"
                + " strata invert --problem fwi --data shots.h5 --max-memory 2G.")
public final class InvertCommand implements Callable<Integer> {

    @Option(names = "--problem", description = "seismic | wells | seismic+wells | fwi | darcy.")
    String problem;

    @Option(names = "--data", paramLabel = "FILE", description = "Observation file (HDF5, see the README's schema).")
    Path data;

    @Option(names = "--true", paramLabel = "MODEL",
            description = "True model to synthesise observations from: raw .f32 with a JSON sidecar, an HDF5"
                    + " training set (its first model), or builtin:seismic | builtin:marmousi | builtin:darcy.")
    String truth;

    @Option(names = "--noise", defaultValue = "0.05",
            description = "Relative noise of synthesised data (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--prior", defaultValue = "gaussian",
            description = "gaussian | gmm:FILE | memorized:FILE | network:DIR (default: ${DEFAULT-VALUE}).")
    String prior;

    @Option(names = {"--sampler", "--method"}, defaultValue = "edm-euler",
            description = "edm-euler | edm-heun | ddim | ddpm, or the MCMC baselines pcn | mala (one chain per"
                    + " sample, --steps iterations, analytic prior only), or ld-dim (seed 002: each sample one"
                    + " restart of the optimisation in a latent prior's space, --steps Adam iterations, --prior"
                    + " latent:DIR) (default: ${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--guidance", defaultValue = "dps",
            description = "dps | cdps (corrected, noise-aware DPS) | power (the power-scaled posterior"
                    + " p(y|x)^lambda p(x)^alpha of seed 003: cdps with the likelihood tempered to noise variance"
                    + " C_d / lambda; alpha != 1 adds a Langevin corrector at every level) | none (default:"
                    + " ${DEFAULT-VALUE}).")
    String guidance;

    @Option(names = "--covariance", defaultValue = "isotropic",
            description = "C_x0hat of cdps: isotropic (the prior denoiser's own error per channel, seed 000; with"
                    + " seismic and well data J C J^T + C_d is then solved exactly, trace by trace) | tweedie"
                    + " (sigma^2 dD/dx, exact for an exact denoiser; one more denoiser VJP per CG step) (default:"
                    + " ${DEFAULT-VALUE}).")
    String covariance;

    @Option(names = "--zeta", defaultValue = "1", description = "DPS step scale (default: ${DEFAULT-VALUE}).")
    double zeta;

    @Option(names = "--lambda", defaultValue = "1",
            description = "power guidance: likelihood power lambda (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--alpha", defaultValue = "1",
            description = "power guidance: prior power alpha in (0, 100]; other than 1, every level adds 20 Langevin"
                    + " corrector steps (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--samples", defaultValue = "16", description = "Posterior samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "2026", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", defaultValue = "100", description = "Reverse steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--churn", defaultValue = "0", description = "EDM churn S_churn (default: ${DEFAULT-VALUE}).")
    double churn;

    @Option(names = "--batch", defaultValue = "8",
            description = "Samples drawn together, one shard each (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--backend", defaultValue = "jvm", paramLabel = "NAME[:DEVICE]",
            description = "Compute backend for every operator and the sampler: jvm or tornadovm[:N] (default:"
                    + " ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu[:N]",
            description = "Where the prior network (--prior network:DIR) runs (default: ${DEFAULT-VALUE}); a GPU needs"
                    + " DJL's CUDA natives.")
    String device;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "FWI: memory budget of one gradient, e.g. 2G; shots run in passes that fit, and where all"
                    + " fit one pass, memory left over lengthens the checkpoint interval so that fewer time steps are"
                    + " recomputed (default: a quarter of the JVM's heap where one shot's checkpointed gradient fits"
                    + " it, else all shots at once with checkpoints about sqrt(nt) steps apart).")
    String maxMemory;

    @Option(names = "--out", defaultValue = "strata-out/invert",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--shard", defaultValue = "0/1", paramLabel = "K/N",
            description = "Draw only share K of N of the run (K from 0, like a Slurm array index): batch b goes to share"
                    + " b mod N. The N stores merged with 'strata merge' equal, bit for bit, the run drawn at once"
                    + " (default: ${DEFAULT-VALUE}, the whole run).")
    String shard;

    @Option(names = "--resume", description = "Continue the interrupted run in --out with its own settings.")
    boolean resume;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (YAML or JSON, 'name: value' per flag); flags on the command line win.")
    Path config;

    @Option(names = "--json", description = "One JSON object per event on stdout.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (config != null) {
            return withConfig();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        InvertSettings settings = resume ? null : settings();
        try (Progress progress = new Progress("sampling", steps)) {
            InvertRun.execute(settings, out, resume, json, progress, stdout);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The settings of this command line, checked (a new run: without --resume). */
    InvertSettings settings() {
        if (problem == null) {
            throw new UserInputException("--problem is missing; fix: add --problem seismic|wells|seismic+wells|fwi"
                    + "|darcy");
        }
        return new InvertSettings(problem, data == null ? "" : data.toAbsolutePath().toString(),
                truth == null ? "" : truth.startsWith("builtin:") ? truth : Path.of(truth).toAbsolutePath().toString(), noise, prior, sampler, guidance, covariance, zeta, lambda, alpha, samples,
                seed, steps, churn, batch, backend, device,
                maxMemory == null ? 0 : InvertSettings.parseBytes("--max-memory", maxMemory), ShardSpec.parse(shard));
    }

    private Integer withConfig() {
        try {
            return withConfigApplied().call();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * An invert command line as {@code strata submit} hands it to its tasks (without the word {@code invert}),
     * parsed, with its {@code --config} file applied; bad flags are refused in one line.
     */
    static InvertCommand parse(List<String> args) {
        CommandLine cl = new CommandLine(new InvertCommand());
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserInputException("invert: " + e.getMessage() + " (see 'strata invert --help')", e);
        }
        InvertCommand c = cl.getCommand();
        return c.config == null ? c : c.withConfigApplied();
    }

    /** Whether {@code option} was given, on the command line or in the --config file. */
    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Re-parses the command line with the settings file's values placed before the flags (which thus win). */
    private InvertCommand withConfigApplied() {
        Map<String, String> fromFile;
        try {
            fromFile = ConfigText.read(config);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : fromFile.entrySet()) {
            String flag = "--" + e.getKey();
            if (spec.findOption(flag) == null || flag.equals("--config")) {
                throw new UserInputException("config file " + config + ": unknown setting '" + e.getKey()
                        + "'; fix: use the names of the flags of 'strata invert --help' without the dashes");
            }
            if (spec.findOption(flag).arity().max() == 0) {
                if (Boolean.parseBoolean(e.getValue())) {
                    args.add(flag);
                }
            } else {
                args.add(flag);
                args.add(e.getValue());
            }
        }
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        int own = original.indexOf(spec.name()); // the arguments after this subcommand's name are its own
        args.addAll(original.subList(own + 1, original.size()).stream()
                .filter(a -> !a.equals("--config") && !a.startsWith("--config=") && !a.equals(config.toString()))
                .toList());
        CommandLine again = new CommandLine(new InvertCommand());
        again.setOut(spec.commandLine().getOut());
        again.setErr(spec.commandLine().getErr());
        again.setOverwrittenOptionsAllowed(true);
        try {
            again.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserInputException(e.getMessage() + " (with the settings of " + config + ")", e);
        }
        return again.getCommand();
    }
}
