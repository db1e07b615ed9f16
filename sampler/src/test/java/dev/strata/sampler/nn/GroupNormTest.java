package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.strata.sampler.Gaussian;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The network's two routes to one operation agree: silu of group normalisation by libtorch's group_norm and silu
 * kernels through TorchScript (inference, on row-major and on channels-last arrays) and by array ops (training), each
 * against the definition computed here in doubles; silu alone likewise; nearest upsampling by upsample_nearest2d and
 * by two repeats. Values and input gradients (what guidance's VJP takes) are compared.
 */
class GroupNormTest {
    private static final int N = 3;
    private static final int CHANNELS = 8;
    private static final int GROUPS = 4;
    private static final int H = 6;
    private static final int W = 10;
    private static final Shape SHAPE = new Shape(N, CHANNELS, H, W);

    private static float[] gaussian(int n, long seed, double mean) {
        Gaussian g = new Gaussian(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (mean + 2 * g.next());
        }
        return a;
    }

    /** gamma_c (x - mean_g) / sqrt(var_g + eps) + beta_c in doubles, with GroupNorm's layout and eps. */
    private static float[] definition(float[] x, float[] gamma, float[] beta) {
        int per = CHANNELS / GROUPS * H * W;
        float[] y = new float[x.length];
        for (int start = 0; start < x.length; start += per) {
            double mean = 0;
            for (int i = start; i < start + per; i++) {
                mean += x[i];
            }
            mean /= per;
            double var = 0;
            for (int i = start; i < start + per; i++) {
                var += (x[i] - mean) * (x[i] - mean);
            }
            var /= per;
            for (int i = start; i < start + per; i++) {
                int c = i / (H * W) % CHANNELS;
                y[i] = (float) (gamma[c] * (x[i] - mean) / Math.sqrt(var + 1e-5) + beta[c]);
            }
        }
        return y;
    }

    /** silu(v) = v / (1 + exp(-v)) of each value, in doubles. */
    private static float[] silu(float[] v) {
        float[] y = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = (float) (v[i] / (1 + Math.exp(-(double) v[i])));
        }
        return y;
    }

    /** f(x) and the gradient of sum(v . f(x)) in x, computed in {@code manager}. */
    private static float[][] valueAndGradient(NDManager manager, float[] x, float[] v,
                                              Function<NDArray, NDArray> f) {
        try (NDManager call = manager.newSubManager()) {
            NDArray xa = Ops.tensor(call, x, SHAPE);
            xa.setRequiresGradient(true);
            float[] value;
            synchronized (GradientLock.LOCK) {
                try (GradientCollector gc = TorchEngine.get().newGradientCollector()) {
                    NDArray y = f.apply(xa);
                    value = y.toFloatArray();
                    gc.backward(y.mul(Ops.tensor(call, v, y.getShape())).sum());
                }
            }
            return new float[][] {value, xa.getGradient().toFloatArray()};
        }
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(expected[i] - actual[i]));
        }
        assertEquals(0, err / scale, tolerance, what + ": max error relative to the largest value");
    }

    /** x (mean 3), v, gamma (mean 1) and beta, drawn from seeds {@code seed .. seed + 3}. */
    private static float[][] draws(long seed) {
        return new float[][] {gaussian(N * CHANNELS * H * W, seed, 3), gaussian(N * CHANNELS * H * W, seed + 1, 0),
            gaussian(CHANNELS, seed + 2, 1), gaussian(CHANNELS, seed + 3, 0)};
    }

    private static GroupNorm norm(NDManager manager, float[] gamma, float[] beta) {
        GroupNorm norm = new GroupNorm(CHANNELS, GROUPS);
        norm.initialize(manager, DataType.FLOAT32, SHAPE);
        norm.getParameters().get("gamma").getArray().set(gamma);
        norm.getParameters().get("beta").getArray().set(beta);
        return norm;
    }

    @Test
    void fusedSiluOfNormMatchesArrayOpsAndTheDefinition() {
        float[][] in = draws(1);
        float[] x = in[0];
        float[] v = in[1];
        float[] gamma = in[2];
        float[] beta = in[3];
        try (NDManager manager = TorchEngine.get().newBaseManager()) {
            GroupNorm norm = norm(manager, gamma, beta);
            ParameterStore store = new ParameterStore(manager, false);
            float[][] inference = valueAndGradient(manager, x, v, a -> norm.siluOfNorm(store, a, false));
            float[][] training = valueAndGradient(manager, x, v, a -> norm.siluOfNorm(store, a, true));
            float[][] channelsLast = valueAndGradient(manager, x, v,
                    a -> norm.siluOfNorm(store, FusedKernels.channelsLast(a), false));
            float[] exact = silu(definition(x, gamma, beta));
            assertClose(exact, inference[0], 1e-5, "group_norm route against the definition");
            assertClose(exact, channelsLast[0], 1e-5, "group_norm route, channels last, against the definition");
            assertClose(training[1], channelsLast[1], 1e-5, "input gradients, channels last");
            assertClose(exact, training[0], 1e-5, "array-op route against the definition");
            assertClose(training[1], inference[1], 1e-5, "input gradients of the two routes");
        }
    }

    @Test
    void fusedSiluOfModulatedMatchesArrayOpsAndTheDefinition() {
        float[][] in = draws(7);
        float[] x = in[0];
        float[] gamma = in[2];
        float[] beta = in[3];
        float[] scale = gaussian(N * CHANNELS, 11, 0);
        float[] shift = gaussian(N * CHANNELS, 12, 0);
        float[] exact = definition(x, gamma, beta);
        for (int i = 0; i < exact.length; i++) {
            int nc = i / (H * W);
            exact[i] = (float) ((double) exact[i] * (1 + scale[nc]) + shift[nc]);
        }
        exact = silu(exact);
        try (NDManager manager = TorchEngine.get().newBaseManager()) {
            GroupNorm norm = norm(manager, gamma, beta);
            ParameterStore store = new ParameterStore(manager, false);
            Shape perChannel = new Shape(N, CHANNELS, 1, 1);
            Function<Boolean, Function<NDArray, NDArray>> route = training -> a -> norm.siluOfModulated(store, a,
                    Ops.tensor(a.getManager(), scale, perChannel), Ops.tensor(a.getManager(), shift, perChannel),
                    training);
            float[][] inference = valueAndGradient(manager, x, in[1], route.apply(false));
            float[][] training = valueAndGradient(manager, x, in[1], route.apply(true));
            float[][] channelsLast = valueAndGradient(manager, x, in[1],
                    a -> route.apply(false).apply(FusedKernels.channelsLast(a)));
            assertClose(exact, inference[0], 1e-5, "fused route against the definition");
            assertClose(exact, channelsLast[0], 1e-5, "fused route, channels last, against the definition");
            assertClose(training[1], channelsLast[1], 1e-5, "input gradients, channels last");
            assertClose(exact, training[0], 1e-5, "array-op route against the definition");
            assertClose(training[1], inference[1], 1e-5, "input gradients of the two routes");
        }
    }

    @Test
    void fusedSiluMatchesTheProductAndTheDefinition() {
        float[][] in = draws(3);
        try (NDManager manager = TorchEngine.get().newBaseManager()) {
            float[][] inference = valueAndGradient(manager, in[0], in[1], a -> Ops.silu(a, false));
            float[][] training = valueAndGradient(manager, in[0], in[1], a -> Ops.silu(a, true));
            assertClose(silu(in[0]), inference[0], 1e-6, "silu kernel against the definition");
            assertClose(training[0], inference[0], 1e-6, "silu kernel against x sigmoid(x)");
            assertClose(training[1], inference[1], 1e-6, "input gradients of the two routes");
        }
    }

    @Test
    void nearestUpsamplingMatchesTwoRepeats() {
        float[] x = gaussian(N * CHANNELS * H * W, 5, 0);
        float[] v = gaussian(4 * x.length, 6, 0);
        try (NDManager manager = TorchEngine.get().newBaseManager()) {
            float[][] inference = valueAndGradient(manager, x, v, a -> Ops.repeat2(a, false));
            float[][] training = valueAndGradient(manager, x, v, a -> Ops.repeat2(a, true));
            for (int i = 0; i < 4 * x.length; i++) {
                int j = i % (2 * W) / 2 + W * (i / (2 * W) / 2);
                assertEquals(x[j], inference[0][i], "upsampled value " + i);
            }
            assertArrayEquals(training[0], inference[0]);
            assertClose(training[1], inference[1], 1e-6, "input gradients of the two routes");
        }
    }
}
