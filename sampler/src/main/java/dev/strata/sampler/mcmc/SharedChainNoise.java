package dev.strata.sampler.mcmc;

import dev.strata.sampler.Gaussian;
import java.util.SplittableRandom;

/**
 * One stream for a whole batch of chains: uniforms from a {@link SplittableRandom} of the seed, proposal normals from
 * a {@link Gaussian} seeded by its first draw, the starting states from a fresh {@link Gaussian} seeded by its next.
 */
final class SharedChainNoise implements ChainNoise {
    private final SplittableRandom uniform;
    private final Gaussian normal;

    SharedChainNoise(long seed) {
        this.uniform = new SplittableRandom(seed);
        this.normal = new Gaussian(uniform.nextLong());
    }

    @Override
    public boolean independent() {
        return false;
    }

    @Override
    public void initial(double[] z) {
        fill(new Gaussian(uniform.nextLong()), z);
    }

    @Override
    public void normals(double[] z) {
        fill(normal, z);
    }

    @Override
    public double uniform(int chain) {
        return uniform.nextDouble();
    }

    private static void fill(Gaussian g, double[] z) {
        for (int i = 0; i < z.length; i++) {
            z[i] = g.next();
        }
    }
}
