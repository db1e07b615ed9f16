package dev.strata.forward.seismic;

import dev.strata.forward.ForwardOperator;
import dev.strata.forward.Shapes;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.ExecutionPlan;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.TransferMode;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.seismic.SeismicKernels;
import dev.strata.kernels.seismic.SeismicLaunchers;

/**
 * Full-stack seismic by the 1-D convolutional model: the normal-incidence reflectivity of the acoustic impedance Ip
 * along depth, convolved trace by trace with a wavelet: the nonlinear geophysical conditioning data of
 * Seed 000 (arXiv 2507.15809).
 *
 * <pre>
 *   r[z, x] = (Ip[z+1, x] - Ip[z, x]) / (Ip[z+1, x] + Ip[z, x]),       0 &lt;= z &lt; nz - 1
 *   d[z, x] = sum_k w[k] r[z - k + c, x],   c = (L - 1) / 2,           r = 0 outside [0, nz - 1)
 * </pre>
 *
 * <p>Input shape {@code [channels, nz, nx]}, Ip in channel {@link #impedanceChannel()}; output shape
 * {@code [nz - 1, nx]} ("same"-size convolution with a centred odd-length wavelet of length L). The map is nonlinear
 * in Ip and does not depend on the other channels, whose gradient is zero. Ip must keep Ip[z] + Ip[z+1] &gt; 0; any
 * call that sees otherwise throws IllegalArgumentException naming the position. The per-point bodies are
 * {@link SeismicKernels}; each call runs them as one {@link KernelGraph} of {@link SeismicLaunchers} tasks on the
 * operator's {@link ComputeBackend} (the JVM backend unless one is given), the intermediate reflectivity staying on
 * the device. Instances are immutable and thread-safe; the backend is not closed here.
 */
public final class ConvolutionalSeismic implements ForwardOperator {

    /** Channel of the facies indicator in the default two-channel problem. */
    public static final int FACIES_CHANNEL = 0;
    /** Channel of the acoustic impedance in the default two-channel problem. */
    public static final int IMPEDANCE_CHANNEL = 1;
    /** Depth samples of the default problem. */
    public static final int DEFAULT_NZ = 80;
    /** Lateral samples of the default problem. */
    public static final int DEFAULT_NX = 100;

    private final int channels;
    private final int nz;
    private final int nx;
    private final int impedanceChannel;
    private final float[] wavelet;
    private final ComputeBackend backend;

    /** The operator on a JVM backend of its own (every core); see the full constructor. */
    public ConvolutionalSeismic(int channels, int nz, int nx, int impedanceChannel, float[] wavelet) {
        this(channels, nz, nx, impedanceChannel, wavelet, null);
    }

    /**
     * @param channels         channels of a model, at least 1
     * @param nz               depth samples, at least 2 (one reflection coefficient)
     * @param nx               lateral samples, at least 1
     * @param impedanceChannel channel that holds Ip, in [0, channels)
     * @param wavelet          odd-length wavelet, centred on its middle sample; copied, not modified
     * @param backend          where the kernels run; null for a JVM backend of its own; not closed here
     */
    public ConvolutionalSeismic(int channels, int nz, int nx, int impedanceChannel, float[] wavelet,
                                ComputeBackend backend) {
        if (channels < 1 || nz < 2 || nx < 1) {
            throw new IllegalArgumentException("convolutional seismic needs channels >= 1, nz >= 2, nx >= 1, got "
                    + channels + " x " + nz + " x " + nx);
        }
        if (impedanceChannel < 0 || impedanceChannel >= channels) {
            throw new IllegalArgumentException("impedance channel " + impedanceChannel + " outside [0, " + channels
                    + ")");
        }
        if (wavelet == null || wavelet.length % 2 == 0) {
            throw new IllegalArgumentException("wavelet must have an odd length (centred), got "
                    + (wavelet == null ? "null" : wavelet.length));
        }
        Shapes.size(channels, nz, nx);
        this.channels = channels;
        this.nz = nz;
        this.nx = nx;
        this.impedanceChannel = impedanceChannel;
        this.wavelet = wavelet.clone();
        this.backend = backend != null ? backend : JvmBackend.withDefaults();
    }

    /** The paper's setting: 2 channels (0 = facies, 1 = Ip) on an 80 x 100 grid, data 79 x 100. */
    public static ConvolutionalSeismic defaultProblem(RickerWavelet wavelet) {
        return defaultProblem(wavelet, null);
    }

