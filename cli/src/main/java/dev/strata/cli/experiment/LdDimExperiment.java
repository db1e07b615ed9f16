package dev.strata.cli.experiment;

import dev.strata.cli.LatentTraining;
import dev.strata.cli.experiment.LdDimSurvey.Family;
import dev.strata.forward.darcy.DarcyGrid;
import dev.strata.forward.darcy.DarcyOperator;
import dev.strata.forward.darcy.LogConductivityField;
import dev.strata.sampler.Gaussian;
import dev.strata.sampler.latent.AdamDescent;
import dev.strata.sampler.latent.DecodedOperator;
import dev.strata.sampler.latent.InversionTrace;
import dev.strata.sampler.latent.LatentInversion;
import dev.strata.sampler.latent.LdDimSampler;
import dev.strata.sampler.latent.PixelInversion;
import dev.strata.sampler.guidance.DpsGuidance;
import dev.strata.sampler.mcmc.GaussianLikelihood;
import dev.strata.sampler.nn.LatentPrior;
import dev.strata.sampler.nn.LatentPriorTrainer;
import dev.strata.sampler.nn.LatentPriorCheckpoint;
import dev.strata.sampler.nn.LatentPriorWeights;
import dev.strata.sampler.vp.BetaSchedule;
import dev.strata.sampler.vp.DdimSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code strata experiment ld-dim} (seed 002, Lin and He, arXiv 2512.22421): for each field family, trains a latent
 * diffusion prior (VAE, then an EDM denoiser on its latents), synthesises noisy heads from a held-out true field, and
 * inverts them with LD-DIM, the physics-embedded VAE and smoothed pixel-space descent, each from the same number of
 * restarts drawn from the prior, each by Adam for the same number of iterations; then draws DPS samples with the
 * latent prior (the posterior view). See {@link LdDimMetrics} for what is measured.
 */
final class LdDimExperiment {
    /** Adam's step size on ln K; the latent methods take {@link LdDimSampler}'s rate and weight of the N(0, I) term. */
    static final double PIXEL_RATE = 0.05;
    /** Smoothing weight of the pixel baseline. */
    static final double SMOOTHNESS = 1;
    /** DPS step scale of the posterior view (whitened heads). */
    static final double ZETA = 0.5;

    /** The methods, in table order. */
    static final List<String> METHODS = List.of("ld-dim", "vae", "pixel");

    /**
     * @param family   the field family
     * @param truth    the held-out true field
     * @param methods  one per entry of {@link #METHODS}
     * @param view     the DPS posterior view
     * @param vaeLoss  the VAE's loss over its last 10 % of steps
     */
    record FamilyResult(Family family, float[] truth, List<LdDimMetrics> methods, PosteriorView view,
                        double vaeLoss) {
    }

    private LdDimExperiment() {
    }

    /** Runs both families; with {@code resume} the latent priors and inversions kept under data/ are reused. */
    static List<FamilyResult> run(LdDimSettings s, Path out, StageClock clock, boolean resume) {
        List<FamilyResult> results = new ArrayList<>();
        for (Family f : Family.values()) {
            results.add(family(s, f, out, clock, resume));
        }
        return results;
    }

