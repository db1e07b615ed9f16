package dev.strata.sampler.oracle.levy;

import dev.strata.sampler.oracle.DenseGaussian;

/**
 * A discretised Levy process of length d, x_k = u_0 + ... + u_k with u_k iid from {@code law} (x_-1 = 0), as in the
 * statistical benchmark of Zach et al. (ICLR 2026). Shape [1, 1, d].
 */
public record LevyPrior(IncrementLaw law, int length) {

    public LevyPrior {
        if (length < 2) {
            throw new IllegalArgumentException("length must be >= 2, got " + length);
        }
    }

    public int[] shape() {
        return new int[] {1, 1, length};
    }

    /** {@code n} independent draws, flat [n, d]. */
    public float[] sample(int n, long seed) {
        LatentDraws r = new LatentDraws(seed);
        float[] out = new float[n * length];
        for (int b = 0; b < n; b++) {
            double x = 0;
            for (int k = 0; k < length; k++) {
                x += law.draw(r);
                out[b * length + k] = (float) x;
            }
        }
        return out;
    }

    /**
     * The Gaussian random walk with the same increment variance s^2 = Var[u]: Cov(x_i, x_j) = s^2 (min(i, j) + 1).
     * Exact for {@link IncrementLaw.Gauss}; for the others, the Gaussian prior a non-Gaussian oracle must differ from.
     */
    public DenseGaussian matchedGaussian() {
        double s2 = law.variance();
        if (!Double.isFinite(s2)) {
            throw new IllegalStateException(law.name() + " increments have no variance");
        }
        double[] cov = new double[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < length; j++) {
                cov[i * length + j] = s2 * (Math.min(i, j) + 1);
            }
        }
        return new DenseGaussian(shape(), new double[length], cov);
    }

    /** The Gibbs posterior of this prior under {@code obs}. */
    public LevyPosterior posterior(String name, NormalEquations obs, LevyPosterior.Settings settings, long seed) {
        return LevyPosterior.run(name, shape(), law, obs, settings, seed);
    }

    /** The Gibbs MMSE denoiser of this prior given x_sigma and {@code data} ({@link NormalEquations#none} for none). */
    public LevyDenoiser denoiser(NormalEquations data, int burnIn, int sweeps, long seed) {
        return new LevyDenoiser(shape(), law, data, burnIn, sweeps, seed);
    }
}
