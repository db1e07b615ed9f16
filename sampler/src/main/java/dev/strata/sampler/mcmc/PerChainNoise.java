package dev.strata.sampler.mcmc;

import dev.strata.sampler.Gaussian;
import dev.strata.sampler.NoiseStreams;
import java.util.SplittableRandom;

/**
 * One stream per chain: chain b (global index firstIndex + b) takes its uniforms from a {@link SplittableRandom} of
 * {@code NoiseStreams.seedOf(seed, firstIndex + b)} and its normals, starting state first, from a {@link Gaussian}
 * seeded by that stream's first draw.
 */
final class PerChainNoise implements ChainNoise {
    private final SplittableRandom[] uniforms;
    private final Gaussian[] normals;

    PerChainNoise(long seed, long firstIndex, int chains) {
        if (firstIndex < 0 || chains < 1) {
            throw new IllegalArgumentException("need firstIndex >= 0 and chains >= 1, got " + firstIndex + ", "
                    + chains);
        }
        uniforms = new SplittableRandom[chains];
        normals = new Gaussian[chains];
        for (int b = 0; b < chains; b++) {
            uniforms[b] = new SplittableRandom(NoiseStreams.seedOf(seed, firstIndex + b));
            normals[b] = new Gaussian(uniforms[b].nextLong());
        }
    }

    @Override
    public boolean independent() {
        return true;
    }

    @Override
    public void initial(double[] z) {
        normals(z);
    }

    @Override
    public void normals(double[] z) {
        int size = z.length / normals.length;
        for (int b = 0; b < normals.length; b++) {
            for (int i = b * size; i < (b + 1) * size; i++) {
                z[i] = normals[b].next();
            }
        }
    }

    @Override
    public double uniform(int chain) {
        return uniforms[chain].nextDouble();
    }
}
