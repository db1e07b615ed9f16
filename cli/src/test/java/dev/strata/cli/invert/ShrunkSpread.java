package dev.strata.cli.invert;

import dev.strata.cli.invert.SyntheticTruths.SyntheticCase;
import java.util.List;

/**
 * A sampler made overconfident on purpose: each case's samples drawn by {@code inner}, then pulled towards their
 * mean so that their spread is {@code factor} times what it was (x_s <- mean + factor (x_s - mean), per cell).
 */
record ShrunkSpread(CaseSampling inner, double factor) implements CaseSampling {

    @Override
    public CaseDraws sample(List<SyntheticCase> cases, int samples, long seed) {
        CaseDraws d = inner.sample(cases, samples, seed);
        float[] x = d.samples().clone();
        int size = cases.getFirst().truth().length;
        for (int c = 0; c < cases.size(); c++) {
            int base = c * samples * size;
            for (int i = 0; i < size; i++) {
                double mean = 0;
                for (int s = 0; s < samples; s++) {
                    mean += x[base + s * size + i];
                }
                mean /= samples;
                for (int s = 0; s < samples; s++) {
                    int at = base + s * size + i;
                    x[at] = (float) (mean + factor * (x[at] - mean));
                }
            }
        }
        return new CaseDraws(x, d.figures());
    }
}
