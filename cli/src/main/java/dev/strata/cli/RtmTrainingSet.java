package dev.strata.cli;

import dev.strata.cli.invert.RtmCondition;
import dev.strata.io.FloatDataset;
import dev.strata.io.TrainingSetFile;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ComputeBackends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code strata train --condition rtm}: an fwi training set with the seed-003 condition of every model, the RTM image
 * of its noisy shot gathers ({@link RtmCondition}), written as {@code OUT/training-set-rtm.h5} (the models unchanged,
 * {@code /conditions [N, 1, nz, nx]}) so that {@code strata train} learns D(x; c) and D(x) from one network.
 */
final class RtmTrainingSet {
    /** The file written into --out. */
    static final String FILE = "training-set-rtm.h5";

    private RtmTrainingSet() {
    }

    /**
     * The set with its RTM conditions, written to {@code out/training-set-rtm.h5}.
     *
     * @param noise relative noise of the shot gathers (as {@code strata invert --noise})
     * @param seed  the training seed; model k's noise uses seed + k
     */
    static TrainingSetFile make(TrainingSetFile set, Path data, Path out, double noise, long seed) {
        if (!set.problem().equals("fwi") || !set.channels().equals(List.of("velocity"))) {
            throw new UserInputException("--condition rtm needs an fwi training set of velocity models, --data " + data
                    + " holds " + set.problem() + " models " + set.channels() + "; fix: make one with strata datagen"
                    + " --problem fwi");
        }
        if (set.conditions() != null) {
            throw new UserInputException("--data " + data + " already holds /conditions; fix: drop --condition to"
                    + " train on them");
        }
        if (!(noise > 0 && noise < 1)) {
            throw new UserInputException("--condition-noise must lie in (0, 1), got " + noise);
        }
        float[] images;
        try (ComputeBackend backend = ComputeBackends.open("jvm");
             Progress p = new Progress("RTM conditions", set.count())) {
            images = RtmCondition.forModels(set, noise, seed, backend, k -> p.stepDone(k, set.count()));
        }
        TrainingSetFile conditioned = new TrainingSetFile(set.problem(), set.channels(), set.units(), set.dz(),
                set.dx(), set.generator(), set.seed(), set.strataVersion(), set.models(),
                new FloatDataset(images, new int[] {set.count(), 1, set.nz(), set.nx()}));
        Path file = out.resolve(FILE);
        try {
            conditioned.write(file);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return conditioned;
    }
}
