package dev.strata.forward.geology;

import java.util.List;
import java.util.SplittableRandom;

/** One standard Gaussian field per model, as a {@link ModelGenerator}, to test {@link SpectralGaussianField}. */
record StandardFieldModel(SectionGrid grid, SpectralGaussianField field) implements ModelGenerator {
    @Override
    public List<Channel> channels() {
        return List.of(new Channel("g", "1"));
    }

    @Override
    public Record config() {
        return this;
    }

    @Override
    public float[] sample(SplittableRandom random) {
        return field.sample(grid, random);
    }
}
