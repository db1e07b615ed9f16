package dev.strata.cli.invert;

import dev.strata.cli.ShippedPrior;
import dev.strata.cli.UserInputException;
import dev.strata.io.FloatDataset;
import dev.strata.io.TrainingSetFile;
import dev.strata.sampler.mixture.GaussianMixtureDenoiser;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import dev.strata.sampler.nn.LatentPrior;
import dev.strata.sampler.nn.LatentPriorCheckpoint;
import dev.strata.sampler.nn.LatentPriorWeights;
import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.nn.NetworkDevice;
import dev.strata.sampler.prior.ChannelNormalisation;
import dev.strata.sampler.prior.SpectralGaussianPrior;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds the prior named by {@code --prior}: {@code gaussian} (the analytic smooth Gaussian around the problem's
 * background), {@code gmm:FILE} (a Gaussian mixture over a training set, component std {@value #GMM_GAMMA} in
 * normalised units), {@code memorized:FILE} (seed 001: the training set itself, a mixture of deltas) and
 * {@code network:DIR} (weights from {@code strata train}).
 */
final class PriorFactory {
    /** Component standard deviation of {@code gmm:} priors, in units of the training set's per-channel std. */
    static final double GMM_GAMMA = 0.1;
    /** Examples drawn from an analytic prior to measure the denoiser's error profile. */
    static final int PROFILE_EXAMPLES = 64;

    private PriorFactory() {
    }

    static Prior build(String spec, PhysicalProblem problem, long seed, String device) {
        var g = problem.observations().grid();
        int[] shape = {g.channels(), g.nz(), g.nx()};
        int channels = shape[0];
        if (spec.equals("gaussian")) {
            return gaussian(problem, shape, seed);
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String arg = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "gmm" -> mixture(spec, arg, shape, GMM_GAMMA);
            case "memorized" -> mixture(spec, arg, shape, 0);
            case "network" -> {
                if (arg.isEmpty()) {
                    throw new UserInputException("--prior network: needs a folder of strata train or a shipped"
                            + " prior's name after the colon; fix: e.g. --prior network:seismic");
                }
                if (ShippedPrior.NAMES.contains(arg)) {
                    ShippedPrior shipped = ShippedPrior.named(arg);
                    yield network(spec, shipped.checkpoint(), "shipped prior " + arg + " (" + shipped.command() + ")",
                            shape, device);
                }
                yield network(spec, read(spec, Path.of(arg)), Path.of(arg).toString(), shape, device);
            }
            case "latent" -> latent(spec, arg, shape);
            default -> throw new UserInputException("--prior '" + spec + "' is unknown; fix: use gaussian,"
                    + " gmm:FILE, memorized:FILE, network:DIR or latent:DIR");
        };
    }

    private static Prior gaussian(PhysicalProblem problem, int[] shape, long seed) {
        int channels = shape[0];
        double[] zero = new double[channels];
        double[] one = new double[channels];
        Arrays.fill(one, 1);
        double[] corr = correlationCells(problem.observations().problem());
        SpectralGaussianPrior prior = new SpectralGaussianPrior(new SpectralGaussianPrior.Config(channels, shape[1],
                shape[2], zero, one, corr[0], corr[1], Math.min(shape[1], 40), Math.min(shape[2], 40), 0.02));
        return new Prior("gaussian (cosine-basis spectrum, correlation " + corr[0] + " x " + corr[1] + " cells)",
                prior.denoiser(), problem.background(), problem.spread(), prior.sample(PROFILE_EXAMPLES, seed ^ 0x5eed),
                PROFILE_EXAMPLES, prior);
    }

    /** Correlation lengths (depth, lateral) in cells of the analytic prior per problem. */
    static double[] correlationCells(String problem) {
        return switch (problem) {
            case "fwi" -> new double[] {4, 12};
            case "darcy" -> new double[] {5, 5};
            default -> new double[] {3, 25};
        };
    }

    private static LearnedPriorCheckpoint read(String spec, Path dir) {
        try {
            return LearnedPriorCheckpoint.read(dir);
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("--prior " + spec + ": " + e.getMessage(), e);
        }
    }

    /** The prior learned by {@code strata train} ({@code where}); its NetworkDenoiser is closed with the Prior. */
    private static Prior network(String spec, LearnedPriorCheckpoint c, String where, int[] shape, String device) {
        int[] trained = c.normalisation().shape();
        if (!Arrays.equals(trained, shape)) {
            throw new UserInputException("--prior " + spec + ": the network was trained on models of shape "
                    + Arrays.toString(trained) + ", the problem needs " + Arrays.toString(shape) + "; fix: train on"
                    + " a training set of the problem's grid");
        }
        NetworkDenoiser denoiser;
        try {
            denoiser = c.denoiser(NetworkDevice.parse(device));
        } catch (IllegalStateException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return new Prior("learned network (EMA weights, final loss " + c.finalLoss() + ") in " + where, denoiser,
                c.normalisation().offset(), c.normalisation().scale(), c.examples(), c.exampleCount(), null);
    }

    /** The latent diffusion prior of {@code strata train --latent} in {@code dir}, for {@code --sampler ld-dim}. */
    private static Prior latent(String spec, String dir, int[] shape) {
        LatentPriorWeights w;
        try {
            w = LatentPriorCheckpoint.read(Path.of(dir));
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("--prior " + spec + ": " + e.getMessage() + "; fix: give a folder written by"
                    + " strata train --latent", e);
        }
        if (shape[0] != 1 || w.nz() != shape[1] || w.nx() != shape[2]) {
            throw new UserInputException("--prior " + spec + ": the latent prior decodes 1 x " + w.nz() + " x "
                    + w.nx() + " fields, the problem needs " + Arrays.toString(shape) + "; fix: train it on a"
                    + " training set of the problem's grid");
        }
        int size = w.nz() * w.nx();
        float[] one = new float[size];
        Arrays.fill(one, 1);
        return new Prior("latent diffusion prior (VAE + latent EDM denoiser) in " + dir, null, new float[size], one,
                new float[0], 0, null, new LatentPrior(w));
    }

    private static Prior mixture(String spec, String file, int[] shape, double gamma) {
        if (file.isEmpty()) {
            throw new UserInputException("--prior " + spec + " needs a training-set file after the colon; fix: e.g."
                    + " --prior " + spec + "training.h5 (make one with strata datagen)");
        }
        FloatDataset models;
        try {
            models = TrainingSetFile.read(Path.of(file)).models();
        } catch (IOException e) {
            throw new UserInputException("--prior " + spec + ": " + e.getMessage(), e);
        }
        int[] s = models.shape();
        if (s.length != 4 || s[1] != shape[0] || s[2] != shape[1] || s[3] != shape[2]) {
            throw new UserInputException("--prior " + spec + ": training models have shape " + Arrays.toString(s)
                    + ", the problem needs [N, " + shape[0] + ", " + shape[1] + ", " + shape[2] + "]; fix: make a"
                    + " training set on the problem's grid");
        }
        int n = s[0];
        ChannelNormalisation norm;
        try {
            norm = ChannelNormalisation.of(models.data(), n, shape);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--prior " + spec + ": " + e.getMessage(), e);
        }
        float[] normalised = norm.normalise(models.data());
        TrainingSet set = new TrainingSet(shape, normalised, n);
        String what = gamma == 0 ? "memorized training set" : "Gaussian mixture (component std " + gamma + ")";
        return new Prior(what + " over " + n + " models of " + file,
                new GaussianMixtureDenoiser(set, gamma, null), norm.offset(), norm.scale(), normalised, n, null);
    }
}
