package dev.strata.cli;

import dev.strata.forward.geology.ModelGenerator;
import dev.strata.forward.geology.SectionGrid;
import dev.strata.sampler.nn.LearnedPriorCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The learned priors shipped with Strata ({@code --prior network:seismic|fwi|darcy}), each trained by
 * {@code strata train --shipped NAME --out DIR}: a seeded {@code strata datagen} training set of {@link #models}
 * models on {@link #grid}, then denoising score matching with these settings on {@link #THREADS} PyTorch threads
 * (the thread count is part of what makes the weights reproducible). The files live as resources of this class under
 * {@code priors/NAME/}.
 *
 * @param problem  the datagen problem
 * @param family   its model family
 * @param grid     the training models' grid
 * @param models   training-set size (the last 10 % held out to judge the prior)
 * @param steps    optimiser steps
 * @param batch    models per step
 * @param width    feature maps at full size
 * @param levels   U-Net levels
 */
public record ShippedPrior(String name, DatagenProblem problem, String family, SectionGrid grid, int models, int steps,
                    int batch, int width, int levels) {
    /** PyTorch intra-op threads of every shipped training run. */
    static final int THREADS = 2;
    /** Seed of the training sets and of the training runs. */
    static final long SEED = 1;
    /** Learning rate, weight decay and EMA decay of every shipped run. */
    static final double LR = 2e-3;
    static final double WEIGHT_DECAY = 0.01;
    static final double EMA = 0.995;

    /** Seismic facies + impedance (seed 000), 2 x 80 x 100; the grid of {@code --true builtin:seismic}. */
    static final ShippedPrior SEISMIC = new ShippedPrior("seismic", DatagenProblem.SEISMIC, "facies-impedance",
            new SectionGrid(80, 100, 1, 10), 1000, 1000, 32, 16, 3);
    /** Faulted layered velocity (OpenFWI-like), 64 x 64 cells of 10 m; the grid of {@code --true builtin:faulted}. */
    static final ShippedPrior FWI = new ShippedPrior("fwi", DatagenProblem.FWI, "faulted",
            new SectionGrid(64, 64, 10, 10), 1000, 1500, 32, 16, 3);
    /** Gaussian random ln K fields, 32 x 32 cells of 10 m; the grid of {@code --true builtin:darcy}. */
    static final ShippedPrior DARCY = new ShippedPrior("darcy", DatagenProblem.DARCY, "grf",
            new SectionGrid(32, 32, 10, 10), 1000, 1500, 32, 16, 3);

    static final List<ShippedPrior> ALL = List.of(SEISMIC, FWI, DARCY);
    /** Their names, as {@code --prior network:NAME} takes them. */
    public static final List<String> NAMES = ALL.stream().map(ShippedPrior::name).toList();

    /** The shipped prior called {@code name}, or a one-line refusal. */
    public static ShippedPrior named(String name) {
        for (ShippedPrior p : ALL) {
            if (p.name.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new UserInputException("no shipped prior is called '" + name + "'; use seismic, fwi or darcy");
    }

    /** The training-set generator. */
    ModelGenerator generator() {
        return problem.generator(family, grid, null, null);
    }

    /** The command that reproduces the shipped files. */
    public String command() {
        return "strata train --shipped " + name + " --out DIR";
    }

    /** The shipped checkpoint, read from this class's resources. */
    public LearnedPriorCheckpoint checkpoint() {
        try {
            return LearnedPriorCheckpoint.read("shipped prior " + name, file -> {
                try (InputStream in = ShippedPrior.class.getResourceAsStream("priors/" + name + "/" + file)) {
                    if (in == null) {
                        throw new IOException("the build holds no resource priors/" + name + "/" + file);
                    }
                    return in.readAllBytes();
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("shipped prior " + name + " is damaged: " + e.getMessage(), e);
        }
    }
}
