package dev.strata.sampler.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The U-Net's inference route (channels-last arrays, libtorch's group_norm and silu through TorchScript, nearest
 * upsampling by upsample_nearest2d) gives the values of its training route (row-major arrays and array ops), read
 * straight from the network's output as a caller reads it.
 */
class SmallUNetRoutesTest {
    @Test
    void inferenceRouteMatchesTheTrainingRoute() {
        SmallUNet.Config config = new SmallUNet.Config(2, 16, 3, 4, 16, 32);
        int n = 3;
        int h = 16;
        int w = 24;
        try (NDManager manager = TorchEngine.get().newBaseManager()) {
            SmallUNet net = SmallUNet.seeded(config, 5, manager, n, h, w);
            ParameterStore store = new ParameterStore(manager, false);
            SplittableRandom random = new SplittableRandom(9);
            float[] x = new float[n * 2 * h * w];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            double[] cNoise = {-0.5, 0.1, 0.7};
            float[][] out = new float[2][];
            for (int route = 0; route < 2; route++) {
                try (NDManager call = manager.newSubManager()) {
                    NDList in = new NDList(Ops.tensor(call, x, new Shape(n, 2, h, w)),
                            Ops.tensor(call, SmallUNet.noiseFeatures(cNoise, config.features()),
                                    new Shape(n, config.features())));
                    NDArray y = net.forward(store, in, route == 1).singletonOrThrow();
                    out[route] = y.toFloatArray();
                }
            }
            double scale = 0;
            double err = 0;
            for (int i = 0; i < out[0].length; i++) {
                scale = Math.max(scale, Math.abs(out[1][i]));
                err = Math.max(err, Math.abs(out[0][i] - out[1][i]));
            }
            assertEquals(0, err / scale, 1e-5, "inference route against the training route, relative to the largest");
        }
    }
}
