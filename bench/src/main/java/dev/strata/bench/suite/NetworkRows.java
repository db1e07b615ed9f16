package dev.strata.bench.suite;

import dev.strata.sampler.nn.NetworkDenoiser;
import dev.strata.sampler.nn.SmallUNet;
import dev.strata.sampler.nn.TorchEngine;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The network of a reverse step through DJL (PyTorch engine, CPU): the U-Net of {@code strata train}'s defaults on
 * the seismic shape 2 x 80 x 104 with seeded random weights, forward (the denoiser) and forward + input VJP (what
 * DPS guidance needs), per batch size, with PyTorch's intra-op thread count.
 */
final class NetworkRows {
    static final int[] SHAPE = {2, 80, 104};
    static final SmallUNet.Config NET = new SmallUNet.Config(2, 16, 3, 4, 16, 32);
    /**
     * VJP calls (each a forward and a backward pass) before either is timed: libtorch's first calls at a shape build
     * oneDNN primitives and grow its allocator, work that would otherwise land in whichever is timed first.
     */
    static final int NATIVE_WARM_CALLS = 3;

    private NetworkRows() {
    }

    static void run(SuiteContext ctx) {
        try (NetworkDenoiser net = NetworkDenoiser.seededRandom(SHAPE, NET, 7)) {
            for (int batch : ctx.settings().quick() ? new int[] {16} : new int[] {1, 4, 16, 64}) {
                int size = SHAPE[0] * SHAPE[1] * SHAPE[2];
                float[] x = new float[batch * size];
                float[] v = new float[batch * size];
                SplittableRandom r = new SplittableRandom(3);
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) r.nextGaussian();
                    v[i] = (float) r.nextGaussian();
                }
                for (int warm = 0; warm < NATIVE_WARM_CALLS; warm++) {
                    net.vjp(x, 1.0, v, batch);
                }
                Timing forward = Timing.of(ctx.settings().repeats(), () -> net.denoise(x, 1.0, batch));
                Timing vjp = Timing.of(ctx.settings().repeats(), () -> net.vjp(x, 1.0, v, batch));
                Map<String, Object> extra = Map.of("batch", batch, "parameters", net.parameterCount(),
                        "torchThreads", TorchEngine.threads());
                ctx.emit(ctx.row("network-forward", batch, "djl-pytorch", "cpu", forward, (double) batch * size,
                        Double.NaN, extra));
                ctx.emit(ctx.row("network-vjp", batch, "djl-pytorch", "cpu", vjp, (double) batch * size, Double.NaN,
                        Map.of("batch", batch, "ratioToForward", vjp.medianSeconds() / forward.medianSeconds())));
            }
        }
    }
}
