package dev.strata.cli.experiment;

import dev.strata.cli.UserInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@code strata experiment ld-dim} (seed 002, arXiv 2512.22421). The domain is 320 m x 320 m at every
 * size: the reduced size has 16 x 16 cells of 20 m, the full size 32 x 32 of 10 m.
 *
 * @param cells         cells per side (divisible by 4)
 * @param training      training fields per family
 * @param vaeSteps      VAE training steps (batch 16)
 * @param latentSteps   latent denoiser training steps (batch 32)
 * @param iterations    Adam iterations of every inversion
 * @param restarts      restarts per method (the spread over them is the sensitivity to initialisation)
 * @param ddimSteps     DDIM steps of LD-DIM's chain
 * @param heads         k: a k x k array of head observations
 * @param noise         head noise sigma as a fraction of the RMS of the noise-free heads
 * @param samples       posterior samples of the DPS view
 * @param dpsSteps      reverse steps of the DPS view
 * @param seed          seed of training sets, training, truths, noise and starting points
 * @param full          whether this is the full size
 */
public record LdDimSettings(int cells, int training, int vaeSteps, int latentSteps, int iterations, int restarts,
                            int ddimSteps, int heads, double noise, int samples, int dpsSteps, long seed,
                            boolean full) {
    /** Side of the square domain, metres. */
    public static final double DOMAIN_M = 320;

    public LdDimSettings {
        if (cells < 8 || cells % 4 != 0) {
            throw new UserInputException("--grid must be a multiple of 4, at least 8, got " + cells);
        }
        MemorizationSettings.atLeast("training fields", training, 16);
        MemorizationSettings.atLeast("--vae-steps", vaeSteps, 1);
        MemorizationSettings.atLeast("--latent-steps", latentSteps, 1);
        MemorizationSettings.atLeast("--iterations", iterations, 1);
        MemorizationSettings.atLeast("--restarts", restarts, 2);
        MemorizationSettings.atLeast("DDIM steps", ddimSteps, 1);
        MemorizationSettings.atLeast("--samples", samples, 2);
        MemorizationSettings.atLeast("DPS steps", dpsSteps, 1);
        if (heads < 1 || heads > cells) {
            throw new UserInputException("head array must be 1.." + cells + " per side, got " + heads);
        }
    }

    /** 16 x 16 cells; 512 training fields, VAE 400 steps, latent denoiser 600, 150 iterations, 10 restarts. */
    public static LdDimSettings reduced(long seed) {
        return new LdDimSettings(16, 512, 400, 600, 150, 10, 10, 6, 0.01, 16, 32, seed, false);
    }

    /** 32 x 32 cells; 2000 training fields, VAE 3000 steps, latent denoiser 4000, 400 iterations, 10 restarts. */
    public static LdDimSettings full(long seed) {
        return new LdDimSettings(32, 2000, 3000, 4000, 400, 10, 20, 8, 0.01, 32, 50, seed, true);
    }

    /** These settings with the given overrides (null: keep). */
    public LdDimSettings with(Integer grid, Integer vae, Integer latent, Integer iters, Integer starts) {
        return new LdDimSettings(grid != null ? grid : cells, training, vae != null ? vae : vaeSteps,
                latent != null ? latent : latentSteps, iters != null ? iters : iterations,
                starts != null ? starts : restarts, ddimSteps, Math.min(heads, grid != null ? grid : cells), noise,
                samples, dpsSteps, seed, full);
    }

    /** Cell size, metres. */
    public double cellMetres() {
        return DOMAIN_M / cells;
    }

    /** Seed of the true fields: not the training sets' seed. */
    public long truthSeed() {
        return seed + 1_000_003L;
    }

    /** One line for the help, report and summary. */
    public String describe() {
        return String.format(Locale.ROOT, "%s size: %d x %d cells of %.0f m, %d training fields per family, VAE %d"
                        + " steps, latent denoiser %d steps, %d Adam iterations x %d restarts, LD-DIM chain of %d"
                        + " DDIM steps, %d x %d heads, noise %.3g of the RMS head; DPS view %d samples of %d steps",
                full ? "full" : "reduced", cells, cells, cellMetres(), training, vaeSteps, latentSteps, iterations,
                restarts, ddimSteps, heads, heads, noise, samples, dpsSteps);
    }

    /** The settings as text in a fixed order (experiment.json). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cells", Integer.toString(cells));
        m.put("training", Integer.toString(training));
        m.put("vae_steps", Integer.toString(vaeSteps));
        m.put("latent_steps", Integer.toString(latentSteps));
        m.put("iterations", Integer.toString(iterations));
        m.put("restarts", Integer.toString(restarts));
        m.put("ddim_steps", Integer.toString(ddimSteps));
        m.put("heads", Integer.toString(heads));
        m.put("noise", Double.toString(noise));
        m.put("samples", Integer.toString(samples));
        m.put("dps_steps", Integer.toString(dpsSteps));
        m.put("seed", Long.toString(seed));
        m.put("full", Boolean.toString(full));
        return m;
    }
}
