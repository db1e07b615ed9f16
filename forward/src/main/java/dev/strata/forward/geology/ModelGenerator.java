package dev.strata.forward.geology;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded family of training models for a diffusion prior: each draw is {@code [channels][nz][nx]} on
 * {@link #grid()}. The same {@link SplittableRandom} state gives the same models, bit for bit.
 */
public interface ModelGenerator {

    /** Where the models live. */
    SectionGrid grid();

    /** The channels of each model, in order. */
    List<Channel> channels();

    /** The settings that define the family (a record with scalar, enum and record components). */
    Record config();

    /** One model, {@code [channels][nz][nx]}; advances {@code random}. */
    float[] sample(SplittableRandom random);

    /**
     * {@code n} models, {@code [n][channels][nz][nx]}: one child generator is split off {@code random} per model, in
     * order, and the models are then drawn in parallel, so the result depends on {@code random} and {@code n} only.
     */
    default float[] samples(SplittableRandom random, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one model, got " + n);
        }
        SplittableRandom[] children = new SplittableRandom[n];
        for (int b = 0; b < n; b++) {
            children[b] = random.split();
        }
        int size = channels().size() * grid().cells();
        float[] out = new float[Math.multiplyExact(n, size)];
        IntStream.range(0, n).parallel().forEach(b -> System.arraycopy(sample(children[b]), 0, out, b * size, size));
        return out;
    }

    /** The statistics of a batch {@code [n][channels][nz][nx]} drawn from this family (not modified). */
    default FieldStatistics statistics(float[] models, int n) {
        return FieldStatistics.measure(models, n, channels(), grid());
    }

    /** {@link #config()} as flat, ordered name-value pairs (see {@link ConfigFields}), e.g. for a JSON sidecar. */
    default Map<String, Object> parameters() {
        return ConfigFields.of(config());
    }
}
