package dev.strata.cli.experiment;

import dev.strata.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata experiment ld-dim}: seed 002's latent-diffusion inversion against its baselines on Darcy flow. */
@Command(name = "ld-dim", mixinStandardHelpOptions = true,
        description = "Seed 002 (Lin and He, LD-DIM): invert sparse hydraulic heads for ln K by optimising the"
                + " latent noise of a deterministic DDIM chain of a latent diffusion prior, through the decoder and"
                + " the finite-volume solver's adjoint; compared with the physics-embedded VAE (optimise the VAE"
                + " latent) and smoothed pixel-space descent, on Gaussian-random-field and bimaterial truths. Trains"
                + " one latent prior (VAE + latent EDM denoiser) per family, runs every method from the same number"
                + " of restarts, and draws DPS samples with the latent prior. Writes under --out report.md (table"
                + " per family, the seed's claims judged), results.jsonl, convergence-*.png, error-*.png,"
                + " fields.png, stages.json. Default (reduced) size: 16 x 16 cells of 20 m, 512 fields per family,"
                + " VAE 400 steps, latent denoiser 600, 150 iterations x 10 restarts (41 min on 2 shared cores)."
                + " --full: 32 x 32 cells of 10 m, 2000 fields, 3000 / 4000 steps, 400 iterations (not run yet;"
                + " hours).")
public final class LdDimCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new or empty).")
    Path out;

    @Option(names = "--full", description = "The full size instead of the reduced one (see above).")
    boolean full;

    @Option(names = "--seed", defaultValue = "2", paramLabel = "S",
            description = "Seed of training sets, training, truths, noise and restarts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--grid", paramLabel = "CELLS",
            description = "Override: CELLS x CELLS cells over the same 320 m square (multiple of 4).")
    Integer grid;

    @Option(names = "--vae-steps", paramLabel = "K", description = "Override: VAE training steps.")
    Integer vaeSteps;

    @Option(names = "--latent-steps", paramLabel = "K", description = "Override: latent denoiser training steps.")
    Integer latentSteps;

    @Option(names = "--iterations", paramLabel = "K", description = "Override: Adam iterations per inversion.")
    Integer iterations;

    @Option(names = "--restarts", paramLabel = "R", description = "Override: restarts per method (>= 2).")
    Integer restarts;

    @Option(names = "--resume", description = "Continue the experiment in --out (same options): the latent priors"
            + " and finished inversions kept under data/ are reused.")
    boolean resume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LdDimSettings s = (full ? LdDimSettings.full(seed) : LdDimSettings.reduced(seed))
                .with(grid, vaeSteps, latentSteps, iterations, restarts);
        Path dir = out.toAbsolutePath().normalize();
        OutputFolder.prepare(dir, dir.resolve("data"), dir.resolve("experiment.json"), s.toMap(), resume);
        StageClock clock = StageClock.open(dir.resolve("stages.json"), resume);
        List<LdDimExperiment.FamilyResult> results = LdDimExperiment.run(s, dir, clock, resume);
        clock.time("report", () -> {
            LdDimFigures.write(s, results, s.heads() * s.heads(), dir);
            LdDimReport.write(s, results, clock.seconds(), dir);
            return null;
        });
        PrintWriter pw = spec.commandLine().getOut();
        for (LdDimExperiment.FamilyResult r : results) {
            pw.println(r.family().title + ":");
            for (String claim : LdDimReport.claims(r)) {
                pw.println("  " + claim);
            }
        }
        pw.println("wrote " + dir.resolve(LdDimReport.REPORT));
        pw.flush();
        return ExitCodes.OK;
    }
}
