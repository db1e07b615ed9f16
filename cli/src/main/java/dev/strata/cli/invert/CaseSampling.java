package dev.strata.cli.invert;

import dev.strata.cli.invert.SyntheticTruths.SyntheticCase;
import dev.strata.sampler.NoiseStreams;
import dev.strata.sampler.ProgressListener;
import dev.strata.sampler.Sampler;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Draws S posterior samples for each of K synthetic cases, in normalised model units. */
@FunctionalInterface
interface CaseSampling {

    /**
     * What a sampling returns.
     *
     * @param samples case-major {@code [K][S][size]} flat: case k's samples start at {@code k * S * size}
     * @param figures what the sampling reports besides, by name (chains: acceptance, ESS), in insertion order
     */
    record CaseDraws(float[] samples, Map<String, Double> figures) {
    }

    /** S samples of each case; {@code seed} with the case index seeds case k's samples. */
    CaseDraws sample(List<SyntheticCase> cases, int samples, long seed);

    /** A sampler built for each case's inverse problem, drawing its S samples as {@code strata invert} does. */
    static CaseSampling eachCase(Function<InverseProblem, Sampler> make) {
        return (cases, samples, seed) -> {
            int size = cases.getFirst().truth().length;
            float[] out = new float[cases.size() * samples * size];
            for (SyntheticCase c : cases) {
                float[] x = make.apply(c.problem()).sample(samples, NoiseStreams.seedOf(seed, c.index()), 0,
                        ProgressListener.NONE);
                System.arraycopy(x, 0, out, c.index() * samples * size, x.length);
            }
            return new CaseDraws(out, Map.of());
        };
    }
}
