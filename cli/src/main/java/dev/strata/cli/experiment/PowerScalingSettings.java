package dev.strata.cli.experiment;

import dev.strata.cli.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The size of one power-scaling experiment (seed 003, Erdinc et al.): the FWI grid and training set, the conditional
 * network's training, and the (lambda, alpha) settings sampled. Checked when built; each bad value is refused by name
 * with the fix.
 *
 * @param cells          the FWI grid is cells x cells square cells (divisible by 4 for the U-Net's 3 levels)
 * @param cellMetres     cell size in m
 * @param models         training models N (10 % more, at least 1, are held out to judge the network)
 * @param trainSteps     optimiser steps of the network ({@code strata train --steps})
 * @param trainBatch     models per training step
 * @param width          U-Net feature maps at full size
 * @param samples        posterior samples per setting
 * @param steps          EDM levels of each run
 * @param correctorSteps Langevin corrector steps per level where alpha != 1
 * @param lambdas        likelihood powers of the lambda sweep (alpha = 1)
 * @param alphas         prior powers of the alpha sweep (lambda = 1) and the joint grid
 * @param gridLambdas    likelihood powers of the joint grid (with every alpha)
 * @param noise          relative noise of the shot gathers (training pairs and the observed data)
 * @param seed           seeds the training set (the truth uses {@link #truthSeed()}), training and sampling
 * @param full           whether these are the {@code --full} sizes (for the report)
 */
public record PowerScalingSettings(int cells, double cellMetres, int models, int trainSteps, int trainBatch, int width,
                                   int samples, int steps, int correctorSteps, List<Double> lambdas,
                                   List<Double> alphas, List<Double> gridLambdas, double noise, long seed,
                                   boolean full) {
    /** U-Net levels. */
    static final int LEVELS = 3;
    /** Signal-to-noise ratio r of the corrector's step (Song et al. 2021, as in {@code strata validate}). */
    static final double SNR = 0.3;
    static final List<Double> LAMBDAS = List.of(0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);
    static final List<Double> ALPHAS = List.of(0.25, 0.5, 1.0, 1.5);
    static final List<Double> GRID_LAMBDAS = List.of(0.5, 1.0, 2.0, 4.0);

    public PowerScalingSettings {
        int unit = 1 << (LEVELS - 1);
        if (cells < 8 || cells % unit != 0) {
            throw new UserInputException("--grid " + cells + " must be at least 8 and divisible by " + unit
                    + "; fix: e.g. --grid 32");
        }
        atLeast("--models", models, 2);
        atLeast("--train-steps", trainSteps, 1);
        atLeast("--samples", samples, 2);
        atLeast("--steps", steps, 2);
        atLeast("corrector steps", correctorSteps, 1);
        lambdas = powers("--lambdas", lambdas, 0);
        alphas = powers("--alphas", alphas, Double.MIN_VALUE);
        gridLambdas = powers("--grid-lambdas", gridLambdas, 0);
        if (!(noise > 0 && noise < 1)) {
            throw new UserInputException("noise must lie in (0, 1), got " + noise);
        }
    }

    /** The default size: 32 x 32 cells of 10 m, 400 models, 1500 steps of 16, 8 samples of 16 levels. */
    public static PowerScalingSettings reduced(long seed) {
        return new PowerScalingSettings(32, 10, 400, 1500, 16, 16, 8, 16, 20, LAMBDAS, ALPHAS, GRID_LAMBDAS, 0.05,
                seed, false);
    }

    /** {@code --full}: 64 x 64 cells, 2000 models, 6000 steps of 32, width 32, 16 samples of 32 levels. */
    public static PowerScalingSettings full(long seed) {
        return new PowerScalingSettings(64, 10, 2000, 6000, 32, 32, 16, 32, 20, LAMBDAS, ALPHAS, GRID_LAMBDAS, 0.05,
                seed, true);
    }

    /** These settings with the given overrides (null: keep). */
    public PowerScalingSettings with(Integer cells, Integer models, Integer trainSteps, Integer samples,
                                     Integer steps, List<Double> lambdas, List<Double> alphas,
                                     List<Double> gridLambdas) {
        return new PowerScalingSettings(cells != null ? cells : this.cells, cellMetres,
                models != null ? models : this.models, trainSteps != null ? trainSteps : this.trainSteps, trainBatch,
                width, samples != null ? samples : this.samples, steps != null ? steps : this.steps, correctorSteps,
                lambdas != null ? lambdas : this.lambdas, alphas != null ? alphas : this.alphas,
                gridLambdas != null ? gridLambdas : this.gridLambdas, noise, seed, full);
    }

    /** Every (lambda, alpha) sampled: the lambda sweep, the alpha sweep, then the rest of the joint grid. */
    public List<PowerSetting> settings() {
        Set<PowerSetting> all = new LinkedHashSet<>();
        lambdas.forEach(l -> all.add(new PowerSetting(l, 1)));
        alphas.forEach(a -> all.add(new PowerSetting(1, a)));
        for (double l : gridLambdas) {
            alphas.forEach(a -> all.add(new PowerSetting(l, a)));
        }
        return List.copyOf(all);
    }

    /** Models held out of training to judge the network: 10 % of N, at least 1 (on top of N). */
    public int holdout() {
        return Math.max(1, models / 10);
    }

    /** Seed of the held-out true model: not the training set's seed, so the truth is none of its models. */
    public long truthSeed() {
        return seed + 1_000_003L;
    }

    /** One line for the help, report and summary. */
    public String describe() {
        return String.format(Locale.ROOT, "%s size: %d x %d cells of %s m (FWI, faulted layers), %d training models;"
                        + " conditional network width %d, %d levels, %d steps of %d; %d samples of %d EDM levels"
                        + " per setting, %d Langevin steps per level where alpha != 1", full ? "full" : "reduced",
                cells, cells, number(cellMetres), models, width, LEVELS, trainSteps, trainBatch, samples, steps,
                correctorSteps);
    }

    /** The settings as text in a fixed order (experiment.json; a resumed run must match them). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("experiment", "power-scaling");
        m.put("cells", Integer.toString(cells));
        m.put("cell_m", Double.toString(cellMetres));
        m.put("models", Integer.toString(models));
        m.put("train_steps", Integer.toString(trainSteps));
        m.put("train_batch", Integer.toString(trainBatch));
        m.put("width", Integer.toString(width));
        m.put("samples", Integer.toString(samples));
        m.put("steps", Integer.toString(steps));
        m.put("corrector_steps", Integer.toString(correctorSteps));
        m.put("lambdas", lambdas.toString());
        m.put("alphas", alphas.toString());
        m.put("grid_lambdas", gridLambdas.toString());
        m.put("noise", Double.toString(noise));
        m.put("seed", Long.toString(seed));
        m.put("full", Boolean.toString(full));
        return m;
    }

    /** {@code "0,0.5,1"} as powers; anything else is refused in one line. */
    public static List<Double> parsePowers(String option, String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                out.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new UserInputException(option + " '" + text + "' is not a list of powers; fix: give numbers"
                        + " separated by commas, e.g. " + option + " 0,1,2", e);
            }
        }
        return out;
    }

    private static List<Double> powers(String option, List<Double> values, double min) {
        if (values == null || values.isEmpty()) {
            throw new UserInputException(option + " is empty; fix: give at least one power");
        }
        for (double v : values) {
            if (!(v >= min) || v > 100) {
                throw new UserInputException(option + ": power " + v + " must lie in " + (min > 0 ? "(0, 100]"
                        : "[0, 100]") + "; fix: e.g. " + option + " 0.5,1,2");
            }
        }
        return values.stream().distinct().sorted().toList();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new UserInputException(what + " must be >= " + min + ", got " + value);
        }
    }
}
