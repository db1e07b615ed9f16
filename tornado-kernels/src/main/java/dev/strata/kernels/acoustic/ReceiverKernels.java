package dev.strata.kernels.acoustic;

import dev.strata.kernels.annotations.Index;
import dev.strata.kernels.annotations.Kernel;
import dev.strata.kernels.annotations.Length;
import dev.strata.kernels.annotations.Writes;

/**
 * Per-point bodies of the receivers: sampling the field into traces and the (scaled) adjoint, injecting traces back.
 * Traces are {@code [nb][nt][nrec]}; {@code recIndex} {@code [nb][nrec]} holds flat indices into the field
 * {@code p} ({@code [nb][nz][nx]}), each checked to lie in it when a task ({@code ReceiverTasks}) is made. Both read
 * the device-resident clock and do nothing outside [0, nt).
 */
public final class ReceiverKernels {
    private ReceiverKernels() {
    }

    /** What both receiver kernels require of their shapes and indices. */
    static final String SHAPES = "nb >= 1 && nrec >= 1 && nt >= 1 && KernelChecks.allWithin(recIndex, 0, p.length)";

    /**
     * Receiver sampling: data[b, t, r] = p[recIndex[b nrec + r]] at t = clock[0], if 0 <= t < nt, over members by
     * receivers. Writes data only.
     */
    @Kernel(requires = SHAPES)
    public static void recordReceiver(@Index("nb") int b, @Index("nrec") int r, float[] p,
                                      @Writes @Length("(long) nb * nt * nrec") float[] data,
                                      @Length("(long) nb * nrec") int[] recIndex, @Length("1") int[] clock, int nrec,
                                      int nt) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            data[(b * nt + t) * nrec + r] = p[recIndex[b * nrec + r]];
        }
    }

    /**
     * Adjoint of {@link #recordReceiver}, scaled: p[i_r] += scale[i_r] traces[b, t, r] for every receiver r of batch
     * member b at t = clock[0], if 0 <= t < nt. One work item per member: its receivers are added one after
     * another, so several receivers on one grid point are summed without a race. Writes {@code p} only.
     */
    @Kernel(requires = SHAPES)
    public static void injectReceivers(@Index("nb") int b, @Writes float[] p, @Length("p.length") float[] scale,
                                       @Length("(long) nb * nt * nrec") float[] traces,
                                       @Length("(long) nb * nrec") int[] recIndex, @Length("1") int[] clock, int nrec,
                                       int nt) {
        int t = clock[0];
        if (t >= 0 && t < nt) {
            for (int r = 0; r < nrec; r++) {
                int i = recIndex[b * nrec + r];
                p[i] = p[i] + scale[i] * traces[(b * nt + t) * nrec + r];
            }
        }
    }
}
