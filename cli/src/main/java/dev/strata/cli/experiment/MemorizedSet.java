package dev.strata.cli.experiment;

import dev.strata.io.TrainingSetFile;
import dev.strata.sampler.mixture.TrainingSet;
import dev.strata.sampler.prior.ChannelNormalisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A training set as the memorized prior sees it: the N physical models, their per-channel normalisation (the one
 * {@code --prior memorized:FILE} uses) and the normalised examples {x_k}, in which distances and the memorization
 * metric are measured.
 *
 * @param n          N
 * @param shape      one model {@code [C, nz, nx]}
 * @param models     physical models {@code [N, C, nz, nx]}
 * @param norm       x = (m - mean_c) / std_c per channel c
 * @param normalised the examples x_k
 */
record MemorizedSet(int n, int[] shape, float[] models, ChannelNormalisation norm, TrainingSet normalised) {

    static MemorizedSet read(Path file) {
        TrainingSetFile f;
        try {
            f = TrainingSetFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        int[] s = f.models().shape();
        int[] shape = {s[1], s[2], s[3]};
        float[] models = f.models().data();
        ChannelNormalisation norm = ChannelNormalisation.of(models, s[0], shape);
        return new MemorizedSet(s[0], shape, models, norm, new TrainingSet(shape, norm.normalise(models), s[0]));
    }

    /** Values per model. */
    int size() {
        return normalised.size();
    }

    /** The prior mean (1/N) sum_k m_k in physical units. */
    float[] mean() {
        int d = size();
        double[] s = new double[d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                s[i] += models[k * d + i];
            }
        }
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            out[i] = (float) (s[i] / n);
        }
        return out;
    }

    /** The model m_k closest to {@code model} (physical, L2), a copy. */
    float[] nearest(float[] model) {
        double[] d2 = normalised.squaredDistances(norm.normalise(model), 1);
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (d2[k] < d2[best]) {
                best = k;
            }
        }
        return Arrays.copyOfRange(models, best * size(), (best + 1) * size());
    }
}
