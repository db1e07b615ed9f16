package dev.strata.sampler.oracle;

import dev.strata.forward.Shapes;

/**
 * A distribution known exactly enough to judge samplers by: its pixelwise mean and standard deviation in closed
 * form, and exact independent draws. {@link PosteriorMetrics} compares any sampler's output with one.
 */
public interface PosteriorOracle {

    /** A short name for reports, e.g. {@code gaussian-linear}. */
    String name();

    /** Shape of one sample. */
    int[] shape();

    default int size() {
        return Shapes.size(shape());
    }

    /** Pixelwise mean, length {@link #size()}. */
    double[] mean();

    /** Pixelwise (marginal) standard deviation, length {@link #size()}. */
    double[] std();

    /** {@code n} exact independent draws, flat [n, size]; the same seed gives the same draws. */
    float[] sample(int n, long seed);

    /** The same oracle under another name. */
    static PosteriorOracle named(String name, PosteriorOracle oracle) {
        return new PosteriorOracle() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int[] shape() {
                return oracle.shape();
            }

            @Override
            public double[] mean() {
                return oracle.mean();
            }

            @Override
            public double[] std() {
                return oracle.std();
            }

            @Override
            public float[] sample(int n, long seed) {
                return oracle.sample(n, seed);
            }
        };
    }
}