    private static FamilyResult family(LdDimSettings s, Family f, Path out, StageClock clock, boolean resume) {
        DarcyGrid grid = LdDimSurvey.grid(s);
        LogConductivityField field = f.field(grid);
        DarcyOperator heads = LdDimSurvey.heads(s);
        DarcyOperator allHeads = LdDimSurvey.allHeads(s);
        int n = s.cells();
        float[] fields = field.samples(new SplittableRandom(s.seed() + f.ordinal()), s.training());
        float[] vaeLoss = new float[1];
        LatentPriorWeights weights = trainedOrKept(s, f, fields, out, clock, resume, vaeLoss);
        float[] truth = field.sample(new SplittableRandom(s.truthSeed() + f.ordinal()));
        float[] clean = heads.apply(truth, 1);
        double sigma = s.noise() * rms(clean);
        Gaussian noise = new Gaussian(s.truthSeed() + 17 + f.ordinal());
        float[] y = clean.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] += (float) (sigma * noise.next());
        }
        GaussianLikelihood likelihood = new GaussianLikelihood(heads, y, sigma);
        int k = heads.outputSize();
        boolean bi = f == Family.BIMATERIAL;
        int r = s.restarts();
        AdamDescent.Settings latentDescent = new AdamDescent.Settings(s.iterations(), LdDimSampler.RATE);
        double weight = LdDimSampler.LATENT_WEIGHT;
        List<LdDimMetrics> methods = new ArrayList<>();
        PosteriorView view;
        try (LatentPrior prior = new LatentPrior(weights)) {
            int size = weights.latentSize();
            float[] z0 = new Gaussian(s.seed() + 101 + f.ordinal()).array(r * size, 1);
            Path data = out.resolve("data");
            methods.add(timed(clock, f, "ld-dim", data, resume, () -> LatentInversion.run(prior, likelihood, z0, r,
                    new LatentInversion.Settings(latentDescent, s.ddimSteps(), weight), truth), truth,
                    allHeads, k, bi, n));
            float[] u0 = new Gaussian(s.seed() + 202 + f.ordinal()).array(r * size, 1);
            methods.add(timed(clock, f, "vae", data, resume, () -> LatentInversion.run(prior, likelihood, u0, r,
                    new LatentInversion.Settings(latentDescent, 0, weight), truth), truth, allHeads, k, bi, n));
            float[] m0 = field.samples(new SplittableRandom(s.seed() + 303 + f.ordinal()), r);
            methods.add(timed(clock, f, "pixel", data, resume, () -> PixelInversion.run(likelihood, n, n, SMOOTHNESS, m0, r,
                    new AdamDescent.Settings(s.iterations(), PIXEL_RATE), truth), truth, allHeads, k, bi, n));
            view = clock.time(f.id + ": DPS view", () -> posteriorView(s, prior, heads, y, sigma, truth));
        }
        return new FamilyResult(f, truth, methods, view, vaeLoss[0]);
    }

    /** Runs (or, resuming, reads back from data/FAMILY-METHOD.trace) one method's inversion and measures it. */
    private static LdDimMetrics timed(StageClock clock, Family f, String method, Path data, boolean resume,
                                      java.util.function.Supplier<InversionTrace> run, float[] truth,
                                      DarcyOperator allHeads, int observed, boolean bimaterial, int nx) {
        String stage = f.id + ": " + method;
        Path file = data.resolve(f.id + "-" + method + ".trace");
        InversionTrace[] trace = new InversionTrace[1];
        clock.timeOrKeep(stage, () -> {
            if (resume && Files.isRegularFile(file)) {
                trace[0] = TraceFile.read(file);
                return false;
            }
            trace[0] = run.get();
            TraceFile.write(file, trace[0]);
            return true;
        });
        return metrics(method, trace[0], truth, allHeads, observed, bimaterial, nx, clock.seconds().get(stage));
    }

    private static LdDimMetrics metrics(String method, InversionTrace trace, float[] truth, DarcyOperator allHeads,
                                        int observed, boolean bimaterial, int nx, double seconds) {
        return LdDimMetrics.of(method, trace, truth, allHeads, observed, bimaterial, nx, seconds);
    }

    /**
     * The family's latent prior: trained and kept in data/FAMILY-prior (with its VAE loss in data/FAMILY-vae-loss),
     * or, resuming, read back from there.
     */
    private static LatentPriorWeights trainedOrKept(LdDimSettings s, Family f, float[] fields, Path out,
                                                   StageClock clock, boolean resume, float[] vaeLoss) {
        Path dir = out.resolve("data").resolve(f.id + "-prior");
        Path loss = out.resolve("data").resolve(f.id + "-vae-loss");
        LatentPriorWeights[] w = new LatentPriorWeights[1];
        clock.timeOrKeep(f.id + ": train latent prior", () -> {
            try {
                if (resume && LatentPriorCheckpoint.isIn(dir) && Files.isRegularFile(loss)) {
                    w[0] = LatentPriorCheckpoint.read(dir);
                    vaeLoss[0] = Float.parseFloat(Files.readString(loss).strip());
                    return false;
                }
                w[0] = train(s, fields, out, f, vaeLoss);
                LatentPriorCheckpoint.write(w[0], java.util.Map.of("family", f.id), dir);
                Files.writeString(loss, Float.toString(vaeLoss[0]));
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("the latent prior in " + dir + ": " + e.getMessage(), e);
            }
        });
        return w[0];
    }

    private static LatentPriorWeights train(LdDimSettings s, float[] fields, Path out, Family f, float[] vaeLoss) {
        LatentPriorTrainer.Settings settings = LatentTraining.settings(s.vaeSteps(), s.latentSteps(), s.seed());
        float[][] losses = new float[1][];
        try {
            LatentPriorWeights w = LatentPriorTrainer.train(settings, fields, s.training(), s.cells(), s.cells(),
                    out.resolve("data").resolve(f.id + "-latent-state.bin"), (stage, done, total, loss) -> {
                        if (stage.equals("vae")) {
                            if (losses[0] == null) {
                                losses[0] = new float[total];
                            }
                            losses[0][done - 1] = (float) loss;
                        }
                    });
            vaeLoss[0] = (float) tailMean(losses[0]);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latent denoiser's checkpoint: " + e.getMessage(), e);
        }
    }

    /** DPS (Chung et al. 2023) in the latent space on the whitened heads, DDIM with eta = 1; decoded. */
    private static PosteriorView posteriorView(LdDimSettings s, LatentPrior prior, DarcyOperator heads, float[] y,
                                               double sigma, float[] truth) {
        dev.strata.forward.WhitenedOutput white = new dev.strata.forward.WhitenedOutput(heads,
                java.util.Collections.nCopies(heads.outputSize(), sigma).stream().mapToDouble(Double::doubleValue)
                        .toArray());
        DecodedOperator op = new DecodedOperator(prior, white);
        DdimSampler sampler = new DdimSampler(prior.denoiser(), BetaSchedule.linear(1000), s.dpsSteps(), 1.0,
                new DpsGuidance(op, white.whiten(y), ZETA));
        float[] u = sampler.sample(s.samples(), s.seed() + 404, 0, dev.strata.sampler.ProgressListener.NONE);
        return PosteriorView.of(prior.decode(u, s.samples()), s.samples(), truth);
    }

    private static double rms(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s / v.length);
    }

    private static double tailMean(float[] v) {
        int from = v.length - Math.max(1, v.length / 10);
        double s = 0;
        for (int i = from; i < v.length; i++) {
            s += v[i];
        }
        return s / (v.length - from);
    }
}
