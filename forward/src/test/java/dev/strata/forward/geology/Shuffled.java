package dev.strata.forward.geology;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A deliberately wrong generator for the statistical tests: the models of {@code inner} with their cells permuted
 * at random (the same permutation for every channel), which keeps the marginals and the facies / property pairs but
 * destroys all spatial correlation.
 */
record Shuffled(ModelGenerator inner) implements ModelGenerator {
    @Override
    public SectionGrid grid() {
        return inner.grid();
    }

    @Override
    public List<Channel> channels() {
        return inner.channels();
    }

    @Override
    public Record config() {
        return this;
    }

    @Override
    public float[] sample(SplittableRandom random) {
        float[] model = inner.sample(random);
        int cells = grid().cells();
        int channels = channels().size();
        for (int i = cells - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            for (int c = 0; c < channels; c++) {
                float t = model[c * cells + i];
                model[c * cells + i] = model[c * cells + j];
                model[c * cells + j] = t;
            }
        }
        return model;
    }

    @Override
    public FieldStatistics statistics(float[] models, int n) {
        return inner.statistics(models, n);
    }
}
