package dev.strata.cli.experiment;

import dev.strata.cli.DatagenCommand;
import dev.strata.cli.DatagenProblem;
import dev.strata.forward.geology.LayeredVelocityModel;
import dev.strata.forward.geology.ModelGenerator;
import dev.strata.forward.geology.SectionGrid;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The data of a memorization experiment, with {@code strata datagen}'s writer: for each N the N faulted-layer FWI
 * velocity models of the memorized prior, the same N followed by the held-out models that judge the network (a
 * generator's first N draws do not depend on how many follow), and one true model of another seed.
 */
final class TrainingSets {
    private TrainingSets() {
    }

    static void write(MemorizationSettings s, ExperimentLayout layout) {
        ModelGenerator generator = LayeredVelocityModel.faulted(new SectionGrid(s.cells(), s.cells(), s.cellMetres(),
                s.cellMetres()));
        DatagenCommand.writeTrainingSet(DatagenProblem.FWI, MemorizationSettings.FAMILY, generator, 1, s.truthSeed(),
                layout.truth());
        for (int n : s.sizes()) {
            write(generator, n, s.seed(), layout.trainingSet(n));
            write(generator, n + s.holdout(n), s.seed(), layout.networkSet(n));
            requireSamePrefix(layout.trainingSet(n), layout.networkSet(n), n);
        }
    }

    private static void write(ModelGenerator generator, int n, long seed, Path file) {
        DatagenCommand.writeTrainingSet(DatagenProblem.FWI, MemorizationSettings.FAMILY, generator, n, seed, file);
    }

    /** The network must train on exactly the memorized prior's models; anything else is a bug, not bad input. */
    private static void requireSamePrefix(Path memorized, Path network, int n) {
        float[] a = MemorizedSet.read(memorized).models();
        float[] b = MemorizedSet.read(network).models();
        if (!Arrays.equals(a, 0, a.length, b, 0, a.length)) {
            throw new IllegalStateException("the first " + n + " models of " + network + " differ from " + memorized);
        }
    }
}
