package dev.strata.sampler.quality;

import dev.strata.forward.geology.ChannelStatistics;

/**
 * How one channel of samples from a prior compares with held-out models of its generator.
 *
 * @param channel        the channel's name
 * @param meanDifference mean of the samples minus mean of the held-out models, physical units
 * @param stdRatio       standard deviation of the samples over that of the held-out models
 * @param rangeRatioZ    practical variogram range along z of the samples over that of the held-out models (NaN when
 *                       either is not reached within half the grid)
 * @param rangeRatioX    the same along x
 * @param wasserstein    1-Wasserstein distance between the marginal distributions of all cell values, physical units
 */
public record ChannelComparison(String channel, double meanDifference, double stdRatio, double rangeRatioZ,
                                double rangeRatioX, double wasserstein) {

    /** Compares statistics measured on the samples with those of the held-out models. */
    public static ChannelComparison of(ChannelStatistics samples, ChannelStatistics heldOut, double wasserstein) {
        return new ChannelComparison(samples.channel().name(), samples.mean() - heldOut.mean(),
                samples.std() / heldOut.std(), samples.rangeZ() / heldOut.rangeZ(),
                samples.rangeX() / heldOut.rangeX(), wasserstein);
    }
}
