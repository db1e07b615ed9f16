package dev.strata.kernels.bandwidth;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * The yardstick of a device's memory bandwidth: the STREAM triad a = b + s c (McCalpin, "Memory bandwidth and machine
 * balance", 1995), in float, run on a backend like any kernel, so that its figure is the bound of that backend's
 * memory-bound kernels on that device. Each point reads two values and writes one (12 bytes, write-allocate not
 * counted, as STREAM and shared/perf-ref count them); nothing is reused, so the time is the memory's.
 */
public final class BandwidthKernels {
    private BandwidthKernels() {
    }

    /** a[i] = b[i] + coef[0] c[i]; writes {@code a} only. */
    @Kernel
    public static void triad(@Index("a.length") int i, @Writes float[] a, @Length("a.length") float[] b,
                             @Length("a.length") float[] c, @Length("1") float[] coef) {
        a[i] = b[i] + coef[0] * c[i];
    }
}
