package dev.strata.cli.experiment;

import dev.strata.cli.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size of one memorization experiment (seed 001, Siahkoohi and Sabeddu): training-set sizes, the FWI grid, the
 * network's training and the DPS runs. Checked when built; each bad value is refused by name with the fix.
 *
 * @param sizes          training-set sizes N, ascending, each >= 2
 * @param cells          the FWI grid is cells x cells square cells (divisible by 4 for the U-Net's 3 levels)
 * @param cellMetres     cell size in m
 * @param trainSteps     optimiser steps of each network prior ({@code strata train --steps})
 * @param trainBatch     models per training step
 * @param width          U-Net feature maps at full size
 * @param levels         U-Net levels
 * @param qualitySamples unguided draws that judge each network ({@code strata train --quality-samples})
 * @param qualitySteps   Heun levels of those draws
 * @param samples        DPS posterior samples per (N, prior)
 * @param steps          reverse steps of each DPS run
 * @param noise          relative noise of the synthesised shot gathers
 * @param seed           seeds the training sets (the held-out truth uses {@link #truthSeed()}), training and DPS
 * @param full           whether these are the {@code --full} sizes (for the report)
 */
public record MemorizationSettings(List<Integer> sizes, int cells, double cellMetres, int trainSteps, int trainBatch,
                                   int width, int levels, int qualitySamples, int qualitySteps, int samples, int steps,
                                   double noise, long seed, boolean full) {
    /** Training-set sizes when {@code --sizes} is not given. */
    public static final List<Integer> DEFAULT_SIZES = List.of(50, 200, 1000);
    /** The training-set family: folded, faulted layers of {@code strata datagen --problem fwi --family faulted}. */
    public static final String FAMILY = "faulted";

    public MemorizationSettings {
        if (sizes == null || sizes.isEmpty()) {
            throw new UserInputException("--sizes is empty; fix: give training-set sizes such as 50,200,1000");
        }
        for (int n : sizes) {
            if (n < 2) {
                throw new UserInputException("--sizes: every training set needs at least 2 models, got " + n
                        + "; fix: use sizes >= 2");
            }
        }
        sizes = sizes.stream().distinct().sorted().toList();
        int unit = 1 << Math.max(0, levels - 1);
        if (cells < 8 || cells % unit != 0) {
            throw new UserInputException("--grid " + cells + " must be at least 8 and divisible by " + unit
                    + " (the U-Net's " + levels + " levels); fix: e.g. --grid 32");
        }
        atLeast("--train-steps", trainSteps, 1);
        atLeast("--samples", samples, 1);
        atLeast("--steps", steps, 2);
        atLeast("train batch", trainBatch, 1);
        atLeast("quality samples", qualitySamples, 1);
        atLeast("quality steps", qualitySteps, 1);
        if (!(cellMetres > 0) || !(noise > 0)) {
            throw new UserInputException("cell size and noise must be positive, got " + cellMetres + " m and " + noise);
        }
    }

    /**
     * The default size: 32 x 32 cells of 10 m, 300 training steps of 16 models, width 16, 4 DPS samples of 16
     * steps.
     */
    public static MemorizationSettings reduced(List<Integer> sizes, long seed) {
        return new MemorizationSettings(sizes, 32, 10, 300, 16, 16, 3, 4, 8, 4, 16, 0.05, seed, false);
    }

    /** {@code --full}: 64 x 64 cells of 10 m, 4000 training steps of width 32, 16 DPS samples of 50 steps. */
    public static MemorizationSettings full(List<Integer> sizes, long seed) {
        return new MemorizationSettings(sizes, 64, 10, 4000, 32, 32, 3, 16, 32, 16, 50, 0.05, seed, true);
    }

    /** These settings with the given overrides (null: keep). */
    public MemorizationSettings with(Integer cells, Integer trainSteps, Integer samples, Integer steps) {
        return new MemorizationSettings(sizes, cells != null ? cells : this.cells, cellMetres,
                trainSteps != null ? trainSteps : this.trainSteps, trainBatch, width, levels, qualitySamples,
                qualitySteps, samples != null ? samples : this.samples, steps != null ? steps : this.steps, noise, seed,
                full);
    }

    /** {@code "50,200,1000"} as sizes; anything else is refused in one line. */
    public static List<Integer> parseSizes(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new UserInputException("--sizes '" + text + "' is not a list of training-set sizes; fix: give"
                        + " whole numbers >= 2 separated by commas, e.g. --sizes 50,200,1000", e);
            }
        }
        return out;
    }

    /** Models held out of each network's training to judge it: 10 % of N, at least 1 (they come on top of N). */
    public int holdout(int n) {
        return Math.max(1, n / 10);
    }

    /** Seed of the held-out true model: not the training sets' seed, so the truth is none of their models. */
    public long truthSeed() {
        return seed + 1_000_003L;
    }

    /** One line for the help, report and summary. */
    public String describe() {
        return String.format(Locale.ROOT, "%s size: training sets N = %s of %d x %d cells of %s m (FWI, %s);"
                        + " networks %d steps, batch %d, width %d, %d levels; DPS %d samples of %d steps",
                full ? "full" : "reduced", sizes.stream().map(String::valueOf).reduce((a, b) -> a + "," + b)
                        .orElseThrow(), cells, cells, number(cellMetres), FAMILY, trainSteps, trainBatch, width, levels,
                samples, steps);
    }

    /** The settings as text in a fixed order (experiment.json; a resumed run must match them). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sizes", String.join(",", sizes.stream().map(String::valueOf).toList()));
        m.put("cells", Integer.toString(cells));
        m.put("cell_m", Double.toString(cellMetres));
        m.put("train_steps", Integer.toString(trainSteps));
        m.put("train_batch", Integer.toString(trainBatch));
        m.put("width", Integer.toString(width));
        m.put("levels", Integer.toString(levels));
        m.put("quality_samples", Integer.toString(qualitySamples));
        m.put("quality_steps", Integer.toString(qualitySteps));
        m.put("samples", Integer.toString(samples));
        m.put("steps", Integer.toString(steps));
        m.put("noise", Double.toString(noise));
        m.put("seed", Long.toString(seed));
        m.put("full", Boolean.toString(full));
        return m;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Refuses {@code value} below {@code min} in one line naming {@code what}. */
    static void atLeast(String what, int value, int min) {
        if (value < min) {
            throw new UserInputException(what + " must be >= " + min + ", got " + value);
        }
    }
}