    /** {@link #defaultProblem(RickerWavelet)} on {@code backend} (null: the JVM). */
    public static ConvolutionalSeismic defaultProblem(RickerWavelet wavelet, ComputeBackend backend) {
        return new ConvolutionalSeismic(2, DEFAULT_NZ, DEFAULT_NX, IMPEDANCE_CHANNEL, wavelet.samples(), backend);
    }

    /** The channel that holds Ip. */
    public int impedanceChannel() {
        return impedanceChannel;
    }

    /** A copy of the wavelet. */
    public float[] wavelet() {
        return wavelet.clone();
    }

    /** {@code [channels, nz, nx]}. */
    @Override
    public int[] inputShape() {
        return new int[] {channels, nz, nx};
    }

    /** {@code [nz - 1, nx]}. */
    @Override
    public int[] outputShape() {
        return new int[] {nz - 1, nx};
    }

    /** d = W r(Ip) for {@code n} models {@code [n][channels][nz][nx]}; returns new {@code [n][nz-1][nx]}. */
    @Override
    public float[] apply(float[] x, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        requirePositiveImpedance(x, n);
        float[] rc = new float[n * outputSize()];
        float[] d = new float[rc.length];
        run(KernelGraph.builder("seismic-apply")
                .transferToDevice(TransferMode.FIRST_EXECUTION, x, wavelet, rc, d)
                .task("reflectivity", SeismicLaunchers.REFLECTIVITY, x, rc, n, channels, impedanceChannel, nz, nx)
                .task("convolve", SeismicLaunchers.CONVOLVE, rc, wavelet, d, n, nz - 1, nx), d);
        return d;
    }

    /**
     * dx = J(x)^T dy = (dr/dIp)^T W^T dy in the impedance channel and 0 elsewhere; {@code x} is
     * {@code [n][channels][nz][nx]}, {@code dy} is {@code [n][nz-1][nx]}; returns new {@code [n][channels][nz][nx]}.
     */
    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        Shapes.requireBatch("convolutional seismic data cotangent", dy, n, outputSize());
        requirePositiveImpedance(x, n);
        float[] drc = new float[n * outputSize()];
        float[] dx = new float[n * inputSize()];
        run(KernelGraph.builder("seismic-vjp")
                .transferToDevice(TransferMode.FIRST_EXECUTION, x, dy, wavelet, drc, dx)
                .task("correlate", SeismicLaunchers.CORRELATE, dy, wavelet, drc, n, nz - 1, nx)
                .task("reflectivityVjp", SeismicLaunchers.REFLECTIVITY_VJP, x, drc, dx, n, channels,
                        impedanceChannel, nz, nx), dx);
        return dx;
    }

    /**
     * dy = J(x) dx = W dr/dIp dIp; only the impedance channel of {@code dx} matters; {@code x} and {@code dx} are
     * {@code [n][channels][nz][nx]}; returns new {@code [n][nz-1][nx]}.
     */
    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        Shapes.requireBatch("convolutional seismic model tangent", dx, n, inputSize());
        requirePositiveImpedance(x, n);
        float[] drc = new float[n * outputSize()];
        float[] dy = new float[drc.length];
        run(KernelGraph.builder("seismic-jvp")
                .transferToDevice(TransferMode.FIRST_EXECUTION, x, dx, wavelet, drc, dy)
                .task("reflectivityJvp", SeismicLaunchers.REFLECTIVITY_JVP, x, dx, drc, n, channels,
                        impedanceChannel, nz, nx)
                .task("convolve", SeismicLaunchers.CONVOLVE, drc, wavelet, dy, n, nz - 1, nx), dy);
        return dy;
    }

    /** Runs the graph once on the backend and copies {@code out} back to the host. */
    private void run(KernelGraph.Builder graph, float[] out) {
        try (ExecutionPlan plan = backend.plan(graph.transferToHost(TransferMode.UNDER_DEMAND, out).build())) {
            plan.execute();
            plan.transferToHost(out);
        }
    }

    /** Checks Ip[z] + Ip[z+1] > 0 everywhere (NaN fails too), sequentially, so the first bad position is reported. */
    private void requirePositiveImpedance(float[] x, int n) {
        for (int b = 0; b < n; b++) {
            int base = (b * channels + impedanceChannel) * nz * nx;
            for (int z = 0; z < nz - 1; z++) {
                for (int ix = 0; ix < nx; ix++) {
                    int i = base + z * nx + ix;
                    float sum = x[i] + x[i + nx];
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("impedance must be positive: Ip[z] + Ip[z+1] = " + x[i]
                                + " + " + x[i + nx] + " at batch " + b + ", z " + z + ", x " + ix + " (channel "
                                + impedanceChannel + ")");
                    }
                }
            }
        }
    }
}
