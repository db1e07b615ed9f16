package dev.strata.sampler.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.strata.sampler.Gaussian;

/**
 * The EDM denoising loss of one batch and its gradient (Karras et al. 2022, eq. 2, lambda = 1 / c_out^2):
 * mean over the batch of (F(c_in x; c_noise) - (x0 - c_skip x) / c_out)^2 with x = x0 + sigma eps. Fill the batch
 * with {@link #put}, then {@link #backward}. Not thread-safe; gradient collection holds {@link GradientLock}.
 */
final class EdmLossStep {
    private final EdmPreconditioning pre;
    private final SmallUNet net;
    private final ParameterStore store;
    private final int size;
    private final Shape xShape;
    private final Shape phiShape;
    private final float[] xin;
    private final float[] target;
    private final double[] cNoise;
    private final float[] condition;
    private final Shape conditionShape;

    EdmLossStep(EdmPreconditioning pre, SmallUNet net, ParameterStore store, int batch, int[] shape) {
        this.pre = pre;
        this.net = net;
        this.store = store;
        this.size = shape[0] * shape[1] * shape[2];
        this.xShape = new Shape(batch, shape[0], shape[1], shape[2]);
        this.phiShape = new Shape(batch, net.config().features());
        this.xin = new float[batch * size];
        this.target = new float[batch * size];
        this.cNoise = new double[batch];
        SmallUNet.Config c = net.config();
        this.conditionShape = new Shape(batch, c.conditionInputChannels(), shape[1], shape[2]);
        this.condition = new float[c.conditional() ? batch * c.conditionInputChannels() * shape[1] * shape[2] : 0];
    }

    /**
     * The condition of sample {@code b}: {@code y[from..)} when {@code given}, else the null condition (a
     * conditional network only).
     */
    void putCondition(int b, float[] y, int from, boolean given) {
        int cells = (int) (conditionShape.get(2) * conditionShape.get(3));
        SmallUNet.putCondition(condition, b, y, from, given, net.config().conditionChannels(), cells);
    }

    /** Sample {@code b} of the batch: x0 = {@code x0[from..from+size)}, noise level sigma, noise eps from {@code g}. */
    void put(int b, float[] x0, int from, double sigma, Gaussian g) {
        double cIn = pre.cIn(sigma);
        double cSkip = pre.cSkip(sigma);
        double cOut = pre.cOut(sigma);
        cNoise[b] = pre.cNoise(sigma);
        for (int i = 0; i < size; i++) {
            double clean = x0[from + i];
            double x = clean + sigma * g.next();
            xin[b * size + i] = (float) (cIn * x);
            target[b * size + i] = (float) ((clean - cSkip * x) / cOut);
        }
    }

    /** The loss of the batch; leaves its gradient on the network's parameters. Temporaries go to {@code sm}. */
    float backward(Engine engine, NDManager sm) {
        float[] phi = SmallUNet.noiseFeatures(cNoise, net.config().features());
        NDArray t = Ops.tensor(sm, target, xShape);
        NDList in = new NDList(Ops.tensor(sm, xin, xShape), Ops.tensor(sm, phi, phiShape));
        if (net.config().conditional()) {
            in.add(Ops.tensor(sm, condition, conditionShape));
        }
        synchronized (GradientLock.LOCK) {
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray loss = net.forward(store, in, true).singletonOrThrow().sub(t).square().mean();
                gc.backward(loss);
                return loss.getFloat();
            }
        }
    }
}
