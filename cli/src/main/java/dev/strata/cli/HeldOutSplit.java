package dev.strata.cli;

import java.util.Arrays;

/**
 * A training set cut in two: the first models train, the last {@code heldOutCount} are kept out to judge the prior.
 *
 * @param training      {@code [trainingCount, C, nz, nx]}
 * @param trainingCount models that train (>= 2)
 * @param heldOut       {@code [heldOutCount, C, nz, nx]}
 * @param heldOutCount  models held out (>= 1)
 */
record HeldOutSplit(float[] training, int trainingCount, float[] heldOut, int heldOutCount) {
    /** Held out by default: 10 % of the models, at least 1 and at most this many. */
    static final int DEFAULT_CAP = 256;

    /** The default number held out of {@code count} models. */
    static int defaultHoldout(int count) {
        return Math.clamp(count / 10, 1, DEFAULT_CAP);
    }

    /**
     * Keeps the last {@code holdout} of {@code count} models of {@code size} values out.
     *
     * @throws IllegalArgumentException when fewer than 1 would be held out or fewer than 2 would train
     */
    static HeldOutSplit of(float[] models, int count, int size, int holdout) {
        if (holdout < 1 || count - holdout < 2) {
            throw new IllegalArgumentException("--holdout " + holdout + " of " + count + " models must keep at least"
                    + " 1 out and 2 for training; fix: choose another --holdout or generate more models");
        }
        int kept = count - holdout;
        return new HeldOutSplit(Arrays.copyOf(models, kept * size), kept,
                Arrays.copyOfRange(models, kept * size, count * size), holdout);
    }
}
