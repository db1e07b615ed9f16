package dev.strata.forward.seismic;

import dev.strata.forward.BlockJacobian;
import dev.strata.forward.ForwardOperator;
import dev.strata.forward.JacobianBlocks;
import dev.strata.forward.Linearisation;
import dev.strata.forward.Shapes;
import dev.strata.kernels.ComputeBackend;
import dev.strata.kernels.KernelGraph;
import dev.strata.kernels.ResidentGraph;
import dev.strata.kernels.jvm.JvmBackend;
import dev.strata.kernels.seismic.SeismicKernels;
import dev.strata.kernels.seismic.SeismicTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Full-stack seismic by the 1-D convolutional model: the normal-incidence reflectivity of the acoustic impedance Ip
 * along depth, convolved trace by trace with a wavelet: the nonlinear geophysical conditioning data of
 * Seed 000 (arXiv 2507.15809).
 *
 * <pre>
 *   r[z, x] = (Ip[z+1, x] - Ip[z, x]) / (Ip[z+1, x] + Ip[z, x]),       0 &lt;= z &lt; nz - 1
 *   r[nz-1, x] = 0                                                     (SAME_ROWS only)
 *   d[z, x] = sum_k w[k] r[z - k + c, x],   c = floor((L - 1) / 2),    r = 0 outside [0, R)
 * </pre>
 *
 * <p>Input shape {@code [channels, nz, nx]}, Ip in channel {@link #impedanceChannel()}; output shape {@code [R, nx]}
 * with R = {@link SeismicConvention#rows(int) convention.rows(nz)}: nz - 1 for
 * {@link SeismicConvention#DIFFERENCE_ROWS} (the original operator), nz for {@link SeismicConvention#SAME_ROWS}
 * (Seed 000: 80 data rows for 80 model rows). The convolution keeps R rows ("same" size). Centring: sample c of
 * the wavelet of length L lands on the reflector; for odd L it is the middle sample, for even L it is L/2 - 1, so
 * a symmetric even wavelet, whose peak lies between its samples L/2 - 1 and L/2, peaks half a sample below the
 * reflector. This is numpy.convolve(r, w, mode='same') for L &lt;= R: of the R + L - 1 samples of the full
 * convolution, full[m] = sum_k w[k] r[m - k], numpy keeps full[c .. c + R - 1], dropping floor((L - 1) / 2) in front
 * and the rest behind. The kernels take odd wavelets only; an even one runs as the odd wavelet {0, w[0], ..,
 * w[L-1]}, whose middle sample L/2 is w[L/2 - 1]: the same sum.
 *
 * <p>The map is nonlinear in Ip and does not depend on the other channels, whose gradient is zero. Ip must keep
 * Ip[z] + Ip[z+1] &gt; 0, and with SAME_ROWS also Ip[nz-1] &gt; 0; any call that sees otherwise throws
 * IllegalArgumentException naming the position. SAME_ROWS runs the DIFFERENCE_ROWS kernels on the impedance with its
 * bottom row repeated ({@link RepeatedBottomRow}: Ip[nz] = Ip[nz-1] gives r[nz-1] = 0 exactly), so J = J' P and
 * J^T = P^T J'^T exactly. The per-point bodies are {@link SeismicKernels}; each call runs them as one
 * {@link KernelGraph} on the operator's {@link ComputeBackend} (the shared JVM backend unless one is given), the
 * intermediate reflectivity staying on the device. The graph is compiled once per batch size and shape and kept by
 * the backend ({@link ResidentGraph}), so later calls only move their inputs and outputs. Instances are immutable and
 * thread-safe; the backend is not closed here.
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
    /** The wavelet as the kernels take it: itself if odd, else a 0 in front (the same centring, see above). */
    private final float[] kernelWavelet;
    private final SeismicConvention convention;
    /** P for SAME_ROWS, null for DIFFERENCE_ROWS. */
    private final RepeatedBottomRow extension;
    private final ComputeBackend backend;
    private final JacobianBlocks blocks;

    /** The operator on the shared JVM backend ({@link JvmBackend#common()}) (every core); see the full constructor. */
    public ConvolutionalSeismic(int channels, int nz, int nx, int impedanceChannel, float[] wavelet) {
        this(channels, nz, nx, impedanceChannel, wavelet, (ComputeBackend) null);
    }

    /**
     * The original operator: {@link SeismicConvention#DIFFERENCE_ROWS} with an odd-length wavelet only.
     *
     * @param wavelet odd-length wavelet, centred on its middle sample; copied, not modified
     * @see #ConvolutionalSeismic(int, int, int, int, float[], SeismicConvention, ComputeBackend)
     */
    public ConvolutionalSeismic(int channels, int nz, int nx, int impedanceChannel, float[] wavelet,
                                ComputeBackend backend) {
        this(channels, nz, nx, impedanceChannel, requireOdd(wavelet), SeismicConvention.DIFFERENCE_ROWS, backend);
    }

    /** The operator with {@code convention} on the shared JVM backend ({@link JvmBackend#common()}); see the full constructor. */
    public ConvolutionalSeismic(int channels, int nz, int nx, int impedanceChannel, float[] wavelet,
                                SeismicConvention convention) {
        this(channels, nz, nx, impedanceChannel, wavelet, convention, null);
    }

    /**
     * @param channels         channels of a model, at least 1
     * @param nz               depth samples, at least 2 (one reflection coefficient)
     * @param nx               lateral samples, at least 1
     * @param impedanceChannel channel that holds Ip, in [0, channels)
     * @param wavelet          at least one sample, odd or even length; sample floor((L - 1) / 2) lands on the
     *                         reflector (see the class comment); copied, not modified
     * @param convention       rows of the data: nz - 1 or nz; not null
     * @param backend          where the kernels run; null for the shared JVM backend; not closed here
     */
    public ConvolutionalSeismic(int channels, int nz, int nx, int impedanceChannel, float[] wavelet,
                                SeismicConvention convention, ComputeBackend backend) {
        if (channels < 1 || nz < 2 || nx < 1) {
            throw new IllegalArgumentException("convolutional seismic needs channels >= 1, nz >= 2, nx >= 1, got "
                    + channels + " x " + nz + " x " + nx);
        }
        if (impedanceChannel < 0 || impedanceChannel >= channels) {
            throw new IllegalArgumentException("impedance channel " + impedanceChannel + " outside [0, " + channels
                    + ")");
        }
        if (wavelet == null || wavelet.length == 0) {
            throw new IllegalArgumentException("wavelet must have at least one sample, got "
                    + (wavelet == null ? "null" : "none"));
        }
        if (convention == null) {
            throw new IllegalArgumentException("seismic convention must be given (DIFFERENCE_ROWS or SAME_ROWS)");
        }
        Shapes.size(channels, nz + 1, nx);
        this.channels = channels;
        this.nz = nz;
        this.nx = nx;
        this.impedanceChannel = impedanceChannel;
        this.wavelet = wavelet.clone();
        this.kernelWavelet = wavelet.length % 2 == 1 ? this.wavelet : zeroInFront(wavelet);
        this.convention = convention;
        this.extension = convention == SeismicConvention.SAME_ROWS
                ? new RepeatedBottomRow(channels, impedanceChannel, nz, nx) : null;
        this.backend = backend != null ? backend : JvmBackend.common();
        this.blocks = traceBlocks();
    }

    private static float[] requireOdd(float[] wavelet) {
        if (wavelet == null || wavelet.length % 2 == 0) {
            throw new IllegalArgumentException("wavelet must have an odd length (centred), got "
                    + (wavelet == null ? "null" : wavelet.length));
        }
        return wavelet;
    }

    /** {0, w[0], .., w[L-1]}: odd length L + 1 for even L, middle sample L/2 = w[L/2 - 1]. */
    private static float[] zeroInFront(float[] w) {
        float[] padded = new float[w.length + 1];
        System.arraycopy(w, 0, padded, 1, w.length);
        return padded;
    }

    /** The paper's setting: 2 channels (0 = facies, 1 = Ip) on an 80 x 100 grid, data 79 x 100. */
    public static ConvolutionalSeismic defaultProblem(RickerWavelet wavelet) {
        return defaultProblem(wavelet, null);
    }

    /** {@link #defaultProblem(RickerWavelet)} on {@code backend} (null: the JVM). */
    public static ConvolutionalSeismic defaultProblem(RickerWavelet wavelet, ComputeBackend backend) {
        return new ConvolutionalSeismic(2, DEFAULT_NZ, DEFAULT_NX, IMPEDANCE_CHANNEL, wavelet.samples(), backend);
    }

    /**
     * 2 channels (0 = facies, 1 = Ip) on an 80 x 100 grid with {@code convention}, e.g. Seed 000's
     * {@link SeismicConvention#SAME_ROWS} with an even wavelet from {@link RickerWavelet#symmetricSamples}: data
     * 80 x 100. {@code backend} null: the JVM.
     */
    public static ConvolutionalSeismic defaultProblem(float[] wavelet, SeismicConvention convention,
                                                      ComputeBackend backend) {
        return new ConvolutionalSeismic(2, DEFAULT_NZ, DEFAULT_NX, IMPEDANCE_CHANNEL, wavelet, convention, backend);
    }

    /** Rows of the data: nz - 1 or nz. */
    public SeismicConvention convention() {
        return convention;
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

    /** {@code [R, nx]}, R = nz - 1 (DIFFERENCE_ROWS) or nz (SAME_ROWS). */
    @Override
    public int[] outputShape() {
        return new int[] {convention.rows(nz), nx};
    }

    /** One block per trace x: the data d[., x] depend on the impedance Ip[., x] alone; other channels on nothing. */
    @Override
    public Optional<JacobianBlocks> jacobianBlocks() {
        return Optional.of(blocks);
    }

    private JacobianBlocks traceBlocks() {
        int[] model = new int[inputSize()];
        Arrays.fill(model, -1);
        for (int i = 0; i < nz * nx; i++) {
            model[impedanceChannel * nz * nx + i] = i % nx;
        }
        int[] data = new int[outputSize()];
        Arrays.setAll(data, i -> i % nx);
        return new JacobianBlocks(nx, model, data);
    }

    /**
     * The trace blocks in closed form: dd[z, x]/dIp[q, x] = sum over z' in {q - 1, q} of w[z - z' + c]
     * dr[z', x]/dIp[q, x], with dr[z']/dIp[z'] = -2 Ip[z'+1] / (Ip[z'] + Ip[z'+1])^2 and dr[z']/dIp[z'+1] =
     * 2 Ip[z'] / (Ip[z'] + Ip[z'+1])^2 on the kernels' model (with SAME_ROWS Ip[nz] = Ip[nz-1] is the same unknown
     * as Ip[nz-1]); block x is {@code [nz][R]}, probe q's column the wavelet twice, shifted to rows q - 1 and q.
     */
    @Override
    public BlockJacobian blockJacobian(float[] x, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        KernelModel km = kernelModel(extension == null ? x.clone() : x, n);
        int nr = km.nz - 1;
        int c = (kernelWavelet.length - 1) / 2;
        return (b, ix, out) -> {
            float[] ip = km.values;
            int base = (b * km.channels + km.ch) * km.nz * nx + ix;
            Arrays.fill(out, 0, nz * nr, 0f);
            for (int q = 0; q < nz; q++) {
                float at = ip[base + q * nx];
                if (q < nr) {
                    float lower = ip[base + (q + 1) * nx];
                    float below = -2 * lower / ((at + lower) * (at + lower)); // dr[q] / dIp[q]
                    if (extension != null && q == nz - 1) { // Ip[nz] is Ip[nz-1]: r[nz-1] = 0, its derivative too
                        below += 2 * at / ((at + lower) * (at + lower));
                    }
                    addWavelet(out, q * nr, q, below, nr, c);
                }
                if (q >= 1) {
                    float upper = ip[base + (q - 1) * nx];
                    addWavelet(out, q * nr, q - 1, 2 * upper / ((upper + at) * (upper + at)), nr, c); // dr[q-1]/dIp[q]
                }
            }
        };
    }

    /** column[at + z] += w[z - row + c] dr for the data rows z that reflectivity row {@code row} reaches. */
    private void addWavelet(float[] column, int at, int row, float dr, int nr, int c) {
        int nw = kernelWavelet.length;
        for (int z = Math.max(0, row - c), end = Math.min(nr - 1, row - c + nw - 1); z <= end; z++) {
            column[at + z] += kernelWavelet[z - row + c] * dr;
        }
    }

    /** d = W r(Ip) for {@code n} models {@code [n][channels][nz][nx]}; returns new {@code [n][R][nx]}. */
    @Override
    public float[] apply(float[] x, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        KernelModel m = kernelModel(x, n);
        int kc = m.channels;
        int ch = m.ch;
        int knz = m.nz;
        return graph(Graph.APPLY, m, n, new int[] {m.values.length, kernelWavelet.length}, n * outputSize(), (g, in, out) -> {
            float[] rc = new float[out.length];
            g.task("reflectivity", SeismicTasks.reflectivity(in[0], rc, kc, ch, knz, nx, n))
                    .task("convolve", SeismicTasks.convolveDepth(rc, in[1], out, knz - 1, nx, n));
        }).run(List.of(m.values, kernelWavelet));
    }

    /**
     * dx = J(x)^T dy = (dr/dIp)^T W^T dy in the impedance channel and 0 elsewhere (with SAME_ROWS, P^T of that on
     * the extended impedance); {@code x} is {@code [n][channels][nz][nx]}, {@code dy} is {@code [n][R][nx]}; returns
     * new {@code [n][channels][nz][nx]}.
     */
    @Override
    public float[] vjp(float[] x, float[] dy, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        return vjp(kernelModel(x, n), dy, n);
    }

    private float[] vjp(KernelModel m, float[] dy, int n) {
        Shapes.requireBatch("convolutional seismic data cotangent", dy, n, outputSize());
        int kc = m.channels;
        int ch = m.ch;
        int knz = m.nz;
        float[] dm = graph(Graph.VJP, m, n, new int[] {m.values.length, dy.length, kernelWavelet.length}, m.values.length, (g, in, out) -> {
            float[] drc = new float[in[1].length];
            g.task("correlate", SeismicTasks.correlateDepth(in[1], in[2], drc, knz - 1, nx, n))
                    .task("reflectivityVjp", SeismicTasks.modelVjp(in[0], drc, out, kc, ch, knz, nx, n));
        }).run(List.of(m.values, dy, kernelWavelet));
        return extension == null ? dm : extension.fold(dm, n);
    }

    /**
     * dy = J(x) dx = W dr/dIp dIp; only the impedance channel of {@code dx} matters; {@code x} and {@code dx} are
     * {@code [n][channels][nz][nx]}; returns new {@code [n][R][nx]}.
     */
    @Override
    public float[] jvp(float[] x, float[] dx, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        return jvp(kernelModel(x, n), dx, n);
    }

    /**
     * J(x) and J(x)^T with the kernels' model (the extended impedance with SAME_ROWS) made and checked for positive
     * impedance once; x is copied.
     */
    @Override
    public Linearisation linearise(float[] x, int n) {
        Shapes.requireBatch("convolutional seismic model", x, n, inputSize());
        KernelModel m = kernelModel(extension == null ? x.clone() : x, n);
        return Linearisation.of(dx -> jvp(m, dx, n), dy -> vjp(m, dy, n));
    }

    private float[] jvp(KernelModel m, float[] dx, int n) {
        Shapes.requireBatch("convolutional seismic model tangent", dx, n, inputSize());
        float[] dm = extension == null ? dx : extension.extend(dx, n);
        int kc = m.channels;
        int ch = m.ch;
        int knz = m.nz;
        return graph(Graph.JVP, m, n, new int[] {m.values.length, dm.length, kernelWavelet.length}, n * outputSize(), (g, in, out) -> {
            float[] drc = new float[out.length];
            g.task("reflectivityJvp", SeismicTasks.reflectivityJvp(in[0], in[1], drc, kc, ch, knz, nx, n))
                    .task("convolve", SeismicTasks.convolveDepth(drc, in[2], out, knz - 1, nx, n));
        }).run(List.of(m.values, dm, kernelWavelet));
    }

    /** The operator's three graphs. */
    private enum Graph { APPLY, VJP, JVP }

    /** Which graph, on which sizes: operators of equal shape share their compiled graphs on a backend. */
    private record GraphKey(Graph graph, int channels, int ch, int nz, int nx, int waveletLength, int n) {
    }

    /** The resident graph {@code which} for {@code n} models, with input buffers of these lengths. */
    private ResidentGraph graph(Graph which, KernelModel m, int n, int[] inputs, int outputLength,
                                ResidentGraph.Wiring wiring) {
        return ResidentGraph.on(backend, new GraphKey(which, m.channels, m.ch, m.nz, nx, kernelWavelet.length, n),
                "seismic-" + which.name().toLowerCase(Locale.ROOT), inputs, outputLength, wiring);
    }

    /**
     * What the kernels see: the models themselves (DIFFERENCE_ROWS) or P x, impedance alone with its bottom row
     * repeated (SAME_ROWS), as {@code [n][channels][nz][nx]} with Ip in channel ch; checked for positive impedance.
     */
    private record KernelModel(float[] values, int channels, int ch, int nz) {
    }

    private KernelModel kernelModel(float[] x, int n) {
        KernelModel m = extension == null ? new KernelModel(x, channels, impedanceChannel, nz)
                : new KernelModel(extension.extend(x, n), 1, 0, nz + 1);
        requirePositiveImpedance(m, n);
        return m;
    }

    /**
     * Checks Ip[z] + Ip[z+1] > 0 everywhere in the kernels' model (NaN fails too), sequentially, so the first bad
     * position is reported; z and x are those of the caller's model (rows of P x below nz - 1 are rows of x).
     */
    private void requirePositiveImpedance(KernelModel m, int n) {
        for (int b = 0; b < n; b++) {
            int base = (b * m.channels + m.ch) * m.nz * nx;
            for (int z = 0; z < m.nz - 1; z++) {
                for (int ix = 0; ix < nx; ix++) {
                    int i = base + z * nx + ix;
                    float sum = m.values[i] + m.values[i + nx];
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("impedance must be positive: Ip[z] + Ip[z+1] = "
                                + m.values[i] + " + " + m.values[i + nx] + " at batch " + b + ", z " + z + ", x "
                                + ix + " (channel " + impedanceChannel + ")");
                    }
                }
            }
        }
    }
}
